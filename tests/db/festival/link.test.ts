// Changing and cancelling from the link in an email, with no account: the token opens exactly
// its booking, a wrong one nothing; a place given up goes to the waiting list in order, with an
// email whose own link works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import type { FestivalBooking } from '../../../src/lib/api/festival.ts';
import { anonymous, openTestDatabase } from '../../support/db.ts';
import { chainHead, eventsSince, ok, refusedWith } from '../../support/calls.ts';
import { book, emptySession, festivalCounts, fillSession, mailTo, shiftEdition, tokenIn } from './world.ts';

let db: Database;
let busTokens: string[];
beforeAll(async () => {
  db = await openTestDatabase();
  await emptySession(db, 'the-dementia-bus');
  busTokens = await fillSession(db, 'the-dementia-bus');
});
afterAll(() => db.close());

const statusIn = (b: FestivalBooking, key: string) => b.sessions.find((s) => s.key === key)?.status;

describe('opening a booking from its link', () => {
  it('shows the booking to whoever has the token', async () => {
    const mine = await book(db, { p_needs: ['quiet_space'] });
    expect(await ok(db, anonymous, 'festival_booking', { p_token: mine.token })).toMatchObject({
      reference: mine.reference,
      needs: { needs: ['quiet_space'] },
    });
  });

  it.each([['0'.repeat(48)], ['not a token'], [''], ["' or 1=1 --"]])('refuses the token %j with 404 booking_not_found', async (token) => {
    await refusedWith(db, anonymous, 'festival_booking', { p_token: token }, 404, { key: 'booking_not_found' });
    await refusedWith(db, anonymous, 'festival_cancel_booking', { p_token: token }, 404, { key: 'booking_not_found' });
    await refusedWith(db, anonymous, 'festival_change_booking', { p_token: token, p_sessions: ['welcome'] }, 404, {
      key: 'booking_not_found',
    });
  });
});

describe('changing a booking', () => {
  it('changes the sessions and the support, and emails a new link', async () => {
    const mine = await book(db, { p_sessions: ['welcome'] });
    const changed = await ok<FestivalBooking>(db, anonymous, 'festival_change_booking', {
      p_token: mine.token,
      p_sessions: ['lunch', 'quiet-time'],
      p_needs: ['interpreter'],
      p_interpreter: 'British Sign Language',
    });
    expect(changed.sessions.map((s) => s.key)).toEqual(['lunch', 'quiet-time']);
    expect(changed.needs).toMatchObject({ needs: ['interpreter'], interpreter: 'British Sign Language' });
    const mails = await mailTo(db, mine.email);
    expect(mails.map((m) => m.template)).toEqual(['festival_booking_confirmed', 'festival_booking_changed']);
    expect(await ok(db, anonymous, 'festival_booking', { p_token: tokenIn(mails[1]!.body) })).toMatchObject({ reference: mine.reference });
  });

  it('refuses bad answers with their key and changes nothing', async () => {
    const mine = await book(db);
    for (const [args, key] of [
      [{ p_sessions: [] }, 'no_sessions'],
      [{ p_sessions: ['nope'] }, 'session_not_found'],
      [{ p_sessions: ['welcome'], p_needs: ['dietary'] }, 'required'],
    ] as const) {
      const before = await festivalCounts(db);
      await refusedWith(db, anonymous, 'festival_change_booking', { p_token: mine.token, ...args }, 400, { key });
      expect(await festivalCounts(db)).toEqual(before);
    }
  });

  it('refuses changes once the festival is over', async () => {
    const mine = await book(db);
    await shiftEdition(db, -400);
    try {
      await refusedWith(db, anonymous, 'festival_change_booking', { p_token: mine.token, p_sessions: ['lunch'] }, 409, {
        key: 'festival_over',
      });
    } finally {
      await shiftEdition(db, 400);
    }
  });
});

