// Guessing voting codes is limited: after N wrong codes in an hour a person is refused 429 (even
// with a right code) until the oldest counts out; everyone's wrong codes in one process together
// have a shorter window. Wrong codes are kept though the call is refused (response.status, no
// rollback), another person's right code still works, and officers entering paper ballots are
// not limited, their wrong codes audited instead. The clock is moved by ageing the kept attempts, as the stand-in has no clock of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { callAs, openTestDatabase, type Actor } from '../../support/db.ts';
import { buildOfficerWorld, type OfficerWorld } from './officer-world.ts';
import { chainHead, eventsSince, keyOf, ok, refused } from './support.ts';
import { addCodes, buildPbWorld, newResident, type PbWorld } from './world.ts';

type Limits = { per_person: number; person_minutes: number; per_process: number; process_minutes: number };

let db: Database;
let w: PbWorld;
let limits: Limits;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildPbWorld(db, { phase: 'voting' });
  [limits] = (await db.query<Limits>(
    `select per_person, extract(epoch from person_window) / 60 as person_minutes,
            per_process, extract(epoch from process_window) / 60 as process_minutes from private.pb_code_limits()`,
  )) as [Limits];
  limits = { ...limits, person_minutes: Number(limits.person_minutes), process_minutes: Number(limits.process_minutes) };
});
afterAll(() => db.close());

const redeem = (p_code: string | undefined, processId = w.processId) => ({ p_process_id: processId, p_code });
const wrong = (i: number) => `WRNG-${String(i).padStart(4, '2').replace(/[01]/g, '2')}-ZZZZ`;
const keptFor = async (personId: string) =>
  Number((await db.query<{ n: string }>('select count(*) as n from private.pb_code_attempts where person_id = $1', [personId]))[0]!.n);
/** Moves the clock on for these attempts: the stand-in's now() cannot be set, so the rows get older. */
const age = (column: 'person_id' | 'process_id', id: string, minutes: number) =>
  db.query(`update private.pb_code_attempts set at = at - make_interval(mins => $2) where ${column} = $1`, [id, minutes]);

async function guessWrong(actor: Actor, times: number, processId = w.processId) {
  for (let i = 0; i < times; i += 1) await refused(db, actor, 'pb_redeem_code', redeem(wrong(i), processId), 400, 'code_not_recognised');
}

describe('wrong voting codes by one person', () => {
  it('are kept though refused, and say how many tries are left', async () => {
    const me = await newResident(db);
    const first = await refused(db, me, 'pb_redeem_code', redeem(wrong(1)), 400, 'code_not_recognised');
    expect(first.refusal).toMatchObject({ key: 'code_not_recognised', field: 'code', attempts_left: limits.per_person - 1 });
    expect(first.code).toBe('P0001');
    expect(await keptFor(me.sub)).toBe(1);
  });

  it(`are allowed up to the limit, then refused 429 with retry_after, even with a right code`, async () => {
    const me = await newResident(db);
    const [code] = await addCodes(db, w, 1);
    await guessWrong(me, limits.per_person - 1);
    // One below the limit a right code still works: the limit counts wrong codes, not people.
    const other = await newResident(db);
    await guessWrong(other, limits.per_person - 1);
    expect(await ok(db, other, 'pb_redeem_code', redeem(code))).toMatchObject({ eligible: true });
    await guessWrong(me, 1);
    const [spare] = await addCodes(db, w, 1);
    const stopped = await refused(db, me, 'pb_redeem_code', redeem(spare), 429, 'too_many_code_attempts');
    expect(stopped.refusal).toMatchObject({ field: 'code', scope: 'person' });
    expect(stopped.refusal.retry_after).toBeGreaterThan(limits.person_minutes * 60 - 60);
    expect(stopped.refusal.retry_after).toBeLessThanOrEqual(limits.person_minutes * 60);
    // The refusal itself is not counted, so waiting is enough.
    expect(await keptFor(me.sub)).toBe(limits.per_person);
  });

  it('a right code still works for another person while one is stopped', async () => {
    const me = await newResident(db);
    await guessWrong(me, limits.per_person);
    await refused(db, me, 'pb_redeem_code', redeem(wrong(99)), 429, 'too_many_code_attempts');
    const [code] = await addCodes(db, w, 1);
    expect(await ok(db, await newResident(db), 'pb_redeem_code', redeem(code))).toMatchObject({ eligible: true, method: 'voting_code' });
  });

  it('count in every process together, and stop only the person', async () => {
    const me = await newResident(db);
    const elsewhere = await buildPbWorld(db, { phase: 'voting' });
    await guessWrong(me, limits.per_person - 1, elsewhere.processId);
    await guessWrong(me, 1);
    const [code] = await addCodes(db, w, 1);
    await refused(db, me, 'pb_redeem_code', redeem(code), 429, 'too_many_code_attempts');
  });

  it('are forgiven as the window passes: the oldest counts out first', async () => {
    const me = await newResident(db);
    await guessWrong(me, limits.per_person);
    const [code] = await addCodes(db, w, 1);
    await refused(db, me, 'pb_redeem_code', redeem(code), 429, 'too_many_code_attempts');
    // Just inside the window: still stopped, with less time to wait.
    await age('person_id', me.sub, limits.person_minutes - 5);
    const waiting = await refused(db, me, 'pb_redeem_code', redeem(code), 429, 'too_many_code_attempts');
    expect(waiting.refusal.retry_after).toBeLessThanOrEqual(5 * 60);
    await age('person_id', me.sub, 6);
    expect(await ok(db, me, 'pb_redeem_code', redeem(code))).toMatchObject({ eligible: true });
  });
});

