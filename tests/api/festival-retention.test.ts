// The stand-in's schedule for festival retention: at start (and hourly) it runs
// api.festival_retention_run, so access needs whose keeping time is over are deleted without an
// officer remembering to.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startRetention } from '../../supabase/local/retention.ts';
import { startTestStandIn, type TestStandIn } from '../support/stand-in.ts';

let standIn: TestStandIn;
beforeAll(async () => {
  standIn = await startTestStandIn();
});
afterAll(() => standIn.close());

const needsOf2027 = async () =>
  Number(
    (
      await standIn.db.query<{ n: string }>(
        `select count(*) as n from private.festival_access_needs n join private.festival_bookings b on b.id = n.booking_id where b.edition = '2027-festival'`,
      )
    )[0]!.n,
  );

it('deletes due access needs when it runs, and leaves them while they are still kept', async () => {
  const lines: string[] = [];
  const first = startRetention({ db: standIn.db, everyMs: 3_600_000, log: (l) => lines.push(l) });
  const kept = await needsOf2027();
  await first.first;
  first.stop();
  expect(kept).toBeGreaterThan(0);
  expect(await needsOf2027()).toBe(kept);
  await standIn.db.query(
    `update private.festival_editions set ends_at = now() - interval '31 days', bookings_close_at = now() - interval '40 days' where slug = '2027-festival'`,
  );
  const second = startRetention({ db: standIn.db, everyMs: 3_600_000, log: (l) => lines.push(l) });
  await second.first;
  second.stop();
  expect(await needsOf2027()).toBe(0);
  expect(lines).toContain(`retention: deleted the access needs of ${kept} festival bookings`);
});