describe('cancelling, and the waiting list', () => {
  it('gives a freed place to the first person waiting, in order, with an email and a working link', async () => {
    const first = await book(db, { p_sessions: ['the-dementia-bus'] });
    const second = await book(db, { p_sessions: ['the-dementia-bus'] });
    expect(statusIn(first, 'the-dementia-bus')).toBe('waiting');

    const cancelled = await ok<FestivalBooking>(db, anonymous, 'festival_cancel_booking', { p_token: busTokens[0] });
    expect(cancelled).toMatchObject({ cancelled: true, sessions: [] });

    const firstNow = await ok<FestivalBooking>(db, anonymous, 'festival_booking', { p_token: first.token });
    const secondNow = await ok<FestivalBooking>(db, anonymous, 'festival_booking', { p_token: second.token });
    expect(statusIn(firstNow, 'the-dementia-bus')).toBe('booked');
    expect(secondNow.sessions[0]).toMatchObject({ status: 'waiting', waiting_position: 1 });

    const offered = (await mailTo(db, first.email)).find((m) => m.template === 'festival_place_offered')!;
    expect(offered.subject).toContain('The dementia bus');
    expect(await ok(db, anonymous, 'festival_booking', { p_token: tokenIn(offered.body) })).toMatchObject({ reference: first.reference });
    expect((await mailTo(db, second.email)).map((m) => m.template)).toEqual(['festival_booking_confirmed']);
  });

  it('a session left by a change also goes to the waiting list', async () => {
    const waiting = await book(db, { p_sessions: ['the-dementia-bus'] });
    // The one still waiting from the test above is ahead of this booking.
    await ok(db, anonymous, 'festival_change_booking', { p_token: busTokens[1], p_sessions: ['welcome'] });
    expect(statusIn(await ok(db, anonymous, 'festival_booking', { p_token: waiting.token }), 'the-dementia-bus')).toBe('waiting');
    await ok(db, anonymous, 'festival_cancel_booking', { p_token: busTokens[2] });
    expect(statusIn(await ok(db, anonymous, 'festival_booking', { p_token: waiting.token }), 'the-dementia-bus')).toBe('booked');
  });

  it('never books more than the capacity: a pair waits while one place is free, and nobody jumps the queue', async () => {
    const pair = await book(db, { p_sessions: ['the-dementia-bus'], p_needs: ['carer_place'] });
    const single = await book(db, { p_sessions: ['the-dementia-bus'] });
    await ok(db, anonymous, 'festival_cancel_booking', { p_token: busTokens[3] });
    expect(statusIn(await ok(db, anonymous, 'festival_booking', { p_token: pair.token }), 'the-dementia-bus')).toBe('waiting');
    expect(statusIn(await ok(db, anonymous, 'festival_booking', { p_token: single.token }), 'the-dementia-bus')).toBe('waiting');
    await ok(db, anonymous, 'festival_cancel_booking', { p_token: busTokens[4] });
    expect(statusIn(await ok(db, anonymous, 'festival_booking', { p_token: pair.token }), 'the-dementia-bus')).toBe('booked');
    const [row] = await db.query<{ taken: number; capacity: number }>(
      `select private.festival_taken(id) as taken, capacity from private.festival_sessions where key = 'the-dementia-bus'`,
    );
    expect(Number(row!.taken)).toBe(row!.capacity);
  });

  it('refuses to cancel twice', async () => {
    const mine = await book(db);
    await ok(db, anonymous, 'festival_cancel_booking', { p_token: mine.token });
    await refusedWith(db, anonymous, 'festival_cancel_booking', { p_token: mine.token }, 409, { key: 'booking_cancelled' });
    await refusedWith(db, anonymous, 'festival_change_booking', { p_token: mine.token, p_sessions: ['lunch'] }, 409, {
      key: 'booking_cancelled',
    });
    expect(await ok(db, anonymous, 'festival_booking', { p_token: mine.token })).toMatchObject({ cancelled: true });
  });

  it('a change and a cancellation are audited, without the name, email or needs', async () => {
    const mine = await book(db, { p_name: 'Eve Audited', p_needs: ['dietary'], p_dietary: 'Kosher' });
    let head = await chainHead(db);
    await ok(db, anonymous, 'festival_change_booking', { p_token: mine.token, p_sessions: ['lunch'], p_needs: ['easy_read'] });
    const changed = await eventsSince(db, head);
    expect(changed.map((e) => `${e.table_name} ${e.action}`)).toEqual(
      expect.arrayContaining([
        'festival_bookings update',
        'festival_access_needs update',
        'festival_places delete',
        'festival_places insert',
      ]),
    );
    head = await chainHead(db);
    await ok(db, anonymous, 'festival_cancel_booking', { p_token: mine.token });
    const cancelled = await eventsSince(db, head);
    expect(cancelled.find((e) => e.table_name === 'festival_bookings')!.new_values.cancelled_at).toBeTruthy();
    const text = JSON.stringify([...changed, ...cancelled]);
    for (const secret of ['Eve Audited', mine.email, 'Kosher', 'easy_read']) expect(text).not.toContain(secret);
  });
});
