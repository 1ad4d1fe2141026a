// Truly concurrent bookings on a real PostgreSQL server (PGlite runs one call at a time): the
// sessions' row locks must keep every session within its capacity, with everyone else waiting in
// a single order. .ci/run sets TEST_DATABASE_URL; without one these tests do not run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandIn } from '../../../supabase/local/server.ts';
import { anonymous, callAs } from '../../support/db.ts';
import { startServerStandIn } from '../../support/stand-in.ts';
import { bookArgs, emptySession } from './world.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
let standIn: StandIn & { databaseUrl: string };

describe.runIf(serverUrl)('booking at once on a real PostgreSQL server', () => {
  beforeAll(async () => {
    standIn = await startServerStandIn(serverUrl!, 'wt_festival_conc');
    await emptySession(standIn.db, 'the-dementia-bus');
  }, 120_000);
  afterAll(() => standIn?.close());

  it('40 people booking the 8 places of the dementia bus at once: 8 booked, 32 waiting in one order', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        callAs(standIn.db, anonymous, 'festival_book', bookArgs({ p_sessions: ['the-dementia-bus', 'welcome'] })),
      ),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const [row] = await standIn.db.query<{ capacity: number; taken: number; waiting: string; positions: string }>(
      `select s.capacity, private.festival_taken(s.id) as taken,
              (select count(*) from private.festival_places p where p.session_id = s.id and p.status = 'waiting') as waiting,
              (select count(distinct p.queued) from private.festival_places p where p.session_id = s.id and p.status = 'waiting') as positions
       from private.festival_sessions s where s.key = 'the-dementia-bus'`,
    );
    expect(Number(row!.taken)).toBe(row!.capacity);
    expect(Number(row!.waiting)).toBe(40 - row!.capacity);
    expect(Number(row!.positions)).toBe(40 - row!.capacity);
  });

  it('cancellations and bookings at once never take a session over its capacity', async () => {
    const makers = await Promise.all(
      Array.from({ length: 10 }, () => callAs(standIn.db, anonymous, 'festival_book', bookArgs({ p_sessions: ['the-dementia-bus'] }))),
    );
    const tokens = makers.map((r) => (r.ok ? (r.data as { token: string }).token : ''));
    await Promise.all([
      ...tokens.slice(0, 5).map((t) => callAs(standIn.db, anonymous, 'festival_cancel_booking', { p_token: t })),
      ...Array.from({ length: 10 }, () => callAs(standIn.db, anonymous, 'festival_book', bookArgs({ p_sessions: ['the-dementia-bus'] }))),
    ]);
    const [row] = await standIn.db.query<{ capacity: number; taken: number }>(
      `select s.capacity, private.festival_taken(s.id) as taken from private.festival_sessions s where s.key = 'the-dementia-bus'`,
    );
    expect(Number(row!.taken)).toBe(row!.capacity);
  });
});
