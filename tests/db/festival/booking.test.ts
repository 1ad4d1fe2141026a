// Booking festival places as the public (no account): places left, the waiting list when a
// session is full, a carer's free place, the confirmation email with a link whose token is kept
// only hashed, and every kind of bad input or spam refused with its key and nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import type { FestivalSessions } from '../../../src/lib/api/festival.ts';
import { anonymous, newPerson, openTestDatabase } from '../../support/db.ts';
import { ok, refusedWith } from '../../support/calls.ts';
import { book, bookArgs, bookFrom, EDITION, festivalCounts, fillSession, freshEmail, mailTo, shiftEdition, tokenIn } from './world.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const sessions = () => ok<FestivalSessions>(db, anonymous, 'festival_sessions', { p_edition: EDITION });
const left = async (key: string) => (await sessions()).sessions.find((s) => s.key === key)!;

/** A refusal that stored nothing: no booking, place, need, token, attempt or email. */
async function refusedBooking(args: Record<string, unknown>, status: number, key: string) {
  const before = await festivalCounts(db);
  const result = await refusedWith(db, anonymous, 'festival_book', args, status, { key });
  expect(await festivalCounts(db)).toEqual(before);
  return result;
}

describe('the sessions anyone can see', () => {
  it('lists the sessions in time order with places left, for anyone', async () => {
    const answer = await sessions();
    expect(answer.open).toBe(true);
    expect(answer.sessions.map((s) => s.key)[0]).toBe('welcome');
    expect(answer.sessions.every((s) => s.places_left <= s.capacity)).toBe(true);
    const signedIn = await newPerson(db, freshEmail('resident'));
    expect(await ok<FestivalSessions>(db, signedIn, 'festival_sessions', { p_edition: EDITION })).toEqual(answer);
  });

  it('refuses an edition without online booking', async () => {
    await refusedWith(db, anonymous, 'festival_sessions', { p_edition: '2019-festival' }, 404, { key: 'festival_not_found' });
  });
});

describe('booking', () => {
  it('books places, takes them from what is left, and emails a link that works', async () => {
    const before = await left('participatory-budgeting');
    const email = freshEmail();
    const answer = await book(db, {
      p_email: email.toUpperCase(),
      p_sessions: ['participatory-budgeting', 'lunch'],
      p_needs: ['dietary', 'step_free'],
      p_dietary: 'Vegan, no nuts',
      p_other: 'I get tired, so a seat near the door please',
    });
    expect(answer).toMatchObject({
      email,
      places: 1,
      cancelled: false,
      needs: { needs: ['dietary', 'step_free'], dietary: 'Vegan, no nuts' },
    });
    expect(answer.sessions.map((s) => [s.key, s.status])).toEqual([
      ['participatory-budgeting', 'booked'],
      ['lunch', 'booked'],
    ]);
    expect((await left('participatory-budgeting')).places_left).toBe(before.places_left - 1);
    const [mail] = await mailTo(db, email);
    expect(mail).toMatchObject({ template: 'festival_booking_confirmed', link: '/festival/booking/?token=' });
    expect(mail!.body).toContain('12:30 Lunch: booked');
    expect(mail!.body).not.toContain('Vegan');
    // The email's token opens the booking; the database keeps only its hash, and the copy kept
    // after sending loses it.
    const token = tokenIn(mail!.body)!;
    expect(await ok(db, anonymous, 'festival_booking', { p_token: token })).toMatchObject({ reference: answer.reference });
    expect(await db.query('select 1 from private.festival_booking_tokens where token_hash = $1', [token])).toEqual([]);
    expect(mail!.body_after_sending).not.toContain(token);
  });

  it('lets a signed-in person book too, without using their account', async () => {
    const me = await newPerson(db, freshEmail('resident'));
    const answer = await ok(db, me, 'festival_book', bookArgs());
    expect(answer.reference).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  });

  it('gives a carer or personal assistant a free place beside the booker, counted in what is left', async () => {
    const before = await left('deciding-on-grants-together');
    const answer = await book(db, { p_sessions: ['deciding-on-grants-together'], p_needs: ['carer_place'] });
    expect(answer.places).toBe(2);
    expect((await left('deciding-on-grants-together')).places_left).toBe(before.places_left - 2);
  });

  it('puts people on the waiting list of a full session, in order, and says where they are', async () => {
    await fillSession(db, 'the-dementia-bus');
    expect((await left('the-dementia-bus')).places_left).toBe(0);
    const first = await book(db, { p_sessions: ['the-dementia-bus', 'welcome'] });
    const second = await book(db, { p_sessions: ['the-dementia-bus'] });
    expect(first.sessions.map((s) => [s.key, s.status, s.waiting_position])).toEqual([
      ['welcome', 'booked', null],
      ['the-dementia-bus', 'waiting', 1],
    ]);
    expect(second.sessions[0]).toMatchObject({ status: 'waiting', waiting_position: 2 });
    expect((await left('the-dementia-bus')).waiting).toBe(2);
    const [mail] = await mailTo(db, second.email);
    expect(mail!.body).toContain('on the waiting list');
  });

  it('puts a booker with a carer on the waiting list when only one place is left', async () => {
    const free = (await left('participatory-budgeting')).places_left;
    for (let i = 0; i < free - 1; i += 1) await book(db, { p_sessions: ['participatory-budgeting'] });
    expect((await left('participatory-budgeting')).places_left).toBe(1);
    const pair = await book(db, { p_sessions: ['participatory-budgeting'], p_needs: ['carer_place'] });
    expect(pair.sessions[0]!.status).toBe('waiting');
  });
});

