// The festival demo data (supabase/seeds/festival.sql): the dementia bus is full, so the waiting
// list can be tried; the published demo token opens its booking; the seed emailed nobody.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import type { FestivalSessions } from '../../../src/lib/api/festival.ts';
import { anonymous, openTestDatabase } from '../../support/db.ts';
import { ok } from '../../support/calls.ts';
import { EDITION } from './world.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

it('fills the dementia bus, opens the demo booking by its token, and queued no email', async () => {
  const sessions = await ok<FestivalSessions>(db, anonymous, 'festival_sessions', { p_edition: EDITION });
  expect(sessions.sessions.find((s) => s.key === 'the-dementia-bus')).toMatchObject({ capacity: 8, places_left: 0 });
  expect(await ok(db, anonymous, 'festival_booking', { p_token: 'feed'.repeat(12) })).toMatchObject({ reference: 'DEMO-0001' });
  expect(await db.query(`select 1 from private.outbox where template like 'festival%'`)).toEqual([]);
});
