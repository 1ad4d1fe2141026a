// The audit trail: every write through the api leaves exactly one event per row it changes (and
// none when nothing changes), every read of confidential data leaves a read record, events can
// be neither changed nor deleted, and the hash chain points at the first event tampered with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import type { Actor } from '../../support/db.ts';
import { openTestDatabase, serviceRole, signedIn } from '../../support/db.ts';
import { chainHead, eventsSince, NOT_GRANTS_FUNCTIONS, ok, refused, seeded } from './support.ts';
import { application, buildWorld, fullScores, type World } from './world.ts';

let db: Database;
let w: World;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db, 'scoring');
});
afterAll(() => db.close());

const officer = seeded('officer');
const scrutiny = seeded('scrutiny');
type Saved = 'fund' | 'round' | 'criterion' | 'application' | 'member' | 'meeting';
/** The rows earlier steps made, by the name each step saves them under. */
const ctx = {} as Record<Saved, { id: string }>;
/** The round's spare member, who has not yet accepted or declared anything. */
const spare = (): Actor => signedIn(w.person.spareMember!);

interface Step {
  label: string;
  fn: string;
  call: () => [Actor, Record<string, unknown>];
  /** The events it must leave ("action table"), in order. */
  events: string[];
  /** The capacity its events must be marked with. */
  role?: string;
  save?: Saved;
}

