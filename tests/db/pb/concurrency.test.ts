// Truly concurrent casts on a real PostgreSQL server (PGlite runs one call at a time, so this is
// where the voter's row lock and the one-ballot constraint are really put to the test).
// .ci/run starts Debian's PostgreSQL and sets TEST_DATABASE_URL; without one these tests do not run.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandIn } from '../../../supabase/local/server.ts';
import { callAs } from '../../support/db.ts';
import { startServerStandIn } from '../../support/stand-in.ts';
import { keyOf } from './support.ts';
import { buildPbWorld, makeEligible, newResident, type PbWorld } from './world.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
let standIn: StandIn & { databaseUrl: string };
let w: PbWorld;

describe.runIf(serverUrl)('casting ballots at once on a real PostgreSQL server', () => {
  beforeAll(async () => {
    standIn = await startServerStandIn(serverUrl!, 'wt_pb_conc');
    // Budget 10000; shortlist 4000, 3000, 2500, 1500, 6000.
    w = await buildPbWorld(standIn.db, { phase: 'voting', shortlist: [4000, 3000, 2500, 1500, 6000] });
  }, 120_000);

  afterAll(() => standIn?.close());

  const s = (i: number) => w.shortlist[i]!.id;
  const ballotsOf = (personId: string) =>
    standIn.db.query<{ proposal_ids: string[]; changes: number }>(
      `select b.proposal_ids, b.changes from private.pb_voters v join private.pb_ballots b on b.id = v.ballot_id where v.process_id = $1 and v.person_id = $2`,
      [w.processId, personId],
    );

  it('one voter casting 50 ballots at once leaves one ballot, the one whose receipt is current', async () => {
    const me = await newResident(standIn.db);
    await makeEligible(standIn.db, w, me.sub);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        callAs(standIn.db, me, 'pb_cast_ballot', { p_process_id: w.processId, p_proposal_ids: [s(i % 4)] }),
      ),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const ballots = await ballotsOf(me.sub);
    expect(ballots).toHaveLength(1);
    expect(ballots[0]!.changes).toBe(49);
    const [receipts] = await standIn.db.query<{ total: string; current: string; ids: string[] }>(
      // Current: no later receipt for the ballot (how api.pb_check_receipt reads it); the numbers are its versions.
      `select count(*) as total, count(distinct r.number) as numbers,
              count(*) filter (where not exists (select 1 from private.pb_receipts l where l.ballot_id = r.ballot_id and l.number > r.number)) as current,
              (select r2.proposal_ids from private.pb_receipts r2 join private.pb_voters v2 on v2.ballot_id = r2.ballot_id
               where v2.person_id = $1 order by r2.number desc limit 1) as ids
       from private.pb_receipts r join private.pb_voters v on v.ballot_id = r.ballot_id where v.person_id = $1`,
      [me.sub],
    );
    expect(receipts).toMatchObject({ total: '50', numbers: '50', current: '1' });
    expect(receipts!.ids).toEqual(ballots[0]!.proposal_ids);
  }, 60_000);

  it('casts at once that would together go over the budget leave a valid ballot and clear refusals', async () => {
    const me = await newResident(standIn.db);
    await makeEligible(standIn.db, w, me.sub);
    // Each within budget alone: 4000+3000+2500, 6000+1500, 6000+2500; and some over it: 6000+4000+1500.
    const choices = [
      [s(0), s(1), s(2)],
      [s(4), s(3)],
      [s(4), s(2)],
      [s(4), s(0), s(3)],
      [s(4), s(1), s(3)],
    ];
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        callAs(standIn.db, me, 'pb_cast_ballot', { p_process_id: w.processId, p_proposal_ids: choices[i % choices.length] }),
      ),
    );
    const refusedOnes = results.filter((r) => !r.ok);
    expect(refusedOnes).toHaveLength(16);
    for (const r of refusedOnes) {
      expect(r.status).toBe(400);
      expect(keyOf(r)).toBe('over_budget');
    }
    const [ballot] = await ballotsOf(me.sub);
    expect(ballot!.changes).toBe(23);
    const [sum] = await standIn.db.query<{ total: string }>(
      `select sum(checked_cost) as total from private.pb_proposals where id = any ($1::uuid[])`,
      [ballot!.proposal_ids],
    );
    expect(Number(sum!.total)).toBeLessThanOrEqual(10000);
  }, 60_000);

  // Casts hold the process with a shared advisory lock (private.pb_hold_process), not a row lock:
  // closing voting must still wait for a cast under way, and no cast may land after it.
  it('closing voting waits for a cast under way, and refuses every cast after it', async () => {
    const world = await buildPbWorld(standIn.db, { phase: 'voting', shortlist: [4000, 3000] });
    const me = await newResident(standIn.db);
    await makeEligible(standIn.db, world, me.sub);
    const [session] = await standIn.db.query<{ id: string }>('insert into auth.sessions (user_id) values ($1) returning id', [me.sub]);
    const voter = new pg.Client({ connectionString: standIn.databaseUrl });
    await voter.connect();
    try {
      await voter.query('begin');
      await voter.query(`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`, [
        JSON.stringify({ role: 'authenticated', aud: 'authenticated', sub: me.sub, session_id: session!.id }),
      ]);
      await voter.query('select api.pb_cast_ballot($1, $2)', [world.processId, [world.shortlist[0]!.id]]);
      let moved = false;
      const move = callAs(standIn.db, world.officer, 'pb_move_phase', { p_process_id: world.processId, p_to: 'counting' }).then((r) => {
        moved = true;
        return r;
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(moved, 'the phase moved while a cast was under way').toBe(false);
      await voter.query('commit');
      expect(await move).toMatchObject({ ok: true });
    } finally {
      await voter.end();
    }
    expect(
      await standIn.db.query('select 1 from private.pb_voters v where v.process_id = $1 and v.person_id = $2', [world.processId, me.sub]),
    ).toHaveLength(1);
    const late = await callAs(standIn.db, me, 'pb_cast_ballot', {
      p_process_id: world.processId,
      p_proposal_ids: [world.shortlist[1]!.id],
    });
    expect(keyOf(late)).toBe('wrong_phase');
  }, 60_000);

  it('many voters at once each keep exactly one ballot', async () => {
    const voters = [];
    for (let i = 0; i < 10; i++) {
      const v = await newResident(standIn.db);
      await makeEligible(standIn.db, w, v.sub);
      voters.push(v);
    }
    const results = await Promise.all(
      voters.flatMap((v) =>
        Array.from({ length: 5 }, (_, i) =>
          callAs(standIn.db, v, 'pb_cast_ballot', { p_process_id: w.processId, p_proposal_ids: [s(i % 4)] }),
        ),
      ),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    for (const v of voters) expect(await ballotsOf(v.sub)).toHaveLength(1);
  }, 60_000);
});
