// Officers plan the day: the summary (counts only), the named bookings and check-in list (each
// read recorded in the audit trail), the venue's file without personal details. Everyone else is
// refused. The trail itself never holds a booker's name, email or needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import type { FestivalOfficerBookings, FestivalOfficerSummary } from '../../../src/lib/api/festival.ts';
import { anonymous, newPerson, openTestDatabase, type Actor } from '../../support/db.ts';
import { chainHead, eventsSince, ok, refusedWith } from '../../support/calls.ts';
import { NEED_KINDS } from '../../../src/lib/festival-bookings.ts';
import { book, EDITION, freshEmail } from './world.ts';

let db: Database;
let officer: Actor;
let resident: Actor;
let before: FestivalOfficerSummary;
beforeAll(async () => {
  db = await openTestDatabase();
  officer = await newPerson(db, freshEmail('officer'), { officer: true });
  resident = await newPerson(db, freshEmail('resident'));
  before = await ok<FestivalOfficerSummary>(db, officer, 'festival_officer_summary', { p_edition: EDITION });
});
afterAll(() => db.close());

const officerFunctions: [string, Record<string, unknown>][] = [
  ['festival_officer_summary', { p_edition: EDITION }],
  ['festival_officer_bookings', { p_edition: EDITION }],
  ['festival_venue_export', { p_edition: EDITION }],
  ['festival_delete_access_needs', { p_edition: EDITION }],
];

describe('who may see the bookings', () => {
  it.each(officerFunctions)('%s refuses the public (401) and a resident (403)', async (fn, args) => {
    await refusedWith(db, anonymous, fn, args, 401);
    await refusedWith(db, resident, fn, args, 403, { key: 'not_festival_officer' });
  });
});

describe('the summary', () => {
  it('counts bookings, people, places per session and each kind of support, once per booking', async () => {
    await book(db, { p_name: 'Ada Summary', p_sessions: ['welcome', 'lunch'], p_needs: ['step_free', 'carer_place'] });
    await book(db, { p_sessions: ['lunch'], p_needs: ['step_free', 'dietary'], p_dietary: 'Halal', p_other: 'Bring my dog' });
    const after = await ok<FestivalOfficerSummary>(db, officer, 'festival_officer_summary', { p_edition: EDITION });
    expect(after.bookings - before.bookings).toBe(2);
    expect(after.people - before.people).toBe(3);
    expect(Object.keys(after.needs).sort()).toEqual([...NEED_KINDS].sort());
    expect(after.needs.step_free - before.needs.step_free).toBe(2);
    expect(after.needs.dietary - before.needs.dietary).toBe(1);
    expect(after.needs.carer_place - before.needs.carer_place).toBe(1);
    expect(after.other - before.other).toBe(1);
    const lunch = (s: FestivalOfficerSummary) => s.sessions.find((x) => x.key === 'lunch')!.booked;
    expect(lunch(after) - lunch(before)).toBe(3);
    expect(JSON.stringify(after)).not.toContain('Ada Summary');
  });
});

describe('named details', () => {
  it('are shown to an officer, and each read is recorded in the audit trail', async () => {
    const mine = await book(db, { p_name: 'Bea Named', p_needs: ['easy_read'] });
    for (const purpose of ['bookings', 'check-in'] as const) {
      const head = await chainHead(db);
      const list = await ok<FestivalOfficerBookings>(db, officer, 'festival_officer_bookings', { p_edition: EDITION, p_purpose: purpose });
      expect(list.bookings.find((b) => b.reference === mine.reference)).toMatchObject({
        name: 'Bea Named',
        needs: { needs: ['easy_read'] },
      });
      const events = await eventsSince(db, head);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ table_name: 'read_records', action: 'read', actor: officer.sub, actor_role: 'officer' });
      expect(events[0]!.new_values.what).toContain(purpose);
    }
  });

  it('list the waiting list in order', async () => {
    const list = await ok<FestivalOfficerBookings>(db, officer, 'festival_officer_bookings', { p_edition: EDITION });
    const bySession = new Map<string, number[]>();
    for (const w of list.waiting) bySession.set(w.session, [...(bySession.get(w.session) ?? []), w.position]);
    for (const positions of bySession.values()) expect(positions).toEqual(positions.map((_, i) => i + 1));
  });

  it('refuses an unknown purpose', async () => {
    await refusedWith(db, officer, 'festival_officer_bookings', { p_edition: EDITION, p_purpose: 'gossip' }, 400, {
      key: 'unknown_purpose',
    });
  });
});

describe('the venue file', () => {
  it('has the counts per session and no personal details, and is recorded as an export', async () => {
    const mine = await book(db, {
      p_name: 'Cy Private',
      p_email: freshEmail('cy.private'),
      p_needs: ['hearing_loop'],
      p_other: 'Secret note',
    });
    const head = await chainHead(db);
    const file = await ok<{ filename: string; csv: string }>(db, officer, 'festival_venue_export', { p_edition: EDITION });
    expect(file.filename).toBe('2027-festival-venue.csv');
    const [header, ...rows] = file.csv.trim().split('\r\n');
    expect(header).toBe(`session,starts,ends,room,capacity,people booked,waiting,${NEED_KINDS.join(',')}`);
    expect(rows[0]).toMatch(/^Welcome,10:00,10:30,Main Hall,180,\d+,\d+(,\d+){7}$/);
    for (const secret of ['Cy Private', 'cy.private', 'Secret note', mine.reference]) expect(file.csv).not.toContain(secret);
    expect((await eventsSince(db, head)).map((e) => [e.table_name, e.action])).toEqual([['read_records', 'export']]);
  });
});

describe('the audit trail of bookings', () => {
  it('records the writes without the name, email, token or needs', async () => {
    const head = await chainHead(db);
    const email = freshEmail('dee.trail');
    const mine = await book(db, { p_name: 'Dee Trail', p_email: email, p_needs: ['dietary'], p_dietary: 'Coeliac' });
    const events = await eventsSince(db, head);
    expect(new Set(events.map((e) => e.table_name))).toEqual(
      new Set(['festival_bookings', 'festival_access_needs', 'festival_places', 'festival_booking_tokens']),
    );
    const text = JSON.stringify(events);
    for (const secret of ['Dee Trail', email, 'Coeliac', 'dietary', mine.token]) expect(text).not.toContain(secret);
    expect(events.every((e) => e.actor_role === 'public')).toBe(true);
  });
});