// Every api function that can write (every volatile one) is called here at least once, and
// each call must leave exactly the events listed: one per row changed, none when nothing changes.
const steps: Step[] = [
  {
    label: 'create a fund',
    fn: 'create_fund',
    call: () => [officer, { p_slug: `audit-${w.tag.toLowerCase()}`, p_name: 'Audit fund', p_budget: 10 }],
    events: ['insert funds'],
    role: 'officer',
    save: 'fund',
  },
  {
    label: 'change it',
    fn: 'update_fund',
    call: () => [officer, { p_fund_id: ctx.fund.id, p_budget: 20 }],
    events: ['update funds'],
    role: 'officer',
  },
  {
    label: 'create a round with its own agreement',
    fn: 'create_round',
    call: () => [
      officer,
      { p_fund_id: ctx.fund.id, p_title: 'Audit round', p_reference_prefix: `${w.tag}A`, p_agreement_text: 'Keep it to yourself.' },
    ],
    events: ['insert rounds'],
    role: 'officer',
    save: 'round',
  },
  {
    label: 'change the round',
    fn: 'update_round',
    call: () => [officer, { p_round_id: ctx.round.id, p_title: 'Audit round, renamed', p_panel_date: '2027-03-01' }],
    events: ['update rounds'],
    role: 'officer',
  },
  {
    label: 'add a criterion',
    fn: 'add_criterion',
    call: () => [officer, { p_round_id: ctx.round.id, p_title: 'Need', p_weight: 1, p_maximum: 1, p_descriptors: ['No', 'Yes'] }],
    events: ['insert criteria'],
    role: 'officer',
    save: 'criterion',
  },
  {
    label: 'change it',
    fn: 'update_criterion',
    call: () => [officer, { p_criterion_id: ctx.criterion.id, p_title: 'Need and reach' }],
    events: ['update criteria'],
    role: 'officer',
  },
  {
    label: 'add an application: the pack and, apart, the contact',
    fn: 'add_application',
    call: () => [officer, { p_round_id: ctx.round.id, p_application: application(8) }],
    events: ['insert applications', 'insert application_contacts'],
    role: 'officer',
    save: 'application',
  },
  {
    label: 'write its summary',
    fn: 'write_application_summary',
    call: () => [officer, { p_application_id: ctx.application.id, p_summary: 'In short.' }],
    events: ['update applications'],
    role: 'officer',
  },
  {
    label: 'add a panel member',
    fn: 'add_panel_member',
    call: () => [officer, { p_round_id: ctx.round.id, p_person_id: w.person.stranger, p_seat: 'community' }],
    events: ['insert panel_members'],
    role: 'officer',
    save: 'member',
  },
  {
    label: 'remove them (kept, marked removed)',
    fn: 'remove_panel_member',
    call: () => [officer, { p_member_id: ctx.member.id, p_reason: 'Changed their mind.' }],
    events: ['update panel_members'],
    role: 'officer',
  },
  {
    label: 'add them back (the same row)',
    fn: 'add_panel_member',
    call: () => [officer, { p_round_id: ctx.round.id, p_person_id: w.person.stranger, p_seat: 'councillor' }],
    events: ['update panel_members'],
    role: 'officer',
  },
  {
    label: 'add a reviewer',
    fn: 'add_reviewer',
    call: () => [officer, { p_round_id: ctx.round.id, p_person_id: w.person.stranger }],
    events: ['insert reviewers'],
    role: 'officer',
  },
  {
    label: 'remove the reviewer',
    fn: 'remove_reviewer',
    call: () => [officer, { p_round_id: ctx.round.id, p_person_id: w.person.stranger }],
    events: ['delete reviewers'],
    role: 'officer',
  },
  {
    label: 'remove the criterion',
    fn: 'remove_criterion',
    call: () => [officer, { p_criterion_id: ctx.criterion.id }],
    events: ['delete criteria'],
    role: 'officer',
  },
  {
    label: 'move the other round on',
    fn: 'move_round',
    call: () => [officer, { p_round_id: w.otherRoundId, p_to: 'panel', p_force_reason: 'Moving on.' }],
    events: ['update rounds'],
    role: 'officer',
  },
  {
    label: 'accept an agreement already accepted',
    fn: 'accept_confidentiality',
    call: () => [w.actors.community, { p_round_id: w.roundId }],
    events: [],
  },
  {
    label: 'accept an agreement',
    fn: 'accept_confidentiality',
    call: () => [spare(), { p_round_id: w.roundId }],
    events: ['insert confidentiality_acceptances'],
    role: 'member',
  },
  {
    label: 'declare no conflict',
    fn: 'declare_interest',
    call: () => [spare(), { p_application_id: w.apps[0], p_has_conflict: false }],
    events: ['insert conflict_declarations'],
    role: 'member',
  },
  {
    label: 'declare the same again',
    fn: 'declare_interest',
    call: () => [spare(), { p_application_id: w.apps[0], p_has_conflict: false }],
    events: [],
  },
  {
    label: 'declare a conflict straight away',
    fn: 'declare_interest',
    call: () => [spare(), { p_application_id: w.apps[1], p_has_conflict: true, p_reason: 'My partner runs it.' }],
    events: ['insert conflict_declarations'],
    role: 'member',
  },
  {
    label: 'save two draft scores',
    fn: 'save_draft_scores',
    call: () => [w.actors.community, { p_application_id: w.apps[1], p_scores: fullScores(w).slice(0, 2) }],
    events: ['insert scores', 'insert scores'],
    role: 'member',
  },
  {
    label: 'save them again unchanged',
    fn: 'save_draft_scores',
    call: () => [w.actors.community, { p_application_id: w.apps[1], p_scores: fullScores(w).slice(0, 2) }],
    events: [],
  },
  {
    label: 'submit with the last score',
    fn: 'submit_scores',
    call: () => [w.actors.community, { p_application_id: w.apps[1], p_scores: fullScores(w).slice(2) }],
    events: ['insert scores', 'insert score_submissions'],
    role: 'member',
  },
  {
    label: 'ask to reopen',
    fn: 'request_score_reopen',
    call: () => [w.actors.community, { p_application_id: w.apps[1], p_reason: 'A mistake.' }],
    events: ['update score_submissions'],
    role: 'member',
  },
  {
    label: 'grant the reopen',
    fn: 'grant_score_reopen',
    call: () => [w.actors.chair, { p_member_id: w.member.community, p_application_id: w.apps[1] }],
    events: ['update score_submissions'],
    role: 'chair',
  },
  {
    label: 'change one score',
    fn: 'save_draft_scores',
    call: () => [w.actors.community, { p_application_id: w.apps[1], p_scores: [{ criterion_id: w.criteria[0]!.id, score: 4 }] }],
    events: ['update scores'],
    role: 'member',
  },
  {
    label: 'open a pack',
    fn: 'open_application_pack',
    call: () => [w.actors.community, { p_application_id: w.apps[1] }],
    events: ['read read_records'],
    role: 'member',
  },
  {
    label: 'read contact details',
    fn: 'officer_application',
    call: () => [officer, { p_application_id: w.apps[1] }],
    events: ['read read_records'],
    role: 'officer',
  },
  {
    label: 'read the audit trail',
    fn: 'audit_trail',
    call: () => [scrutiny, { p_limit: 1 }],
    events: ['read read_records'],
    role: 'scrutiny',
  },
  {
    label: 'read the conflicts declared',
    fn: 'round_conflicts',
    call: () => [w.actors.chair, { p_round_id: w.roundId }],
    events: ['read read_records'],
    role: 'chair',
  },
  // The checkpoint signer's two calls (service role only): neither is an audit event, or signing would move the heads it signs.
  { label: 'read the heads for a checkpoint', fn: 'audit_checkpoint_heads', call: () => [serviceRole, {}], events: [] },
  {
    label: 'keep a signed checkpoint',
    fn: 'record_audit_checkpoint',
    call: () => [serviceRole, { p_statement: '{}', p_signature: 'signature', p_key_id: 'ed25519:test' }],
    events: [],
  },
  {
    // The reminder goes only into the outbox, which is not audited (see the top of
    // 20261204000400_notifications.sql): no event.
    label: 'remind members with finished scores unsent',
    fn: 'remind_unsent_drafts',
    call: () => [officer, { p_round_id: w.roundId }],
    events: [],
  },
  {
    label: 'move to the panel',
    fn: 'move_round',
    call: () => [officer, { p_round_id: w.roundId, p_to: 'panel', p_force_reason: 'Panel day.' }],
    events: ['update rounds'],
    role: 'officer',
  },
  {
    label: 'vote',
    fn: 'cast_panel_vote',
    call: () => [w.actors.councillor, { p_application_id: w.apps[0], p_vote: 'award' }],
    events: ['insert panel_votes'],
    role: 'member',
  },
  {
    label: 'change the vote',
    fn: 'cast_panel_vote',
    call: () => [w.actors.councillor, { p_application_id: w.apps[0], p_vote: 'abstain' }],
    events: ['update panel_votes'],
    role: 'member',
  },
  {
    label: 'vote the same again',
    fn: 'cast_panel_vote',
    call: () => [w.actors.councillor, { p_application_id: w.apps[0], p_vote: 'abstain' }],
    events: [],
  },
  {
    label: 'declare a conflict at the panel: the vote goes too',
    fn: 'declare_interest',
    call: () => [
      w.actors.councillor,
      { p_application_id: w.apps[0], p_has_conflict: true, p_reason: 'I have just realised my son works there.' },
    ],
    events: ['update conflict_declarations', 'delete panel_votes'],
    role: 'member',
  },
  {
    label: 'read the results',
    fn: 'round_results',
    call: () => [w.actors.chair, { p_round_id: w.roundId }],
    events: ['read read_records'],
    role: 'chair',
  },
  {
    label: 'export the report',
    fn: 'export_round_report',
    call: () => [w.actors.clerk, { p_round_id: w.roundId }],
    events: ['export read_records'],
    role: 'clerk',
  },
  {
    label: 'record a recommendation',
    fn: 'record_recommendation',
    call: () => [
      w.actors.clerk,
      { p_application_id: w.apps[0], p_outcome: 'not_award', p_reasons: 'Not yet ready.', p_how_agreed: 'consensus' },
    ],
    events: ['insert recommendations'],
    role: 'clerk',
  },
  {
    label: 'the chair changes it',
    fn: 'record_recommendation',
    call: () => [
      w.actors.chair,
      { p_application_id: w.apps[0], p_outcome: 'award', p_amount: 100, p_reasons: 'On reflection, ready.', p_how_agreed: 'majority vote' },
    ],
    events: ['update recommendations'],
    role: 'chair',
  },
  {
    label: 'read the recommendations',
    fn: 'review_recommendations',
    call: () => [w.actors.chair, { p_round_id: w.roundId }],
    events: ['read read_records'],
    role: 'chair',
  },
  // The review path, on the other round (one application, at the panel since its move above).
  {
    label: 'an officer records its recommendation',
    fn: 'record_recommendation',
    call: () => [
      officer,
      { p_application_id: w.otherAppId, p_outcome: 'award', p_amount: 500, p_reasons: 'Good.', p_how_agreed: 'consensus' },
    ],
    events: ['insert recommendations'],
    role: 'officer',
  },
  {
    label: 'send it for review',
    fn: 'move_round',
    call: () => [officer, { p_round_id: w.otherRoundId, p_to: 'recommended' }],
    events: ['update rounds'],
    role: 'officer',
  },
  {
    label: 'name a reviewing councillor',
    fn: 'add_reviewer',
    call: () => [officer, { p_round_id: w.otherRoundId, p_person_id: w.person.reviewer }],
    events: ['insert reviewers'],
    role: 'officer',
  },
  {
    label: 'record a review meeting',
    fn: 'add_review_meeting',
    call: () => [officer, { p_round_id: w.otherRoundId, p_title: 'Scrutiny briefing', p_meeting_date: '2027-01-10' }],
    events: ['insert review_meetings'],
    role: 'officer',
    save: 'meeting',
  },
  {
    label: 'the councillor reads the recommendations',
    fn: 'review_recommendations',
    call: () => [w.actors.reviewer, { p_round_id: w.otherRoundId }],
    events: ['read read_records'],
    role: 'reviewer',
  },
  {
    label: 'and comments',
    fn: 'add_review_comment',
    call: () => [w.actors.reviewer, { p_application_id: w.otherAppId, p_comment: 'I support it.', p_meeting_id: ctx.meeting.id }],
    events: ['insert review_comments'],
    role: 'reviewer',
  },
  {
    label: 'Cabinet agreed the recommendations as they stand',
    fn: 'record_cabinet_agreed',
    call: () => [officer, { p_round_id: w.otherRoundId, p_decided_on: '2027-02-01', p_minute_reference: 'Cabinet minute 1/27' }],
    events: ['insert cabinet_decisions'],
    role: 'officer',
  },
  {
    label: 'record the exception one by one',
    fn: 'record_cabinet_decision',
    call: () => [
      officer,
      {
        p_application_id: w.otherAppId,
        p_decision: 'award',
        p_amount: 400,
        p_decided_on: '2027-02-01',
        p_minute_reference: 'Cabinet minute 1/27',
      },
    ],
    events: ['update cabinet_decisions'],
    role: 'officer',
  },
  {
    label: 'correct it',
    fn: 'record_cabinet_decision',
    call: () => [
      officer,
      {
        p_application_id: w.otherAppId,
        p_decision: 'award',
        p_amount: 450,
        p_decided_on: '2027-02-01',
        p_minute_reference: 'Cabinet minute 1/27',
      },
    ],
    events: ['update cabinet_decisions'],
    role: 'officer',
  },
  {
    label: 'mark it decided',
    fn: 'move_round',
    call: () => [officer, { p_round_id: w.otherRoundId, p_to: 'decided' }],
    events: ['update rounds'],
    role: 'officer',
  },
  {
    label: 'publish it',
    fn: 'move_round',
    call: () => [officer, { p_round_id: w.otherRoundId, p_to: 'published' }],
    events: ['update rounds'],
    role: 'officer',
  },
];

