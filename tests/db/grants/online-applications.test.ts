// Online applications (issue 15) as each kind of caller: an applicant saves each task (checked
// field by field), sends before the deadline and gets a reference and an email; another
// applicant sees nothing of it; after the deadline, in a closed round or once withdrawn nothing
// changes; officers list what came in, ask for missing information (one task reopened) and the
// summary gate keeps summary-less applications out of a panel pack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { APPLY_TASKS } from '../../../src/lib/grants/apply-tasks.ts';
import { anonymous, newPerson, openTestDatabase, type Actor } from '../../support/db.ts';
import { chainHead, eventsSince, ok, refused, seeded } from './support.ts';

let db: Database;
const officer = seeded('officer');
let applicant: Actor & { sub: string };
let other: Actor & { sub: string };
let roundId: string;
let prefix: string;

const ANSWERS = {
  organisation: {
    organisation_name: 'Cowley Men in Sheds',
    organisation_type: 'registered charity',
    charity_number: '1234567',
    address: '12 Temple Road, Oxford',
    postcode: 'ox4 2et',
  },
  contact: { contact_name: 'Pat Hughes', contact_role: 'Treasurer', contact_email: 'Pat@Example.org', contact_phone: '01865 000111' },
  project: {
    project_title: 'Tools for all',
    description: 'A workshop open three days a week.',
    beneficiaries: 'Older men living alone in Cowley.',
    area: 'Cowley, Oxford',
    planned_start: '2027-04-01',
    planned_end: '2028-03-31',
  },
  money: {
    amount_requested: 4500,
    budget_lines: [
      { item: 'Tools', amount: 3000 },
      { item: 'Rent', amount: 1500 },
    ],
    other_funding: 'The parish council gives £500.',
  },
  outcomes: { outcomes: 'Fewer men feel lonely.' },
  declaration: { confirmed: true, declared_by: 'Pat Hughes' },
} as const;

async function openRound(tag: string, dates: { opens_on?: string; closes_on?: string } = {}): Promise<string> {
  const fund = await ok(db, officer, 'create_fund', { p_slug: `apply-${tag.toLowerCase()}`, p_name: `Apply fund ${tag}`, p_budget: 50000 });
  const round = await ok(db, officer, 'create_round', {
    p_fund_id: fund.id,
    p_title: `Apply round ${tag}`,
    p_reference_prefix: tag,
    p_opens_on: dates.opens_on ?? '2026-01-01',
    p_closes_on: dates.closes_on ?? '2099-12-31',
  });
  await ok(db, officer, 'add_criterion', {
    p_round_id: round.id,
    p_title: 'Need',
    p_weight: 100,
    p_maximum: 1,
    p_descriptors: ['No', 'Yes'],
  });
  await ok(db, officer, 'move_round', { p_round_id: round.id, p_to: 'open' });
  return round.id;
}

async function fillEveryTask(actor: Actor, round: string) {
  for (const task of APPLY_TASKS) await ok(db, actor, 'apply_save_task', { p_round_id: round, p_task: task, p_answers: ANSWERS[task] });
}

const save = (actor: Actor, task: string, answers: unknown, round = roundId) =>
  ({ actor, args: { p_round_id: round, p_task: task, p_answers: answers } }) as const;

/** The panel copy's id of the applicant's application to the main round. */
async function sentId(applicantId: string): Promise<string> {
  const rows = await db.query<{ id: string }>(
    'select application_id as id from private.online_applications where applicant_id = $1 and round_id = $2',
    [applicantId, roundId],
  );
  return rows[0]!.id;
}