describe('bad input and spam: refused with a key, nothing stored', () => {
  it.each([
    [{ p_name: '  ' }, 400, 'required'],
    [{ p_name: 'x'.repeat(121) }, 400, 'too_long'],
    [{ p_email: '' }, 400, 'required'],
    [{ p_email: 'not-an-email' }, 400, 'email_not_valid'],
    [{ p_sessions: [] }, 400, 'no_sessions'],
    [{ p_sessions: ['welcome', 'no-such-session'] }, 400, 'session_not_found'],
    [{ p_needs: ['a_pony'] }, 400, 'unknown_need'],
    [{ p_needs: ['interpreter'] }, 400, 'required'],
    [{ p_needs: ['dietary'], p_dietary: ' ' }, 400, 'required'],
    [{ p_other: 'x'.repeat(1001) }, 400, 'too_long'],
    [{ p_edition: 'no-such-festival' }, 404, 'festival_not_found'],
    [{ p_website: 'https://spam.example' }, 400, 'looks_automated'],
  ])('%j is refused %i %s', async (over, status, key) => {
    const result = await refusedBooking(bookArgs(over as never), status, key);
    if (key === 'required' && 'p_needs' in over) expect(result.refusal.field).toBe(over.p_needs![0]);
  });

  it('a wrong type is a 400, not a 500', async () => {
    const result = await refusedWith(db, anonymous, 'festival_book', { ...bookArgs(), p_sessions: 'welcome' }, 400);
    expect(result.status).toBe(400);
  });

  it('limits bookings from one email address', async () => {
    const email = freshEmail('busy');
    for (let i = 0; i < 3; i += 1) await book(db, { p_email: email });
    await refusedBooking(bookArgs({ p_email: email }), 429, 'too_many_bookings');
    // Another address is still welcome.
    await book(db);
  });

  it('limits bookings from one client, whatever email addresses it gives', async () => {
    const [{ per_client }] = (await db.query<{ per_client: number }>('select per_client from private.festival_booking_limits()')) as [
      { per_client: number },
    ];
    for (let i = 0; i < per_client; i += 1) expect((await bookFrom(db, '203.0.113.9')).status).toBe(200);
    const before = await festivalCounts(db);
    const refused = await bookFrom(db, '203.0.113.9');
    expect(refused.status).toBe(429);
    expect(JSON.stringify(refused.body)).toContain('too_many_bookings');
    expect(await festivalCounts(db)).toEqual(before);
    expect((await bookFrom(db, '198.51.100.7')).status).toBe(200);
  });

  it('refuses bookings once booking has closed', async () => {
    await shiftEdition(db, -400);
    try {
      await refusedBooking(bookArgs(), 409, 'bookings_closed');
    } finally {
      await shiftEdition(db, 400);
    }
  });
});