// The api functions that only read things that are not confidential (see the comment above
// private.record_read, in 20261124010200_grants_functions_access.sql, for why each is left
// unrecorded): none may leave an event.
const quietReads: [string, () => [Actor, Record<string, unknown>]][] = [
  ['list_funds', () => [w.actors.anonymous, {}]],
  ['published_awards', () => [w.actors.anonymous, {}]],
  ['grant_round_360giving', () => [w.actors.anonymous, { p_round_id: w.otherRoundId }]],
  ['my_rounds', () => [w.actors.community, {}]],
  ['get_round', () => [w.actors.community, { p_round_id: w.roundId }]],
  ['my_applications', () => [w.actors.community, { p_round_id: w.roundId }]],
  ['round_progress', () => [w.actors.chair, { p_round_id: w.roundId }]],
  ['round_applications', () => [officer, { p_round_id: w.roundId }]],
  ['list_people', () => [officer, { p_search: w.tag.toLowerCase() }]],
  ['verify_audit_chain', () => [scrutiny, {}]],
  ['audit_chain_export', () => [serviceRole, { p_limit: 5 }]],
  ['audit_filter_choices', () => [scrutiny, {}]],
  ['my_access', () => [scrutiny, {}]],
];

describe('every write leaves exactly one audit event per row, in the same call', () => {
  for (const { label, fn, call, events: expected, role, save } of steps) {
    it(`${label} (${fn}): ${expected.join(', ') || 'no event'}`, async () => {
      const [actor, args] = call();
      const before = await chainHead(db);
      const data = await ok(db, actor, fn, args);
      if (save) ctx[save] = data;
      const events = await eventsSince(db, before);
      expect(events.map((e) => `${e.action} ${e.table_name}`)).toEqual(expected);
      for (const e of events) {
        expect(e.actor, 'who').toBe(actor.sub);
        expect(e.actor_role, 'in what capacity').toBe(role);
        expect(e.row_id, 'which row').toBeTruthy();
        expect(e.old_values === null, 'old values only for updates and deletes').toBe(
          e.action === 'insert' || e.action === 'read' || e.action === 'export',
        );
        expect(e.new_values === null, 'new values except for deletes').toBe(e.action === 'delete');
      }
    });
  }

  for (const [fn, call] of quietReads) {
    it(`${fn} reads nothing confidential: no event`, async () => {
      const [actor, args] = call();
      const before = await chainHead(db);
      await ok(db, actor, fn, args);
      expect(await chainHead(db)).toBe(before);
    });
  }

  it('covers every api function: each one that can write is called above, and the rest leave no event', async () => {
    const functions = await db.query<{ name: string; volatile: boolean }>(
      `select p.proname as name, bool_or(p.provolatile = 'v') as volatile from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'api' and p.proname <> 'whoami' and p.proname not like 'pb\\_%' and p.proname not like 'apply\\_%' and p.proname not like 'festival\\_%' and p.proname not in (select unnest($1::text[])) group by p.proname order by 1`,
      [NOT_GRANTS_FUNCTIONS],
    );
    // Online applications' functions (apply_*) are covered in online-applications.test.ts.
    // Participatory budgeting's functions (pb_*) have their own coverage in tests/db/pb, the
    // festival's (festival_*) in tests/db/festival (officers.test.ts checks their audit events).
    // The notifications outbox's functions (the sender's, service role only) are tested in tests/db/notifications*,
    // project updates' in tests/db/project-updates, finding a fund's in tests/db/grants/eligibility.test.ts,
    // the tree's and the moderation queue's in tests/db/moderation.
    const called = new Set(steps.map((s) => s.fn));
    const quiet = new Set(quietReads.map(([fn]) => fn));
    // A function that can write must be among the steps, with the events it leaves.
    expect(
      functions.filter((f) => f.volatile && !called.has(f.name)).map((f) => f.name),
      'writing functions without a step',
    ).toEqual([]);
    // Postgres refuses writes in a stable function, so these need only show they record nothing.
    expect(
      functions.filter((f) => !f.volatile && !quiet.has(f.name)).map((f) => f.name),
      'read-only functions not checked',
    ).toEqual([]);
    expect(
      [...quiet].filter((fn) => functions.find((f) => f.name === fn)?.volatile !== false),
      'listed as quiet but not read-only',
    ).toEqual([]);
  });
});
describe('reads of confidential data', () => {
  const newRecords = async (after: number) =>
    db.query<{ person_id: string; kind: string; what: string; round_id: string | null; application_id: string | null }>(
      'select person_id, kind, what, round_id, application_id from private.read_records where id > $1 order by id',
      [after],
    );
  const lastRecord = async () =>
    Number((await db.query<{ id: string | null }>('select max(id) as id from private.read_records'))[0]?.id ?? 0);

  // Who reads what, and the record it must leave. The round is at the panel by now.
  const reads: [label: string, call: () => [Actor, string, Record<string, unknown>], record: () => object][] = [
    [
      'a member opens a pack',
      () => [w.actors.chair, 'open_application_pack', { p_application_id: w.apps[2] }],
      () => ({ person_id: w.person.chair, kind: 'read', what: 'application pack', round_id: w.roundId, application_id: w.apps[2] }),
    ],
    [
      'an officer reads an application with its contact details',
      () => [officer, 'officer_application', { p_application_id: w.apps[2] }],
      () => ({
        person_id: officer.sub,
        kind: 'read',
        what: 'application with contact details',
        round_id: w.roundId,
        application_id: w.apps[2],
      }),
    ],
    [
      'the chair reads the results',
      () => [w.actors.chair, 'round_results', { p_round_id: w.roundId }],
      () => ({ person_id: w.person.chair, kind: 'read', what: 'panel results', round_id: w.roundId, application_id: null }),
    ],
    [
      'a member reads the aggregate results',
      () => [w.actors.community, 'round_results', { p_round_id: w.roundId }],
      () => ({ person_id: w.person.community, kind: 'read', what: 'panel results', round_id: w.roundId, application_id: null }),
    ],
    [
      'the clerk reads the conflicts declared, with their reasons',
      () => [w.actors.clerk, 'round_conflicts', { p_round_id: w.roundId }],
      () => ({ person_id: w.person.clerk, kind: 'read', what: 'conflicts of interest', round_id: w.roundId, application_id: null }),
    ],
    [
      'the chair reads the recommendations',
      () => [w.actors.chair, 'review_recommendations', { p_round_id: w.roundId }],
      () => ({ person_id: w.person.chair, kind: 'read', what: 'recommendations', round_id: w.roundId, application_id: null }),
    ],
    [
      'a reviewing councillor reads the recommendations',
      () => [w.actors.reviewer, 'review_recommendations', { p_round_id: w.otherRoundId }],
      () => ({ person_id: w.person.reviewer, kind: 'read', what: 'recommendations', round_id: w.otherRoundId, application_id: null }),
    ],
    [
      'the clerk exports the report',
      () => [w.actors.clerk, 'export_round_report', { p_round_id: w.roundId }],
      () => ({ person_id: w.person.clerk, kind: 'export', what: 'round report', round_id: w.roundId, application_id: null }),
    ],
    [
      'scrutiny reads the audit trail',
      () => [scrutiny, 'audit_trail', { p_table: 'scores', p_limit: 5 }],
      () => ({ person_id: scrutiny.sub, kind: 'read', what: 'audit trail', round_id: null, application_id: null }),
    ],
  ];

  for (const [label, call, record] of reads) {
    it(`${label}: one read record, every time`, async () => {
      const [actor, fn, args] = call();
      const after = await lastRecord();
      for (let i = 0; i < 2; i++) await ok(db, actor, fn, args);
      expect(await newRecords(after)).toEqual([record(), record()]);
    });
  }

  it('a refused read leaves no record', async () => {
    const after = await lastRecord();
    await refused(db, w.actors.conflicted, 'open_application_pack', { p_application_id: w.apps[2] }, 403, 'PT403');
    await refused(db, w.actors.community, 'round_conflicts', { p_round_id: w.roundId }, 403, 'PT403');
    await refused(db, w.actors.community, 'export_round_report', { p_round_id: w.roundId }, 403, 'PT403');
    await refused(db, w.actors.councillor, 'officer_application', { p_application_id: w.apps[2] }, 403, 'PT403');
    await refused(db, w.actors.reviewer, 'review_recommendations', { p_round_id: w.roundId }, 404, 'PT404');
    expect(await newRecords(after)).toEqual([]);
  });
});

