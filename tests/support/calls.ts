// What the database tests check about a call, for grants and PB alike: a call that must succeed,
// a refusal that must have written nothing (the audit chain head does not move), the refusal's
// stable key, and the audit events a call left.
import { expect } from 'vitest';
import type { Database } from '../../supabase/local/database.ts';
import { callAs, type Actor, type CallResult } from './db.ts';

/** The data of a call that must succeed; fails the test with the server's message otherwise. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the default lets the existing calls read answers untyped; a new call should name its wrapper's Result type (src/lib/api/).
export async function ok<T = any>(db: Database, actor: Actor, fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const result = await callAs(db, actor, fn, args);
  if (!result.ok) expect.fail(`${fn} refused (${result.status} ${result.code}): ${result.message} ${result.details ?? ''}`);
  return result.data as T;
}

/** The id of the newest audit event in any lane: if it has not moved, nothing was written or read. */
export async function chainHead(db: Database): Promise<number> {
  const [row] = await db.query<{ last_id: string | null }>('select max(last_id) as last_id from private.audit_chain_head');
  return Number(row?.last_id ?? 0);
}

/** What private.refuse put in a refusal's detail: {key, field, ...facts}; {} for any other error. */
export function refusalOf(result: { details: string | null }): { key?: string; field?: string; [fact: string]: unknown } {
  return result.details?.startsWith('{') ? JSON.parse(result.details) : {};
}

/** The refusal's stable key, from PostgREST's details. */
export const keyOf = (result: CallResult) => (result.ok ? undefined : refusalOf(result).key);

/** A refused call, with what private.refuse said about it. */
export type Refused = CallResult & { ok: false; refusal: ReturnType<typeof refusalOf> };

/** What a refusal must carry besides its status: the SQLSTATE PostgREST reports, the stable key, or both. */
export interface Refusal {
  code?: string;
  key?: string;
}

/** Calls fn expecting a refusal with this status (and code or key), and checks nothing was written. */
export async function refusedWith(
  db: Database,
  actor: Actor,
  fn: string,
  args: Record<string, unknown>,
  status: number,
  expected: Refusal = {},
): Promise<Refused> {
  const before = await chainHead(db);
  const result = await callAs(db, actor, fn, args);
  expect(result, `${fn} should be refused`).toMatchObject({ ok: false, status, ...(expected.code ? { code: expected.code } : {}) });
  if (expected.key) expect(keyOf(result), `${fn} refusal key`).toBe(expected.key);
  expect(await chainHead(db), `${fn} refused but wrote something`).toBe(before);
  const refusedResult = result as CallResult & { ok: false };
  return { ...refusedResult, refusal: refusalOf(refusedResult) };
}

/** Audit events written after `after` (an id from chainHead), oldest first. The values are `any` so
 * that the tests written before typed answers still read them; a test can narrow its own. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above.
type LooseValues = any;

export async function eventsSince(db: Database, after: number) {
  return db.query<{
    id: string;
    action: string;
    table_name: string;
    row_id: string | null;
    actor: string | null;
    actor_role: string;
    details: LooseValues;
    new_values: LooseValues;
    old_values: LooseValues;
  }>(
    'select id, action, table_name, row_id, actor, actor_role, details, new_values, old_values from private.audit_events where id > $1 order by id',
    [after],
  );
}
