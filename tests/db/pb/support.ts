// Shared by the PB database tests: refusals checked by their stable key. The checks every
// database test uses are in tests/support/calls.ts.
import type { Database } from '../../../supabase/local/database.ts';
import { refusedWith } from '../../support/calls.ts';
import type { Actor } from '../../support/db.ts';

export { chainHead, eventsSince, keyOf, ok } from '../../support/calls.ts';

/** Calls fn expecting a refusal with this status and key, and checks nothing was written. */
export const refused = (db: Database, actor: Actor, fn: string, args: Record<string, unknown>, status: number, key?: string) =>
  refusedWith(db, actor, fn, args, status, { key });
