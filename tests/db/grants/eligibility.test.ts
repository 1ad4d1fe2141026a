// Finding a fund (supabase/migrations/20261205000100_grants_eligibility.sql): the public list of
// rounds open now or soon, each fund's "Check if you can apply" questions (anyone reads them, only
// officers change them, every change audited), and the 360Giving package of a published round.
// Each function is called as the people it serves and as the people it must refuse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { anonymous, callAs, openTestDatabase } from '../../support/db.ts';
import { givingPackageProblems } from '../../support/giving360-schema.ts';
import { chainHead, eventsSince, ok, refused, ROUNDS, seeded } from './support.ts';

let db: Database;
const officer = seeded('officer');
const resident = seeded('resident');
const member = seeded('member');
let fundId: string;

interface Question {
  id: string;
  position: number;
  question: string;
  hint: string;
  answers: { answer: string; ineligible_reason: string | null }[];
}

const ANSWERS = [
  { answer: 'In Oxfordshire', ineligible_reason: null },
  { answer: 'Outside Oxfordshire', ineligible_reason: 'This fund is for Oxfordshire.' },
];
const questions = async (slug = 'eligibility-fund') =>
  (await ok<{ questions: Question[] }>(db, anonymous, 'fund_eligibility', { p_fund_slug: slug })).questions;
const add = (question: string, answers: unknown = ANSWERS) =>
  ok<Question>(db, officer, 'add_eligibility_question', { p_fund_id: fundId, p_question: question, p_answers: answers });

beforeAll(async () => {
  db = await openTestDatabase();
  fundId = (await ok(db, officer, 'create_fund', { p_slug: 'eligibility-fund', p_name: 'Eligibility fund', p_budget: 5000 })).id;
});
afterAll(() => db.close());

describe('reading a fund’s questions (api.fund_eligibility)', () => {
  it('anyone, signed in or not, reads a seeded fund’s questions in order, with the reasons', async () => {
    for (const who of [anonymous, resident]) {
      const data = await ok(db, who, 'fund_eligibility', { p_fund_slug: 'innovation-fund' });
      expect(data.fund).toMatchObject({ slug: 'innovation-fund', name: 'Innovation Fund' });
      expect(data.fund.who_can_apply).toMatch(/Oxfordshire/);
      expect(data.questions.map((q: Question) => q.position)).toEqual([1, 2, 3, 4]);
      expect(data.questions[0].question).toBe('What kind of organisation are you?');
      const ruledOut = data.questions[3].answers.filter((a: Question['answers'][0]) => a.ineligible_reason);
      expect(ruledOut.map((a: Question['answers'][0]) => a.answer)).toEqual(['Less than £500', 'More than £15,000']);
    }
  });

  it('an unknown fund is a 404 with its key', async () => {
    expect((await refused(db, anonymous, 'fund_eligibility', { p_fund_slug: 'no-such-fund' }, 404, 'PT404')).refusal.key).toBe(
      'fund_not_found',
    );
  });
});

describe('who can apply (api.update_fund)', () => {
  it('an officer writes the sentence groups read on /grants/, and clears it; nobody else may', async () => {
    const read = async () => (await ok(db, anonymous, 'fund_eligibility', { p_fund_slug: 'eligibility-fund' })).fund.who_can_apply;
    await ok(db, officer, 'update_fund', { p_fund_id: fundId, p_who_can_apply: '  Groups in Oxfordshire.  ' });
    expect(await read()).toBe('Groups in Oxfordshire.');
    await ok(db, officer, 'update_fund', { p_fund_id: fundId, p_budget: 6000 });
    expect(await read()).toBe('Groups in Oxfordshire.');
    const long = await refused(db, officer, 'update_fund', { p_fund_id: fundId, p_who_can_apply: 'x'.repeat(1001) }, 400);
    expect(long.refusal).toMatchObject({ key: 'too_long', field: 'who_can_apply' });
    expect((await refused(db, resident, 'update_fund', { p_fund_id: fundId, p_who_can_apply: 'Anyone.' }, 403)).refusal.key).toBe(
      'not_officer',
    );
    await ok(db, officer, 'update_fund', { p_fund_id: fundId, p_who_can_apply: '' });
    expect(await read()).toBe('');
  });
});

