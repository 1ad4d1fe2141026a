// The grants functions ask private.caller(), so a token whose session has ended (signed out, or
// ended by an administrator) is refused with 401 session_ended and changes nothing, while the
// same person with a live session is let in. Tokens carry session_id as Supabase Auth's do.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { liveSession, openTestDatabase, type Actor } from '../../support/db.ts';
import { ok, refused, ROUNDS, SEEDED, seeded } from './support.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

async function endedSession(userId: string): Promise<string> {
  const [row] = await db.query<{ id: string }>('insert into auth.sessions (user_id) values ($1) returning id', [userId]);
  await db.query('delete from auth.sessions where id = $1', [row!.id]);
  return row!.id;
}

const as = (who: 'officer' | 'member' | 'scrutiny', sessionId: string): Actor => ({ ...seeded(who), sessionId });

describe('an ended session', () => {
  it('is refused by an officer function (list_people), and a live one is permitted', async () => {
    const r = await refused(db, as('officer', await endedSession(SEEDED.officer)), 'list_people', {}, 401, 'PT401');
    expect(r.refusal).toEqual({ key: 'session_ended' });
    const people = await ok(db, as('officer', await liveSession(db, SEEDED.officer)), 'list_people', {});
    expect(people.length).toBeGreaterThan(0);
  });

  it('is refused by a member function (my_rounds) and when writing (accept_confidentiality), with nothing written', async () => {
    const ended = as('member', await endedSession(SEEDED.member));
    expect((await refused(db, ended, 'my_rounds', {}, 401)).refusal.key).toBe('session_ended');
    expect((await refused(db, ended, 'accept_confidentiality', { p_round_id: ROUNDS.innovation }, 401)).refusal.key).toBe('session_ended');
    const rounds = await ok(db, as('member', await liveSession(db, SEEDED.member)), 'my_rounds', {});
    expect(rounds.map((r: { round_id: string }) => r.round_id)).toContain(ROUNDS.innovation);
  });

  it('is refused by the audit trail, and so is a session that never existed or has passed its end', async () => {
    expect((await refused(db, as('scrutiny', randomUUID()), 'audit_trail', { p_limit: 1 }, 401)).refusal.key).toBe('session_ended');
    const [lapsed] = await db.query<{ id: string }>(
      `insert into auth.sessions (user_id, not_after) values ($1, now() - interval '1 minute') returning id`,
      [SEEDED.scrutiny],
    );
    expect((await refused(db, as('scrutiny', lapsed!.id), 'audit_trail', { p_limit: 1 }, 401)).refusal.key).toBe('session_ended');
    await ok(db, as('scrutiny', await liveSession(db, SEEDED.scrutiny)), 'audit_trail', { p_limit: 1 });
  });

  it('leaves the public functions open to anonymous visitors', async () => {
    expect(Array.isArray(await ok(db, { role: 'anon' }, 'list_funds', {}))).toBe(true);
  });
});
