// Shared by the grants database tests: the seeded people and rounds, and refusals checked by
// their SQLSTATE code. The checks every database test uses are in tests/support/calls.ts.
import type { Database } from '../../../supabase/local/database.ts';
import { refusedWith } from '../../support/calls.ts';
import { signedIn, type Actor } from '../../support/db.ts';
import { PROJECT_UPDATE_FUNCTIONS } from '../project-updates/functions.ts';

export { chainHead, eventsSince, ok, refusalOf, type Refused } from '../../support/calls.ts';

const person = (n: string) => `00000000-0000-4000-8000-0000000000${n}`;

/** Seeded people, by the part of their email before the @ (see supabase/seed.sql). */
export const SEEDED = {
  resident: person('01'),
  officer: person('02'),
  scrutiny: person('03'),
  chair: person('04'),
  clerk: person('05'),
  member: person('06'),
  member2: person('07'),
  councillor: person('08'),
  ray: person('10'),
  forde: person('11'),
  kwame: person('15'),
  siddiqui: person('24'),
} as const;

export const ROUNDS = {
  innovation: '00000000-0000-4000-9000-000000000101',
  sustainability: '00000000-0000-4000-9000-000000000102',
  youth: '00000000-0000-4000-9000-000000000103',
} as const;

export const seeded = (who: keyof typeof SEEDED): Actor =>
  signedIn(SEEDED[who], ['ray', 'forde', 'kwame', 'siddiqui'].includes(who) ? undefined : `${who}@example.org`);

/** Calls fn expecting a refusal with this status and SQLSTATE code, and checks nothing changed. */
export const refused = (db: Database, actor: Actor, fn: string, args: Record<string, unknown>, status: number, code?: string) =>
  refusedWith(db, actor, fn, args, status, { code });

export async function applicationId(db: Database, reference: string): Promise<string> {
  const [row] = await db.query<{ id: string }>('select id from private.applications where reference = $1', [reference]);
  if (!row) throw new Error(`no application ${reference}`);
  return row.id;
}

export async function memberId(db: Database, roundId: string, personId: string): Promise<string> {
  const [row] = await db.query<{ id: string }>('select id from private.panel_members where round_id = $1 and person_id = $2', [
    roundId,
    personId,
  ]);
  if (!row) throw new Error(`no member ${personId} in ${roundId}`);
  return row.id;
}

/** The notifications outbox's api functions (the sender's, service role only): not grants
 * functions, tested in tests/db/notifications*. */
export const OUTBOX_FUNCTIONS = ['outbox_claim', 'outbox_mark_failed', 'outbox_mark_sent', 'queue_deadline_reminders'];
/** The Co-production Tree's and the moderation queue's functions: covered in tests/db/moderation. */
export const MODERATION_FUNCTIONS = ['moderate', 'moderation_queue', 'tree_add_leaf', 'tree_leaves'];
/** Finding a fund's api functions (public listings and the officers' eligibility questions): each
 * is called as every kind of caller it serves or refuses, with its audit events, in
 * tests/db/grants/eligibility.test.ts rather than in the panel's matrix. */
export const ELIGIBILITY_FUNCTIONS = [
  'fund_eligibility',
  'add_eligibility_question',
  'update_eligibility_question',
  'remove_eligibility_question',
  'move_eligibility_question',
  'open_rounds',
];
/** Api functions of other topics, each covered by its own folder of tests, which the grants
 *  coverage checks leave out: the outbox's, project updates' (tests/db/project-updates/), finding a
 *  fund's (tests/db/grants/eligibility.test.ts) and the tree's and moderation queue's (tests/db/moderation). */
export const NOT_GRANTS_FUNCTIONS = [...OUTBOX_FUNCTIONS, ...PROJECT_UPDATE_FUNCTIONS, ...ELIGIBILITY_FUNCTIONS, ...MODERATION_FUNCTIONS];
