// Shared by the moderation tests: a leaf sent from a client address (as the API's proxy would set
// x-forwarded-for), and the queue's items of one kind.
import type { Database } from '../../../supabase/local/database.ts';
import { invokeRpc } from '../../../supabase/local/rest.ts';
import type { CallResult } from '../../support/db.ts';

export { chainHead, eventsSince, ok, refusedWith } from '../../support/calls.ts';

let addresses = 0;
/** A client address no other test uses, so each test starts under the limits. */
export const freshAddress = () => `203.0.113.${(addresses++ % 250) + 1}, 10.0.0.${Math.floor(Math.random() * 250)}`;

export const leaf = (n: number | string = 1) => ({
  p_what: `Leaf ${n}: the carers' group planned the day centre's new activities with staff`,
  p_who: 'Carers, staff and two councillors',
  p_what_changed: 'The activities are now chosen by the people who come.',
  p_name: 'Sam',
});

/** api.tree_add_leaf as an anonymous caller from `address`. */
export async function sendLeaf(db: Database, args: Record<string, unknown>, address = freshAddress()): Promise<CallResult> {
  const outcome = await invokeRpc(
    db,
    { role: 'anon', claims: { role: 'anon' } },
    { schema: 'api', name: 'tree_add_leaf', args, headers: { 'x-forwarded-for': address } },
  );
  if (typeof outcome.body === 'object' && outcome.body !== null) return { ok: false, status: outcome.status, ...outcome.body };
  return { ok: true, status: outcome.status, data: outcome.body === undefined ? null : JSON.parse(outcome.body) };
}

export const countLeaves = async (db: Database) =>
  Number((await db.query<{ n: string }>('select count(*) as n from private.tree_leaves'))[0]!.n);

/** The refusal's key from a call's details. */
export const keyOfResult = (result: CallResult) =>
  result.ok ? undefined : (JSON.parse(result.details?.startsWith('{') ? result.details : '{}') as { key?: string }).key;