describe('audit events cannot be changed', () => {
  it.each([
    ['update', `update private.audit_events set actor_role = 'nobody' where id = (select min(id) from private.audit_events)`],
    ['delete', 'delete from private.audit_events where id = (select max(id) from private.audit_events)'],
    ['truncate', 'truncate private.audit_events'],
    ['update of a read record', `update private.read_records set what = 'nothing'`],
    ['truncate of an audited table', 'truncate private.scores cascade'],
  ])('refuses an %s, even by the table owner', async (_label, sql) => {
    await expect(db.query(sql)).rejects.toMatchObject({ code: 'PT403' });
  });
});

describe('the chain check finds tampering that got round the triggers', () => {
  const asOwnerWithoutTriggers = (sql: string, params: unknown[] = []) =>
    db.transaction(async (tx) => {
      await tx.exec('alter table private.audit_events disable trigger audit_events_append_only');
      await tx.query(sql, params);
      await tx.exec('alter table private.audit_events enable trigger audit_events_append_only');
    });
  const verify = () => ok(db, seeded('scrutiny'), 'verify_audit_chain');
  let target: { id: string; new_values: unknown; hash: string };

  beforeAll(async () => {
    expect(await verify()).toMatchObject({ intact: true });
    [target] = (await db.query<typeof target>(
      `select id, new_values, hash from private.audit_events where table_name = 'scores' order by id limit 1 offset 10`,
    )) as [typeof target];
  });

  it('a direct update of an event is found at that event; undoing it makes the chain whole again', async () => {
    await asOwnerWithoutTriggers(`update private.audit_events set new_values = jsonb_set(new_values, '{score}', '0') where id = $1`, [
      target.id,
    ]);
    expect(await verify()).toMatchObject({
      intact: false,
      first_broken_event: Number(target.id),
      reason: expect.stringMatching(/changed after it was written/),
    });
    await asOwnerWithoutTriggers('update private.audit_events set new_values = $2 where id = $1', [target.id, target.new_values]);
    expect(await verify()).toMatchObject({ intact: true });
  });

  it('an update that also rewrites the hash is found at the next event', async () => {
    await asOwnerWithoutTriggers(
      `update private.audit_events e set new_values = '{}', hash = private.audit_event_hash(e.prev_hash, e.id, e.at, e.actor, e.actor_role,
         e.action, e.table_name, e.row_id, e.old_values, '{}', e.details, e.lane, e.salt) where id = $1`,
      [target.id],
    );
    const [next] = await db.query<{ id: string }>('select min(id) as id from private.audit_events where id > $1', [target.id]);
    expect(await verify()).toMatchObject({
      intact: false,
      first_broken_event: Number(next!.id),
      reason: expect.stringMatching(/does not follow on/),
    });
    await asOwnerWithoutTriggers('update private.audit_events set new_values = $2, hash = $3 where id = $1', [
      target.id,
      target.new_values,
      target.hash,
    ]);
    expect(await verify()).toMatchObject({ intact: true });
  });

  it('a deleted event is found at the one after it; putting it back makes the chain whole again', async () => {
    await db.exec('create temporary table saved_events as select * from private.audit_events with no data');
    await db.query('insert into saved_events select * from private.audit_events where id = $1', [target.id]);
    await asOwnerWithoutTriggers('delete from private.audit_events where id = $1', [target.id]);
    const [next] = await db.query<{ id: string }>('select min(id) as id from private.audit_events where id > $1', [target.id]);
    expect(await verify()).toMatchObject({
      intact: false,
      first_broken_event: Number(next!.id),
      reason: expect.stringMatching(/does not follow on/),
    });
    await db.exec('insert into private.audit_events select * from saved_events; truncate saved_events');
    expect(await verify()).toMatchObject({ intact: true });
  });

  it('events cut off the end of an otherwise intact chain are found by the chain head', async () => {
    const whole = await verify();
    expect(whole).toMatchObject({ intact: true });
    const head = await chainHead(db);
    const ids = (await db.query<{ id: string }>('select id from private.audit_events order by id desc limit 3')).map((r) => Number(r.id));
    expect(ids[0]).toBe(head);
    await db.query('insert into saved_events select * from private.audit_events where id >= $1', [ids[1]]);
    for (const [cut, remaining] of [
      [ids[0], ids[1]],
      [ids[1], ids[2]],
    ] as const) {
      // Only the newest events go; every event left still links to the one before it.
      await asOwnerWithoutTriggers('delete from private.audit_events where id = $1', [cut]);
      expect(await verify()).toEqual({
        intact: false,
        first_broken_event: remaining! + 1,
        events_checked: whole.events - (cut === ids[0] ? 1 : 2),
        reason: `The chain ends at event ${remaining}, but its recorded head is event ${head}: the newest events are missing.`,
      });
    }
    await db.exec('insert into private.audit_events select * from saved_events; drop table saved_events');
    expect(await verify()).toMatchObject({ intact: true, events: whole.events, head_id: head });
  });
});
