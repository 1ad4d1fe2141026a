// Small helpers for the PB residents' tests: a call that must succeed, a refusal with its key
// that must change nothing (the audit chain head does not move).
import { expect } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { callAs, type Actor, type CallResult } from '../../support/db.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the default lets the existing calls read answers untyped; a new call should name its wrapper's Result type (src/lib/api/).
export async function ok<T = any>(db: Database, actor: Actor, fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const result = await callAs(db, actor, fn, args);
  if (!result.ok) expect.fail(`${fn} refused (${result.status} ${result.code}): ${result.message} ${result.details ?? ''}`);
  return result.data as T;
}

export async function chainHead(db: Database): Promise<number> {
  const [row] = await db.query<{ last_id: string | null }>('select max(last_id) as last_id from private.audit_chain_head');
  return Number(row?.last_id ?? 0);
}

/** The refusal's stable key, from PostgREST's details. */
export const keyOf = (result: CallResult) => (result.ok || !result.details ? undefined : (JSON.parse(result.details) as { key?: string }).key);

/** Calls fn expecting a refusal with this status and key, and checks nothing was written. */
export async function refused(db: Database, actor: Actor, fn: string, args: Record<string, unknown>, status: number, key?: string) {
  const before = await chainHead(db);
  const result = await callAs(db, actor, fn, args);
  expect(result, `${fn} should be refused`).toMatchObject({ ok: false, status });
  if (key) expect(keyOf(result), `${fn} refusal key`).toBe(key);
  expect(await chainHead(db), `${fn} refused but wrote something`).toBe(before);
  return result as CallResult & { ok: false };
}