beforeAll(async () => {
  db = await openTestDatabase();
  const tag = `AP${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  prefix = tag;
  roundId = await openRound(tag);
  applicant = await newPerson(db, `applicant-${tag.toLowerCase()}@example.org`);
  other = await newPerson(db, `other-${tag.toLowerCase()}@example.org`);
});
afterAll(() => db?.close());

describe('the tasks', () => {
  it('are the same list in SQL and TypeScript', async () => {
    const [row] = await db.query<{ tasks: string[] }>('select private.apply_tasks() as tasks');
    expect(row!.tasks).toEqual([...APPLY_TASKS]);
  });
});

describe('an applicant', () => {
  it('needs to be signed in for every function', async () => {
    for (const [fn, args] of [
      ['apply_round', { p_round: roundId }],
      ['apply_my_applications', {}],
      ['apply_save_task', save(anonymous, 'outcomes', ANSWERS.outcomes).args],
      ['apply_submit', { p_round_id: roundId }],
      ['apply_withdraw', { p_round_id: roundId }],
    ] as const) {
      await refused(db, anonymous, fn, args, 401);
    }
  });

  it('sees an open round with no application yet, by id or by its reference prefix', async () => {
    const byId = await ok(db, applicant, 'apply_round', { p_round: roundId });
    expect(byId.round).toMatchObject({ id: roundId, taking_applications: true, closes_on: '2099-12-31' });
    expect(byId.application).toBeNull();
    expect((await ok(db, applicant, 'apply_round', { p_round: prefix.toLowerCase() })).round.id).toBe(roundId);
  });

  it('cannot see a round still in draft', async () => {
    const fund = await ok(db, officer, 'list_funds', {});
    const draft = await ok(db, officer, 'create_round', { p_fund_id: fund[0].id, p_title: 'Hidden', p_reference_prefix: `${prefix}D` });
    const r = await refused(db, applicant, 'apply_round', { p_round: draft.id }, 404);
    expect(r.refusal.key).toBe('round_not_found');
    await refused(db, applicant, 'apply_save_task', save(applicant, 'outcomes', ANSWERS.outcomes, draft.id).args, 404);
  });

  it('saves a task, cleaned, and it is marked complete', async () => {
    const saved = await ok(db, applicant, 'apply_save_task', save(applicant, 'organisation', ANSWERS.organisation).args);
    expect(saved.completed).toEqual(['organisation']);
    const mine = await ok(db, applicant, 'apply_round', { p_round: roundId });
    expect(mine.application).toMatchObject({ status: 'draft', completed: ['organisation'], reference: null });
    expect(mine.application.answers.organisation).toMatchObject({ postcode: 'OX4 2ET', charity_number: '1234567' });
  });

  // Bad input on every field: a 400 with the field's key, and nothing written.
  const bad: [task: keyof typeof ANSWERS, change: Record<string, unknown>, key: string, field: string][] = [
    ['organisation', { organisation_name: ' ' }, 'required', 'organisation_name'],
    ['organisation', { organisation_name: 'x'.repeat(201) }, 'too_long', 'organisation_name'],
    ['organisation', { organisation_type: 'a club' }, 'organisation_type_not_valid', 'organisation_type'],
    ['organisation', { charity_number: '12' }, 'charity_number_not_valid', 'charity_number'],
    ['organisation', { charity_number: '' }, 'charity_number_needed', 'charity_number'],
    ['organisation', { organisation_type: 'community interest company', company_number: '' }, 'company_number_needed', 'company_number'],
    ['organisation', { company_number: '123' }, 'company_number_not_valid', 'company_number'],
    ['organisation', { address: '' }, 'required', 'address'],
    ['organisation', { postcode: '' }, 'required', 'postcode'],
    ['organisation', { postcode: 'OXFORD' }, 'postcode_not_valid', 'postcode'],
    ['contact', { contact_name: '' }, 'required', 'contact_name'],
    ['contact', { contact_role: 'x'.repeat(201) }, 'too_long', 'contact_role'],
    ['contact', { contact_email: '' }, 'required', 'contact_email'],
    ['contact', { contact_email: 'pat at example' }, 'contact_email_not_valid', 'contact_email'],
    ['contact', { contact_phone: '12ab' }, 'contact_phone_not_valid', 'contact_phone'],
    ['project', { project_title: '' }, 'required', 'project_title'],
    ['project', { description: '' }, 'required', 'description'],
    ['project', { beneficiaries: '' }, 'required', 'beneficiaries'],
    ['project', { area: '' }, 'required', 'area'],
    ['project', { planned_start: '' }, 'required', 'planned_start'],
    ['project', { planned_start: '2027-02-30' }, 'date_not_valid', 'planned_start'],
    ['project', { planned_end: 'soon' }, 'date_not_valid', 'planned_end'],
    ['project', { planned_end: '2027-03-01' }, 'planned_end_before_start', 'planned_end'],
    ['money', { amount_requested: null }, 'required', 'amount_requested'],
    ['money', { amount_requested: '4500' }, 'amount_requested_not_valid', 'amount_requested'],
    ['money', { amount_requested: -1 }, 'amount_requested_not_valid', 'amount_requested'],
    ['money', { budget_lines: [] }, 'budget_lines_needed', 'budget_lines'],
    ['money', { budget_lines: [{ item: '', amount: 4500 }] }, 'required', 'budget_item_1'],
    ['money', { budget_lines: [{ item: 'Tools', amount: 0 }] }, 'budget_amount_not_valid', 'budget_amount_1'],
    ['money', { budget_lines: [{ item: 'Tools', amount: 4000 }] }, 'budget_does_not_add_up', 'budget_lines'],
    ['money', { other_funding: 'x'.repeat(2001) }, 'too_long', 'other_funding'],
    ['outcomes', { outcomes: '' }, 'required', 'outcomes'],
    ['declaration', { confirmed: false }, 'declaration_needed', 'confirmed'],
    ['declaration', { declared_by: '' }, 'required', 'declared_by'],
  ];
  for (const [task, change, key, field] of bad) {
    it(`refuses ${task}.${Object.keys(change).join(',')} = ${JSON.stringify(Object.values(change)).slice(0, 40)} (${key})`, async () => {
      const r = await refused(db, applicant, 'apply_save_task', save(applicant, task, { ...ANSWERS[task], ...change }).args, 400);
      expect(r.refusal).toMatchObject({ key, field });
    });
  }

  it('refuses a task that does not exist and answers that are not an object', async () => {
    expect((await refused(db, applicant, 'apply_save_task', save(applicant, 'money!', {}).args, 400)).refusal.key).toBe('task_not_found');
    expect((await refused(db, applicant, 'apply_save_task', save(applicant, 'money', [1]).args, 400)).refusal.key).toBe(
      'answers_not_an_object',
    );
  });

  it('cannot send until every task is complete, and is told which are missing', async () => {
    const r = await refused(db, applicant, 'apply_submit', { p_round_id: roundId }, 409);
    expect(r.refusal).toMatchObject({ key: 'tasks_not_complete', missing: ['contact', 'project', 'money', 'outcomes', 'declaration'] });
  });

  it('sends: a reference, the panel copy with no summary, the contact kept apart, an email', async () => {
    await fillEveryTask(applicant, roundId);
    const before = await chainHead(db);
    const sent = await ok(db, applicant, 'apply_submit', { p_round_id: roundId });
    expect(sent.reference).toBe(`${prefix}-001`);
    const [row] = await db.query<Record<string, unknown>>(
      `select a.organisation_name, a.summary, a.applicant_id, a.recipient_postcode, a.planned_start::text, a.amount_requested::float as amount,
              c.contact_name, c.email, c.address
       from private.applications a join private.application_contacts c on c.application_id = a.id where a.id = $1`,
      [sent.application_id],
    );
    expect(row).toEqual({
      organisation_name: 'Cowley Men in Sheds',
      summary: null,
      applicant_id: applicant.sub,
      recipient_postcode: 'OX4 2ET',
      planned_start: '2027-04-01',
      amount: 4500,
      contact_name: 'Pat Hughes',
      email: 'pat@example.org',
      address: '12 Temple Road, Oxford\nOX4 2ET',
    });
    const tables = (await eventsSince(db, before)).map((e) => e.table_name);
    expect(tables).toEqual(expect.arrayContaining(['applications', 'application_contacts', 'online_applications']));
    const [mail] = await db.query<{ subject: string; body: string; link: string }>(
      `select subject, body, link from private.outbox where template = 'application_received' and person_id = $1`,
      [applicant.sub],
    );
    expect(mail).toMatchObject({ subject: `We have received your application ${prefix}-001`, link: '/grants/applications/' });
    expect(mail!.body).toContain('Tools for all');
  });

  it('cannot change or send again what it has sent', async () => {
    expect((await refused(db, applicant, 'apply_save_task', save(applicant, 'outcomes', ANSWERS.outcomes).args, 409)).refusal.key).toBe(
      'application_already_sent',
    );
    expect((await refused(db, applicant, 'apply_submit', { p_round_id: roundId }, 409)).refusal.key).toBe('application_already_sent');
  });

  it('sees its own application as submitted in its list; another applicant sees none of it', async () => {
    const mine = await ok(db, applicant, 'apply_my_applications');
    expect(mine).toMatchObject([{ round_id: roundId, status: 'submitted', reference: `${prefix}-001`, may_withdraw: true }]);
    expect(await ok(db, other, 'apply_my_applications')).toEqual([]);
    expect((await ok(db, other, 'apply_round', { p_round: roundId })).application).toBeNull();
    // Another applicant's actions act on their own (empty) draft, never on this one.
    expect((await refused(db, other, 'apply_submit', { p_round_id: roundId }, 404)).refusal.key).toBe('application_not_started');
    expect((await refused(db, other, 'apply_withdraw', { p_round_id: roundId }, 404)).refusal.key).toBe('application_not_started');
  });

  it('is not an officer: cannot list, read with contacts, or reopen', async () => {
    const id = await sentId(applicant.sub);
    await refused(db, applicant, 'apply_officer_list', { p_round_id: roundId }, 403);
    await refused(db, applicant, 'officer_application', { p_application_id: id }, 403);
    await refused(db, applicant, 'apply_ask_for_information', { p_application_id: id, p_task: 'money', p_message: 'More' }, 403);
  });
});

describe('officers', () => {
  let applicationId: string;
  beforeAll(async () => {
    applicationId = await sentId(applicant.sub);
  });

  it('list the sent online applications with what is missing, and no contact details', async () => {
    const list = await ok(db, officer, 'apply_officer_list', { p_round_id: roundId });
    expect(list).toEqual([
      expect.objectContaining({
        application_id: applicationId,
        reference: `${prefix}-001`,
        status: 'submitted',
        has_summary: false,
        missing: ['summary'],
        organisation_name: 'Cowley Men in Sheds',
      }),
    ]);
    expect(JSON.stringify(list)).not.toContain('pat@example.org');
  });

  it('cannot move the round to scoring while an online application has no summary', async () => {
    await ok(db, officer, 'move_round', { p_round_id: roundId, p_to: 'closed' });
    const r = await refused(db, officer, 'move_round', { p_round_id: roundId, p_to: 'scoring' }, 409);
    expect(r.refusal.key).toBe('summaries_needed');
  });

  it('refuse bad input when asking for information', async () => {
    const ask = (task: string, message: string) => ({ p_application_id: applicationId, p_task: task, p_message: message });
    expect((await refused(db, officer, 'apply_ask_for_information', ask('budget', 'More'), 400)).refusal.key).toBe('task_not_found');
    expect((await refused(db, officer, 'apply_ask_for_information', ask('money', ' '), 400)).refusal).toMatchObject({
      key: 'required',
      field: 'message',
    });
    expect(
      (await refused(db, officer, 'apply_ask_for_information', { ...ask('money', 'x'), p_application_id: roundId }, 404)).refusal.key,
    ).toBe('online_application_not_found');
  });

  it('ask for missing information: one task reopens, an email goes, the rest stays fixed', async () => {
    await ok(db, officer, 'apply_ask_for_information', {
      p_application_id: applicationId,
      p_task: 'money',
      p_message: 'Please split the tools into hand tools and power tools.',
    });
    const [mail] = await db.query<{ body: string; link: string }>(
      `select body, link from private.outbox where template = 'application_information_needed' and person_id = $1`,
      [applicant.sub],
    );
    expect(mail!.body).toContain('hand tools and power tools');
    expect(mail!.link).toBe(`/grants/apply/task/?round=${roundId}&task=money`);
    const r = await refused(db, applicant, 'apply_save_task', save(applicant, 'project', ANSWERS.project).args, 409);
    expect(r.refusal).toMatchObject({ key: 'task_not_reopened', reopened_task: 'money' });
    // A second ask while the first is open is refused.
    const again = await refused(
      db,
      officer,
      'apply_ask_for_information',
      { p_application_id: applicationId, p_task: 'project', p_message: 'x' },
      409,
    );
    expect(again.refusal.key).toBe('application_not_sent');
  });

  it('the applicant changes that task after the deadline and the round closed, sends again, same reference', async () => {
    const lines = [
      { item: 'Hand tools', amount: 1000 },
      { item: 'Power tools', amount: 2000 },
      { item: 'Rent', amount: 1500 },
    ];
    await ok(db, applicant, 'apply_save_task', save(applicant, 'money', { ...ANSWERS.money, budget_lines: lines }).args);
    const sent = await ok(db, applicant, 'apply_submit', { p_round_id: roundId });
    expect(sent).toMatchObject({ reference: `${prefix}-001`, application_id: applicationId });
    const [row] = await db.query<{ lines: unknown }>('select budget_lines as lines from private.applications where id = $1', [
      applicationId,
    ]);
    expect(row!.lines).toEqual(lines);
    expect((await ok(db, applicant, 'apply_my_applications'))[0]).toMatchObject({ status: 'submitted', reopened_task: null });
  });

  it('write the summary; then the round can go to scoring and the applicant sees "with the panel", cannot withdraw', async () => {
    await ok(db, officer, 'write_application_summary', { p_application_id: applicationId, p_summary: 'A men’s shed in Cowley.' });
    expect((await ok(db, officer, 'apply_officer_list', { p_round_id: roundId }))[0].missing).toEqual([]);
    const scorer = await newPerson(db, `scorer-${prefix.toLowerCase()}@example.org`);
    await ok(db, officer, 'add_panel_member', { p_round_id: roundId, p_person_id: scorer.sub, p_seat: 'community' });
    // A panel of one is not fair: the officer starts scoring anyway, with the reason recorded.
    await ok(db, officer, 'move_round', { p_round_id: roundId, p_to: 'scoring', p_force_reason: 'Testing with a panel of one.' });
    expect((await ok(db, applicant, 'apply_my_applications'))[0]).toMatchObject({ status: 'with_panel', may_withdraw: false });
    const r = await refused(db, applicant, 'apply_withdraw', { p_round_id: roundId }, 409);
    expect(r.refusal.key).toBe('withdraw_too_late');
    await refused(db, officer, 'apply_ask_for_information', { p_application_id: applicationId, p_task: 'money', p_message: 'x' }, 409);
  });
});

describe('the outcome', () => {
  it('the applicant sees "decided" without the outcome, then once published the outcome', async () => {
    const [{ id }] = (await db.query<{ id: string }>('select application_id as id from private.online_applications where round_id = $1', [
      roundId,
    ])) as [{ id: string }];
    // Past the panel as the table owner: the panel's own journey is tested in the grants tests.
    await db.query(`update private.rounds set state = 'decided' where id = $1`, [roundId]);
    await db.query(
      `insert into private.cabinet_decisions (application_id, round_id, decision, amount, decided_on, minute_reference)
       values ($1, $2, 'award', 4000, '2027-03-10', 'Cabinet 10 March 2027, minute 12/27')`,
      [id, roundId],
    );
    expect((await ok(db, applicant, 'apply_my_applications'))[0]).toMatchObject({ status: 'decided', outcome: null });
    await db.query(`update private.rounds set state = 'published', published_at = now() where id = $1`, [roundId]);
    expect((await ok(db, applicant, 'apply_my_applications'))[0]).toMatchObject({
      status: 'published',
      outcome: { decision: 'award', amount: 4000, decided_on: '2027-03-10' },
    });
    // Another applicant still sees nothing of it.
    expect(await ok(db, other, 'apply_my_applications')).not.toContainEqual(expect.objectContaining({ round_id: roundId }));
  });
});

describe('deadlines, closed rounds and withdrawals', () => {
  it('after the deadline: the draft is kept, but cannot be saved or sent', async () => {
    const tag = `${prefix}L`;
    const round = await openRound(tag, { opens_on: '2026-01-01', closes_on: '2099-01-01' });
    await fillEveryTask(other, round);
    // The deadline passes while the form is open (the end of the closing date, London time).
    await db.query(`update private.rounds set closes_on = (now() at time zone 'Europe/London')::date - 1 where id = $1`, [round]);
    const r = await refused(db, other, 'apply_submit', { p_round_id: round }, 409);
    expect(r.refusal.key).toBe('deadline_passed');
    expect((await refused(db, other, 'apply_save_task', save(other, 'outcomes', ANSWERS.outcomes, round).args, 409)).refusal.key).toBe(
      'deadline_passed',
    );
    const kept = await ok(db, other, 'apply_round', { p_round: round });
    expect(kept.round.taking_applications).toBe(false);
    expect(kept.application).toMatchObject({ status: 'draft', completed: [...APPLY_TASKS] });
    // Until the end of today it is still open.
    await db.query(`update private.rounds set closes_on = (now() at time zone 'Europe/London')::date where id = $1`, [round]);
    expect((await ok(db, other, 'apply_submit', { p_round_id: round })).reference).toBe(`${tag}-001`);
  });

  it('a closed round, or one not open yet, takes no new applications', async () => {
    const round = await openRound(`${prefix}C`);
    await ok(db, officer, 'move_round', { p_round_id: round, p_to: 'closed' });
    expect((await refused(db, other, 'apply_save_task', save(other, 'outcomes', ANSWERS.outcomes, round).args, 409)).refusal.key).toBe(
      'round_not_taking_applications',
    );
    const later = await openRound(`${prefix}F`, { opens_on: '2099-01-01', closes_on: '2099-02-01' });
    expect((await refused(db, other, 'apply_save_task', save(other, 'outcomes', ANSWERS.outcomes, later).args, 409)).refusal.key).toBe(
      'round_not_taking_applications',
    );
  });

  it('withdrawn before the panel: the panel copy goes, the reference is never reused, nothing more can change', async () => {
    const tag = `${prefix}W`;
    const round = await openRound(tag);
    await fillEveryTask(applicant, round);
    const sent = await ok(db, applicant, 'apply_submit', { p_round_id: round });
    // An officer reads it (a read record), which must not stop the withdrawal.
    await ok(db, officer, 'officer_application', { p_application_id: sent.application_id });
    await ok(db, applicant, 'apply_withdraw', { p_round_id: round });
    expect(await db.query('select 1 from private.applications where id = $1', [sent.application_id])).toEqual([]);
    expect((await ok(db, applicant, 'apply_round', { p_round: round })).application).toMatchObject({
      status: 'withdrawn',
      reference: `${tag}-001`,
      may_withdraw: false,
    });
    for (const [fn, args] of [
      ['apply_save_task', save(applicant, 'outcomes', ANSWERS.outcomes, round).args],
      ['apply_submit', { p_round_id: round }],
      ['apply_withdraw', { p_round_id: round }],
    ] as const) {
      expect((await refused(db, applicant, fn, args, 409)).refusal.key).toBe('application_withdrawn');
    }
    const next = await ok(db, officer, 'add_application', {
      p_round_id: round,
      p_application: {
        organisation_name: 'Typed in',
        organisation_type: 'other',
        project_title: 'Paper',
        description: 'By post.',
        amount_requested: 100,
        contact: { name: 'A', email: 'a@example.org' },
      },
    });
    expect(next.reference).toBe(`${tag}-002`);
  });
});

describe('reads leave no audit event', () => {
  it('apply_round, apply_my_applications and apply_officer_list write nothing', async () => {
    const before = await chainHead(db);
    await ok(db, applicant, 'apply_round', { p_round: roundId });
    await ok(db, applicant, 'apply_my_applications');
    await ok(db, officer, 'apply_officer_list', { p_round_id: roundId });
    expect(await chainHead(db)).toBe(before);
  });
});