describe('wrong voting codes from everyone in one process', () => {
  it(`stop everyone in that process for a short while, not other processes`, async () => {
    const busy = await buildPbWorld(db, { phase: 'voting' });
    const guessers = await Promise.all([1, 2, 3].map(() => newResident(db)));
    // Many accounts, each under its own limit: written directly, as calling per_process times is slow.
    await db.query(
      `insert into private.pb_code_attempts (process_id, person_id)
       select $1, (array[$2, $3, $4]::uuid[])[1 + i % 3] from generate_series(1, $5) i`,
      [busy.processId, ...guessers.map((g) => g.sub), limits.per_process],
    );
    const [code] = await addCodes(db, busy, 1);
    const honest = await newResident(db);
    const paused = await refused(db, honest, 'pb_redeem_code', redeem(code, busy.processId), 429, 'too_many_code_attempts');
    expect(paused.refusal).toMatchObject({ scope: 'process' });
    expect(paused.refusal.retry_after).toBeLessThanOrEqual(limits.process_minutes * 60);
    // Another process is not affected.
    const [mine] = await addCodes(db, w, 1);
    expect(await ok(db, honest, 'pb_redeem_code', redeem(mine))).toMatchObject({ eligible: true });
    // After the short window the process is open again.
    await age('process_id', busy.processId, limits.process_minutes + 1);
    expect(await ok(db, await newResident(db), 'pb_redeem_code', redeem(code, busy.processId))).toMatchObject({ eligible: true });
  });
});

describe('the tables of wrong codes', () => {
  it.each(['private.pb_code_attempts', 'private.pb_paper_code_misses'])(
    '%s is private: RLS on, no rights for any API role',
    async (table) => {
      const [row] = await db.query<{ rls: boolean; anon: boolean; authed: boolean; service: boolean }>(
        `select c.relrowsecurity as rls,
              has_table_privilege('anon', c.oid, 'select, insert, update, delete') as anon,
              has_table_privilege('authenticated', c.oid, 'select, insert, update, delete') as authed,
              has_table_privilege('service_role', c.oid, 'select, insert, update, delete') as service
       from pg_class c where c.oid = $1::regclass`,
        [table],
      );
      expect(row).toEqual({ rls: true, anon: false, authed: false, service: false });
    },
  );
});

describe('paper ballots entered by officers', () => {
  let o: OfficerWorld;
  beforeAll(async () => {
    o = await buildOfficerWorld(db, 'voting');
  });

  it('are not limited by wrong codes, each of which is audited, as each entered ballot is', async () => {
    let before = await chainHead(db);
    for (let i = 0; i < limits.per_person + 3; i += 1) {
      const result = await callAs(db, o.actors.officer, 'pb_enter_paper_ballot', {
        p_process_id: o.processId,
        p_station_id: o.stationId,
        p_code: wrong(i),
        p_proposal_ids: [o.proposals[0]],
      });
      expect(result).toMatchObject({ ok: false, status: 400 });
      expect(keyOf(result)).toBe('code_not_found');
    }
    const misses = await eventsSince(db, before);
    expect(misses.map((e) => `${e.action} ${e.table_name}`)).toEqual(Array(limits.per_person + 3).fill('insert pb_paper_code_misses'));
    expect(misses.every((e) => e.actor === o.person.officer)).toBe(true);
    expect(await keptFor(o.person.officer)).toBe(0);
    before = await chainHead(db);
    await ok(db, o.actors.officer, 'pb_enter_paper_ballot', {
      p_process_id: o.processId,
      p_station_id: o.stationId,
      p_code: o.codes[0],
      p_proposal_ids: [o.proposals[0]],
    });
    const events = await eventsSince(db, before);
    expect(events.map((e) => `${e.action} ${e.table_name}`)).toEqual(
      expect.arrayContaining(['insert pb_ballots', 'insert pb_voters', 'update pb_voting_codes']),
    );
    expect(events.every((e) => e.actor === o.person.officer)).toBe(true);
  });
});
