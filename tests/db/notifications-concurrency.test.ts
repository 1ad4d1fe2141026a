// Senders claiming at once on a real PostgreSQL server (PGlite runs one call at a time, so this
// is where FOR UPDATE SKIP LOCKED is really put to the test): eight claims at once never share a
// row, and together take every due row. Many voters casting at once each get their own receipt
// email. .ci/run starts Debian's PostgreSQL and sets TEST_DATABASE_URL; without one these tests
// do not run.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandIn, type StandIn } from '../../supabase/local/server.ts';
import { callAs, createUser, dropWhenIdle, serviceRole } from '../support/db.ts';
import { buildPbWorld, makeEligible, newResident } from './pb/world.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
const database = `wt_outbox_conc_${process.pid}_${Date.now()}`;
let standIn: StandIn;

describe.runIf(serverUrl)('the outbox on a real PostgreSQL server', () => {
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${database}`);
    await admin.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${database}`;
    standIn = await startStandIn({
      databaseUrl: url.toString(),
      supabaseDir: 'supabase',
      port: 0,
      jwtSecret: 'outbox-concurrency-secret-outbox-concurrency',
      log: () => undefined,
    });
    await standIn.db.query('select api.queue_deadline_reminders()');
    await standIn.db.exec('update private.outbox set sent_at = now() where sent_at is null');
  }, 120_000);

  afterAll(async () => {
    await standIn?.close();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await dropWhenIdle((sql) => admin.query(sql), database);
    await admin.end();
  });

  it('eight claims at once never take the same row, and together take them all', async () => {
    const person = await createUser(standIn.db, 'concurrent-outbox@example.org');
    await standIn.db.query(
      `select private.notify($1, 'review_ready', '{"round": "At once"}', '/panel/review/?round=c', 'conc:' || n) from generate_series(1, 120) n`,
      [person],
    );
    const claims = await Promise.all(Array.from({ length: 8 }, () => callAs(standIn.db, serviceRole, 'outbox_claim', { p_batch: 20 })));
    const ids = claims.flatMap((c) => {
      if (!c.ok) throw new Error(c.message);
      return (c.data as { id: number }[]).map((r) => r.id);
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(120);
  }, 60_000);

  it('many voters casting at once each get their own receipt email', async () => {
    const w = await buildPbWorld(standIn.db, { phase: 'voting' });
    const voters = await Promise.all(Array.from({ length: 20 }, () => newResident(standIn.db)));
    for (const v of voters) await makeEligible(standIn.db, w, v.sub);
    const cast = await Promise.all(
      voters.map((v) => callAs(standIn.db, v, 'pb_cast_ballot', { p_process_id: w.processId, p_proposal_ids: [w.shortlist[0]!.id] })),
    );
    expect(cast.filter((r) => !r.ok)).toEqual([]);
    const [row] = await standIn.db.query<{ n: string; people: string }>(
      `select count(*) as n, count(distinct person_id) as people from private.outbox where template = 'pb_vote_receipt' and person_id = any ($1)`,
      [voters.map((v) => v.sub)],
    );
    expect(row).toEqual({ n: '20', people: '20' });
  }, 60_000);
});
