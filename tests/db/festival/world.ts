// Shared by the festival database tests: a booking made as the public, the outbox rows it left,
// and the clock moved by moving the edition's dates (the stand-in has no clock of its own).
import type { Database } from '../../../supabase/local/database.ts';
import { invokeRpc } from '../../../supabase/local/rest.ts';
import { anonymous } from '../../support/db.ts';
import { ok } from '../../support/calls.ts';
import type { FestivalBooking } from '../../../src/lib/api/festival.ts';

export const EDITION = '2027-festival';

let made = 0;
/** A unique email address for one booker, so the per-email limit never joins two tests. */
export const freshEmail = (who = 'booker') => `${who}.${process.pid}.${made++}@example.org`;

export type BookArgs = {
  p_edition?: string;
  p_name?: string;
  p_email?: string;
  p_sessions?: string[];
  p_needs?: string[];
  p_interpreter?: string | null;
  p_dietary?: string | null;
  p_other?: string | null;
  p_website?: string | null;
};

export const bookArgs = (over: BookArgs = {}): BookArgs => ({
  p_edition: EDITION,
  p_name: 'Sam Booker',
  p_email: freshEmail(),
  p_sessions: ['welcome'],
  ...over,
});

/** Books as the public; the answer carries the token of the link. */
export const book = (db: Database, over: BookArgs = {}) =>
  ok<FestivalBooking & { token: string }>(db, anonymous, 'festival_book', bookArgs(over));

/** Emails queued to this address, oldest first. */
export const mailTo = (db: Database, email: string) =>
  db.query<{ template: string; subject: string; body: string; link: string; body_after_sending: string | null }>(
    'select template, subject, body, link, body_after_sending from private.outbox where recipient = $1 order by id',
    [email],
  );

/** The token in an email's body (after the link's "?token="). */
export const tokenIn = (body: string) => /\{link\}([0-9a-f]{48})/.exec(body)?.[1];

/** Fills a session to its capacity with bookings that take one place each. */
export async function fillSession(db: Database, key: string) {
  const [row] = await db.query<{ left: number }>(
    `select s.capacity - private.festival_taken(s.id) as left from private.festival_sessions s where s.edition = $1 and s.key = $2`,
    [EDITION, key],
  );
  const tokens: string[] = [];
  for (let i = 0; i < Number(row!.left); i += 1) tokens.push((await book(db, { p_sessions: [key] })).token);
  return tokens;
}

/** Moves the festival into the past (or back): the edition's dates shift by this many days. */
export const shiftEdition = (db: Database, days: number, edition = EDITION) =>
  db.query(
    `update private.festival_editions set ends_at = ends_at + make_interval(days => $2), bookings_close_at = bookings_close_at + make_interval(days => $2) where slug = $1`,
    [edition, days],
  );

/** Books as the public from a client address (the x-forwarded-for Supabase's gateway sets). */
export async function bookFrom(db: Database, client: string, over: BookArgs = {}) {
  const outcome = await invokeRpc(
    db,
    { role: 'anon', claims: { role: 'anon' } },
    { schema: 'api', name: 'festival_book', args: bookArgs(over), headers: { 'x-forwarded-for': `${client}, 10.0.0.1` } },
  );
  return { status: outcome.status, body: outcome.body };
}

/** How many rows a table holds: a refusal must leave these as they were. */
export async function festivalCounts(db: Database) {
  const [row] = await db.query<Record<string, string>>(
    `select (select count(*) from private.festival_bookings) as bookings, (select count(*) from private.festival_places) as places,
            (select count(*) from private.festival_access_needs) as needs, (select count(*) from private.festival_booking_tokens) as tokens,
            (select count(*) from private.festival_booking_attempts) as attempts, (select count(*) from private.outbox) as emails`,
  );
  return row!;
}

/** Takes everyone out of a session (the demo data fills the dementia bus), so a test starts it empty. */
export const emptySession = (db: Database, key: string) =>
  db.query(
    `delete from private.festival_places where session_id = (select id from private.festival_sessions where edition = $1 and key = $2)`,
    [EDITION, key],
  );