describe('officers change the questions', () => {
  it('an officer adds questions, each last, with the change in the audit trail', async () => {
    const before = await chainHead(db);
    const first = await add('  Where will your project happen?  ');
    expect(first).toMatchObject({ position: 1, question: 'Where will your project happen?', answers: ANSWERS });
    const events = await eventsSince(db, before);
    expect(events.map((e) => [e.table_name, e.action, e.actor_role])).toEqual([['eligibility_questions', 'insert', 'officer']]);
    expect((await add('What is the money for?')).position).toBe(2);
    // An empty reason is stored as "does not rule out".
    const third = await add('How much?', [
      { answer: 'Up to £500', ineligible_reason: '  ' },
      { answer: 'More', ineligible_reason: 'Too much.' },
    ]);
    expect(third.answers[0]!.ineligible_reason).toBeNull();
    expect((await questions()).map((q) => q.question)).toEqual(['Where will your project happen?', 'What is the money for?', 'How much?']);
  });

  it('nobody else may add, change, move or remove a question, and nothing changes', async () => {
    const [q] = await questions();
    for (const who of [resident, member]) {
      const calls: [string, Record<string, unknown>][] = [
        ['add_eligibility_question', { p_fund_id: fundId, p_question: 'Sneaky?', p_answers: ANSWERS }],
        ['update_eligibility_question', { p_question_id: q!.id, p_question: 'Changed?' }],
        ['move_eligibility_question', { p_question_id: q!.id, p_direction: 'down' }],
        ['remove_eligibility_question', { p_question_id: q!.id }],
      ];
      for (const [fn, args] of calls) expect((await refused(db, who, fn, args, 403, 'PT403')).refusal.key).toBe('not_officer');
    }
    const signedOut: [string, Record<string, unknown>][] = [
      ['add_eligibility_question', { p_fund_id: fundId, p_question: 'x', p_answers: ANSWERS }],
      ['remove_eligibility_question', { p_question_id: q!.id }],
    ];
    for (const [fn, args] of signedOut) expect(await callAs(db, anonymous, fn, args)).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses answers that are not well formed, each with its key and field, changing nothing', async () => {
    const bad: [unknown, string][] = [
      ['not a list', 'eligibility_answers_not_valid'],
      [[{ answer: 'Only one', ineligible_reason: null }], 'eligibility_answers_count'],
      [[{ answer: ' ', ineligible_reason: null }, ANSWERS[1]], 'eligibility_answer_blank'],
      [[ANSWERS[0], { answer: 'in oxfordshire', ineligible_reason: 'x' }], 'eligibility_answer_repeated'],
      [[ANSWERS[0], { answer: 'Other', ineligible_reason: 'x'.repeat(601) }], 'eligibility_reason_too_long'],
      [
        [
          { answer: 'A', ineligible_reason: 'No.' },
          { answer: 'B', ineligible_reason: 'No.' },
        ],
        'eligibility_no_answer_allowed',
      ],
    ];
    for (const [answers, key] of bad) {
      const { refusal } = await refused(
        db,
        officer,
        'add_eligibility_question',
        { p_fund_id: fundId, p_question: 'Q?', p_answers: answers },
        400,
        'P0001',
      );
      expect(refusal).toMatchObject({ key, field: 'answers' });
    }
    const { refusal } = await refused(
      db,
      officer,
      'add_eligibility_question',
      { p_fund_id: fundId, p_question: ' ', p_answers: ANSWERS },
      400,
    );
    expect(refusal).toMatchObject({ key: 'required', field: 'question' });
    const unknownFund = { p_fund_id: '00000000-0000-4000-8000-00000000ffff', p_question: 'Q?', p_answers: ANSWERS };
    expect((await refused(db, officer, 'add_eligibility_question', unknownFund, 404)).refusal.key).toBe('fund_not_found');
  });

  it('an officer changes a question’s words, hint and answers; only what is given changes', async () => {
    const [q] = await questions();
    const changed = await ok<Question>(db, officer, 'update_eligibility_question', { p_question_id: q!.id, p_hint: 'Where people live.' });
    expect(changed).toMatchObject({ question: q!.question, hint: 'Where people live.', answers: ANSWERS });
    const reworded = await ok<Question>(db, officer, 'update_eligibility_question', {
      p_question_id: q!.id,
      p_question: 'Where does your project happen?',
      p_answers: [...ANSWERS, { answer: 'Partly in Oxfordshire', ineligible_reason: null }],
    });
    expect(reworded).toMatchObject({ question: 'Where does your project happen?', hint: 'Where people live.' });
    expect(reworded.answers).toHaveLength(3);
    const bad = { p_question_id: q!.id, p_answers: [ANSWERS[1]] };
    expect((await refused(db, officer, 'update_eligibility_question', bad, 400)).refusal.key).toBe('eligibility_answers_count');
    const gone = { p_question_id: '00000000-0000-4000-8000-00000000ffff', p_question: 'x' };
    expect((await refused(db, officer, 'update_eligibility_question', gone, 404)).refusal.key).toBe('eligibility_question_not_found');
  });

  it('an officer moves a question up or down; it cannot move past the ends', async () => {
    const [a, b, c] = await questions();
    await ok(db, officer, 'move_eligibility_question', { p_question_id: c!.id, p_direction: 'up' });
    expect((await questions()).map((q) => q.id)).toEqual([a!.id, c!.id, b!.id]);
    await ok(db, officer, 'move_eligibility_question', { p_question_id: a!.id, p_direction: 'down' });
    expect((await questions()).map((q) => q.id)).toEqual([c!.id, a!.id, b!.id]);
    const first = await refused(db, officer, 'move_eligibility_question', { p_question_id: c!.id, p_direction: 'up' }, 409, 'PT409');
    expect(first.refusal).toMatchObject({ key: 'question_cannot_move', direction: 'up' });
    await refused(db, officer, 'move_eligibility_question', { p_question_id: b!.id, p_direction: 'down' }, 409, 'PT409');
    const sideways = await refused(db, officer, 'move_eligibility_question', { p_question_id: b!.id, p_direction: 'left' }, 400);
    expect(sideways.refusal.key).toBe('move_direction_not_valid');
  });

  it('an officer removes a question and the rest close up', async () => {
    const [first, second, third] = await questions();
    expect(await ok(db, officer, 'remove_eligibility_question', { p_question_id: first!.id })).toEqual({ removed: first!.id });
    expect((await questions()).map((q) => [q.id, q.position])).toEqual([
      [second!.id, 1],
      [third!.id, 2],
    ]);
    const again = await refused(db, officer, 'remove_eligibility_question', { p_question_id: first!.id }, 404);
    expect(again.refusal.key).toBe('eligibility_question_not_found');
  });
});

