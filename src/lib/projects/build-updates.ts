// Approved updates from the database, read once per build, so `npm start` and `astro build`
// put them on the static project pages and in the feed without anyone editing Markdown. With no
// database configured, or one that does not answer, the build goes on with the Markdown alone
// and says so: each project page's script still shows the approved updates to its readers.
import type { PublishedUpdate } from '../api/project-updates.ts';
import { fromPublished } from './timeline.ts';

export type BuiltUpdate = ReturnType<typeof fromPublished>;

let loaded: Promise<BuiltUpdate[]> | undefined;

/** Reads api.published_project_updates with the anon key; [] (with a warning) when it cannot. */
export async function fetchApprovedUpdates(
  url: string | undefined,
  anonKey: string | undefined,
  fetchFn: typeof fetch = fetch,
  warn: (message: string) => void = console.warn,
): Promise<BuiltUpdate[]> {
  if (!url || !anonKey) {
    warn('No Supabase address is set, so the build shows only the project updates written in Markdown.');
    return [];
  }
  try {
    const response = await fetchFn(`${url}/rest/v1/rpc/published_project_updates`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', apikey: anonKey, Authorization: `Bearer ${anonKey}` },
      body: '{}',
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return ((await response.json()) as PublishedUpdate[]).map(fromPublished);
  } catch (error) {
    warn(
      `Could not read approved project updates from ${url} (${(error as Error).message}): the pages show the Markdown updates, and each page's script adds the rest.`,
    );
    return [];
  }
}

/** The approved updates for this build, fetched once however many pages ask. */
export function approvedUpdatesAtBuild(): Promise<BuiltUpdate[]> {
  loaded ??= fetchApprovedUpdates(
    (import.meta.env.PUBLIC_SUPABASE_URL as string | undefined) ?? process.env.PUBLIC_SUPABASE_URL,
    (import.meta.env.PUBLIC_SUPABASE_ANON_KEY as string | undefined) ?? process.env.PUBLIC_SUPABASE_ANON_KEY,
  );
  return loaded;
}
