// Access needs are deleted at a set time after the festival, by an officer or by the schedule:
// exactly the needs of editions whose time is up, nothing else (not the bookings, not the places,
// not another edition's needs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { anonymous, newPerson, openTestDatabase, serviceRole, type Actor } from '../../support/db.ts';
import { ok, refusedWith } from '../../support/calls.ts';
import { book, EDITION, freshEmail, shiftEdition } from './world.ts';

let db: Database;
let officer: Actor;
let resident: Actor;
const OTHER = 'retention-other';

beforeAll(async () => {
  db = await openTestDatabase();
  officer = await newPerson(db, freshEmail('officer'), { officer: true });
  resident = await newPerson(db, freshEmail('resident'));
  // A second edition, still to come, whose needs must survive.
  await db.query(
    `insert into private.festival_editions (slug, title, bookings_close_at, ends_at) values ($1, 'Another festival', now() + interval '10 days', now() + interval '20 days')`,
    [OTHER],
  );
  await db.query(
    `insert into private.festival_sessions (edition, key, title, starts_at, ends_at, capacity) values ($1, 'talk', 'Talk', now() + interval '20 days', now() + interval '20 days 1 hour', 10)`,
    [OTHER],
  );
});
afterAll(() => db.close());

const counts = async () => {
  const [row] = await db.query<{ needs_2027: string; needs_other: string; bookings: string; places: string }>(
    `select (select count(*) from private.festival_access_needs n join private.festival_bookings b on b.id = n.booking_id where b.edition = $1) as needs_2027,
            (select count(*) from private.festival_access_needs n join private.festival_bookings b on b.id = n.booking_id where b.edition = $2) as needs_other,
            (select count(*) from private.festival_bookings) as bookings, (select count(*) from private.festival_places) as places`,
    [EDITION, OTHER],
  );
  return {
    needs2027: Number(row!.needs_2027),
    needsOther: Number(row!.needs_other),
    bookings: Number(row!.bookings),
    places: Number(row!.places),
  };
};

describe('deleting access needs after the festival', () => {
  it('is refused before the keeping time is over, to an officer too, and deletes nothing', async () => {
    await book(db, { p_needs: ['quiet_space'] });
    await book(db, { p_edition: OTHER, p_sessions: ['talk'], p_needs: ['step_free'] });
    const before = await counts();
    const refused = await refusedWith(db, officer, 'festival_delete_access_needs', { p_edition: EDITION }, 409, {
      key: 'needs_still_kept',
    });
    expect(refused.refusal.delete_from).toBeTruthy();
    expect(await ok(db, serviceRole, 'festival_retention_run')).toEqual({ deleted: 0 });
    expect(await counts()).toEqual(before);
  });

  it('is only for officers and the schedule', async () => {
    await refusedWith(db, resident, 'festival_delete_access_needs', { p_edition: EDITION }, 403, { key: 'not_festival_officer' });
    await refusedWith(db, anonymous, 'festival_retention_run', {}, 401);
    await refusedWith(db, resident, 'festival_retention_run', {}, 403);
  });

  it('deletes exactly the needs of an edition whose time is up, keeping bookings, places and other editions', async () => {
    // The festival ended 31 days ago: one day past the 30 it keeps needs for.
    const [row] = await db.query<{ days: number }>(
      `select ceil(extract(epoch from now() - ends_at) / 86400)::int as days from private.festival_editions where slug = $1`,
      [EDITION],
    );
    await shiftEdition(db, Number(row!.days) - 31);
    const before = await counts();
    expect(before.needs2027).toBeGreaterThan(0);
    const answer = await ok(db, officer, 'festival_delete_access_needs', { p_edition: EDITION });
    expect(answer).toEqual({ deleted: before.needs2027 });
    expect(await counts()).toEqual({ ...before, needs2027: 0 });
    const [edition] = await db.query<{ needs_deleted_at: string | null }>(
      'select needs_deleted_at from private.festival_editions where slug = $1',
      [EDITION],
    );
    expect(edition!.needs_deleted_at).not.toBeNull();
  });

  it('the scheduled run deletes only what is due, and a second run nothing', async () => {
    await shiftEdition(db, -60, OTHER);
    await db.query(`update private.festival_editions set keep_needs_for = interval '7 days' where slug = $1`, [OTHER]);
    const before = await counts();
    expect(await ok(db, serviceRole, 'festival_retention_run')).toEqual({ deleted: before.needsOther });
    expect(await counts()).toEqual({ ...before, needsOther: 0 });
    expect(await ok(db, serviceRole, 'festival_retention_run')).toEqual({ deleted: 0 });
  });
});