describe('rounds open for applications (api.open_rounds)', () => {
  const day = (offset: number) => {
    const d = new Date(`${new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' })}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + offset);
    return d.toISOString().slice(0, 10);
  };
  const round = async (prefix: string, opens: number, closes: number, open = true) => {
    const r = await ok(db, officer, 'create_round', {
      p_fund_id: fundId,
      p_title: `Round ${prefix}`,
      p_reference_prefix: prefix,
      p_opens_on: day(opens),
      p_closes_on: day(closes),
    });
    await ok(db, officer, 'add_criterion', { p_round_id: r.id, p_title: 'Need', p_weight: 60, p_maximum: 1, p_descriptors: ['No', 'Yes'] });
    if (open) await ok(db, officer, 'move_round', { p_round_id: r.id, p_to: 'open' });
    return r.id as string;
  };
  type Listed = { round_id: string; status: string; days_left: number; criteria: { title: string; weight: number }[] };
  const listed = async () => ok<Listed[]>(db, anonymous, 'open_rounds');

  it('lists open rounds, open now or soon, with the days left and the criteria; never drafts or rounds past their closing date', async () => {
    const now = await round('OPNA', -5, 3);
    const today = await round('OPNB', -5, 0);
    const soon = await round('OPNC', 7, 30);
    const draft = await round('OPND', -5, 3, false);
    const past = await round('OPNE', -10, 10);
    // An officer moves the closing date back, as a round ends early.
    await ok(db, officer, 'update_round', { p_round_id: past, p_opens_on: day(-10), p_closes_on: day(-1) });
    for (const who of [anonymous, resident]) {
      const rounds = await ok<Listed[]>(db, who, 'open_rounds');
      const byId = new Map(rounds.map((r) => [r.round_id, r]));
      expect(byId.get(now)).toMatchObject({ status: 'open', days_left: 3, criteria: [{ title: 'Need', weight: 60 }] });
      expect(byId.get(today)).toMatchObject({ status: 'open', days_left: 0 });
      expect(byId.get(soon)).toMatchObject({ status: 'opens_soon', days_left: 30 });
      expect(byId.has(draft)).toBe(false);
      expect(byId.has(past)).toBe(false);
    }
    // The seeded rounds are all past applications (scoring, panel, decided).
    expect((await listed()).map((r) => r.round_id)).not.toContain(ROUNDS.innovation);
  });

  it('an officer’s closing date before the opening date is refused with its key, on the closing date', async () => {
    const id = await round('OPNF', -1, 5);
    const { refusal } = await refused(db, officer, 'update_round', { p_round_id: id, p_opens_on: day(5), p_closes_on: day(1) }, 400);
    expect(refusal).toMatchObject({ key: 'closing_before_opening', field: 'closes_on' });
    expect((await refused(db, resident, 'update_round', { p_round_id: id, p_closes_on: day(9) }, 403)).refusal.key).toBe('not_officer');
  });
});

describe('the 360Giving package of a published round', () => {
  it('carries the package metadata, the recipient’s postcode and the planned dates, and meets the standard’s rules', async () => {
    const [awarded] = await db.query<{ id: string; reference: string }>(
      `select a.id, a.reference from private.applications a join private.cabinet_decisions d on d.application_id = a.id
       where a.round_id = $1 and d.decision = 'award' order by a.reference limit 1`,
      [ROUNDS.youth],
    );
    await db.query(
      `update private.applications set recipient_postcode = 'OX4 2HN', planned_start = '2027-01-04', planned_end = '2027-12-17' where id = $1`,
      [awarded!.id],
    );
    await ok(db, officer, 'move_round', { p_round_id: ROUNDS.youth, p_to: 'published' });
    const pkg = await ok(db, anonymous, 'grant_round_360giving', { p_round_id: ROUNDS.youth });
    expect(pkg).toMatchObject({
      title: expect.stringContaining('Youth Opportunities Fund'),
      identifier: 'OCC-WT-YOF26',
      publisher: { identifier: 'GB-LAE-OXF', name: 'Oxfordshire County Council' },
      license: 'https://creativecommons.org/licenses/by/4.0/',
    });
    expect(pkg.issued).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(pkg.modified).toBe(pkg.issued);
    const grant = pkg.grants.find((g: { id: string }) => g.id === `360G-OCC-WT-${awarded!.reference}`);
    expect(grant.recipientOrganization[0].postalCode).toBe('OX4 2HN');
    expect(grant.plannedDates).toEqual([{ startDate: '2027-01-04', endDate: '2027-12-17', duration: 12 }]);
    // Grants without planned dates or a postcode leave those fields out rather than sending nulls.
    const other = pkg.grants.find((g: { id: string }) => g.id !== grant.id);
    expect(other).not.toHaveProperty('plannedDates');
    expect(other.recipientOrganization[0]).not.toHaveProperty('postalCode');
    expect(givingPackageProblems(pkg)).toEqual([]);
  });

  it('a published round with no awards publishes no (empty) package', async () => {
    const [r] = await db.query<{ id: string }>(
      `insert into private.rounds (fund_id, title, reference_prefix, state, published_at) values ($1, 'Nothing awarded', 'NOAWD', 'published', now()) returning id`,
      [fundId],
    );
    const { refusal } = await refused(db, anonymous, 'grant_round_360giving', { p_round_id: r!.id }, 404, 'PT404');
    expect(refusal.key).toBe('round_has_no_awards');
  });
});
