// Shared by the grants database tests: the seeded people and rounds, small helpers for calling
// the api as someone and for checking that a refused call changed nothing.
import { expect } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { callAs, signedIn, type Actor, type CallResult } from '../../support/db.ts';

const person = (n: string) => `00000000-0000-4000-8000-0000000000${n}`;

/** Seeded people, by the part of their email before the @ (see supabase/seed.sql). */
export const SEEDED = {
  resident: person('01'),
  officer: person('02'),
  scrutiny: person('03'),
  chair: person('04'),
  clerk: person('05'),
  member: person('06'),
  member2: person('07'),
  councillor: person('08'),
  ray: person('10'),
  forde: person('11'),
  kwame: person('15'),
  siddiqui: person('24'),
} as const;

export const ROUNDS = {
  innovation: '00000000-0000-4000-9000-000000000101',
  sustainability: '00000000-0000-4000-9000-000000000102',
  youth: '00000000-0000-4000-9000-000000000103',
} as const;

export const seeded = (who: keyof typeof SEEDED): Actor =>
  signedIn(SEEDED[who], ['ray', 'forde', 'kwame', 'siddiqui'].includes(who) ? undefined : `${who}@example.org`);

/** The data of a call that must succeed; fails the test with the server's message otherwise. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the default lets the existing calls read answers untyped; a new call should name its wrapper's Result type (src/lib/api/).
export async function ok<T = any>(db: Database, actor: Actor, fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const result = await callAs(db, actor, fn, args);
  if (!result.ok) expect.fail(`${fn} refused (${result.status} ${result.code}): ${result.message}`);
  return result.data as T;
}

/** The id of the newest audit event: if it has not moved, nothing was written or read. */
export async function chainHead(db: Database): Promise<number> {
  const [row] = await db.query<{ last_id: string | null }>('select max(last_id) as last_id from private.audit_chain_head');
  return Number(row?.last_id ?? 0);
}

/** What private.refuse put in a refusal's detail: {key, field, ...facts}; {} for any other error. */
export function refusalOf(result: { details: string | null }): { key?: string; field?: string; [fact: string]: unknown } {
  return result.details?.startsWith('{') ? JSON.parse(result.details) : {};
}

export type Refused = CallResult & { ok: false; refusal: ReturnType<typeof refusalOf> };

/** Calls fn expecting a refusal with this status and code, and checks nothing changed. */
export async function refused(db: Database, actor: Actor, fn: string, args: Record<string, unknown>, status: number, code?: string): Promise<Refused> {
  const before = await chainHead(db);
  const result = await callAs(db, actor, fn, args);
  expect(result, `${fn} should be refused`).toMatchObject({ ok: false, status, ...(code ? { code } : {}) });
  expect(await chainHead(db), `${fn} refused but wrote something`).toBe(before);
  return { ...(result as CallResult & { ok: false }), refusal: refusalOf(result as CallResult & { ok: false }) };
}

export async function applicationId(db: Database, reference: string): Promise<string> {
  const [row] = await db.query<{ id: string }>('select id from private.applications where reference = $1', [reference]);
  if (!row) throw new Error(`no application ${reference}`);
  return row.id;
}

export async function memberId(db: Database, roundId: string, personId: string): Promise<string> {
  const [row] = await db.query<{ id: string }>('select id from private.panel_members where round_id = $1 and person_id = $2', [roundId, personId]);
  if (!row) throw new Error(`no member ${personId} in ${roundId}`);
  return row.id;
}

/** A row's values as an audit event keeps them: null on the side the change has none (an insert's old values). */
type AuditValues = Record<string, unknown> | null;

/** Audit events written after `after` (an id from chainHead). */
export async function eventsSince(db: Database, after: number) {
  return db.query<{ id: string; action: string; table_name: string; row_id: string; actor: string | null; actor_role: string; details: unknown; new_values: AuditValues; old_values: AuditValues }>(
    'select id, action, table_name, row_id, actor, actor_role, details, new_values, old_values from private.audit_events where id > $1 order by id',
    [after],
  );
}
