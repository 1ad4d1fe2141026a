import { ensureSnapshot } from './snapshot.ts';

export default async function setup() {
  await ensureSnapshot();
}
