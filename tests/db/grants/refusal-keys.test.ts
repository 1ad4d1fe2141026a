// Every family of grants functions refuses through private.refuse: a stable key (and the field
// it concerns, and facts) that the screens choose their words by, whatever the English says.
// Each row drives a real refusal through the database as the role that meets it, and checks the
// key, the field and the facts, that the key has screen words, and that nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { WORDS as GRANTS } from '../../../src/lib/refusals/grants.ts';
import { WORDS as SHARED } from '../../../src/lib/refusals/shared.ts';
import { openTestDatabase, serviceRole, type Actor } from '../../support/db.ts';
import { ok, refused } from './support.ts';
import { application, buildWorld, type World } from './world.ts';

let db: Database;
let w: World;
let draftRoundId: string;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db, 'scoring');
  draftRoundId = (
    await ok(db, w.actors.officer, 'create_round', { p_fund_id: w.fundId, p_title: 'Draft round', p_reference_prefix: `${w.tag}D` })
  ).id;
}, 120_000);
afterAll(() => db.close());

type Row = [
  family: string,
  who: (w: World) => Actor,
  fn: string,
  args: (w: World) => Record<string, unknown>,
  status: number,
  refusal: (w: World) => Record<string, unknown>,
];

const officer = (x: World) => x.actors.officer;
const score = (x: World, value: unknown) => [{ criterion_id: x.criteria[0]!.id, score: value }];

const ROWS: Row[] = [
  ['access', (x) => x.actors.stranger, 'get_round', (x) => ({ p_round_id: x.roundId }), 404, () => ({ key: 'round_not_found' })],
  [
    'access',
    (x) => x.actors.community,
    'create_fund',
    () => ({ p_slug: 'nope', p_name: 'Nope', p_budget: 1 }),
    403,
    () => ({ key: 'not_officer' }),
  ],
  [
    'setup',
    officer,
    'create_fund',
    () => ({ p_slug: 'Not A Slug', p_name: 'Fund', p_budget: 1 }),
    400,
    () => ({ key: 'fund_slug_not_valid', field: 'slug' }),
  ],
  [
    'setup',
    officer,
    'create_round',
    (x) => ({ p_fund_id: x.fundId, p_title: 'Bad', p_reference_prefix: 'x' }),
    400,
    () => ({ key: 'reference_prefix_not_valid', field: 'reference_prefix' }),
  ],
  [
    'setup',
    officer,
    'add_criterion',
    (x) => ({ p_round_id: x.roundId, p_title: 'Late', p_weight: 1, p_maximum: 1, p_descriptors: ['No', 'Yes'] }),
    409,
    () => ({ key: 'criteria_fixed', stage: 'scoring' }),
  ],
  [
    'setup',
    officer,
    'add_criterion',
    () => ({ p_round_id: draftRoundId, p_title: 'Need', p_weight: 1, p_maximum: 2, p_descriptors: ['None'] }),
    400,
    () => ({ key: 'descriptors_not_valid', field: 'descriptors', maximum: 2, descriptors_needed: 3 }),
  ],
  [
    'applications',
    officer,
    'add_application',
    (x) => ({ p_round_id: x.roundId, p_application: application(7) }),
    409,
    () => ({ key: 'applications_fixed', stage: 'scoring' }),
  ],
  [
    'applications',
    officer,
    'add_application',
    () => ({ p_round_id: draftRoundId, p_application: application(7, { charity_number: '12' }) }),
    400,
    () => ({ key: 'charity_number_not_valid', field: 'charity_number' }),
  ],
  [
    'applications',
    officer,
    'add_application',
    () => ({ p_round_id: draftRoundId, p_application: application(7, { project_title: 'x'.repeat(201) }) }),
    400,
    () => ({ key: 'too_long', field: 'project_title', max: 200, length: 201 }),
  ],
  [
    'panel',
    officer,
    'add_panel_member',
    (x) => ({ p_round_id: x.roundId, p_person_id: x.person.community, p_seat: 'community' }),
    409,
    () => ({ key: 'already_on_panel', field: 'person_id', name: expect.any(String) }),
  ],
  [
    'panel',
    officer,
    'add_panel_member',
    (x) => ({ p_round_id: x.roundId, p_person_id: x.person.stranger, p_seat: 'community', p_role: 'boss' }),
    400,
    () => ({ key: 'panel_role_not_valid', field: 'role' }),
  ],
  [
    'member',
    (x) => x.actors.community,
    'declare_interest',
    (x) => ({ p_application_id: x.apps[5], p_has_conflict: null }),
    400,
    () => ({ key: 'conflict_answer_needed', field: 'answer' }),
  ],
  [
    'member',
    (x) => x.actors.conflicted,
    'declare_interest',
    (x) => ({ p_application_id: x.apps[0], p_has_conflict: false }),
    409,
    () => ({ key: 'conflict_cannot_be_withdrawn', field: 'answer' }),
  ],
  [
    'member',
    (x) => x.actors.conflicted,
    'open_application_pack',
    (x) => ({ p_application_id: x.apps[0] }),
    403,
    () => ({ key: 'conflict_declared' }),
  ],
  [
    'member',
    (x) => x.actors.otherRound,
    'open_application_pack',
    (x) => ({ p_application_id: x.apps[0] }),
    404,
    () => ({ key: 'application_not_found' }),
  ],
  [
    'scoring',
    (x) => x.actors.community,
    'save_draft_scores',
    (x) => ({ p_application_id: x.apps[5], p_scores: score(x, 9) }),
    400,
    (x) => ({ key: 'score_out_of_range', field: `criterion:${x.criteria[0]!.id}`, maximum: x.criteria[0]!.maximum }),
  ],
  [
    'scoring',
    (x) => x.actors.clerk,
    'save_draft_scores',
    (x) => ({ p_application_id: x.apps[5], p_scores: score(x, 1) }),
    403,
    () => ({ key: 'clerk_does_not_score' }),
  ],
  [
    'scoring',
    (x) => x.actors.community,
    'submit_scores',
    (x) => ({ p_application_id: x.apps[3] }),
    409,
    () => ({ key: 'scores_already_submitted' }),
  ],
  [
    'scoring',
    (x) => x.actors.community,
    'request_score_reopen',
    (x) => ({ p_application_id: x.apps[5], p_reason: 'Why not.' }),
    409,
    () => ({ key: 'scores_not_submitted' }),
  ],
  [
    'scoring',
    (x) => x.actors.community,
    'grant_score_reopen',
    (x) => ({ p_member_id: x.member.councillor, p_application_id: x.apps[4] }),
    403,
    () => ({ key: 'may_not_reopen' }),
  ],
  [
    'results',
    (x) => x.actors.chair,
    'round_results',
    (x) => ({ p_round_id: x.roundId }),
    409,
    () => ({ key: 'results_hidden', stage: 'scoring' }),
  ],
  ['results', (x) => x.actors.community, 'round_progress', (x) => ({ p_round_id: x.roundId }), 403, () => ({ key: 'not_panel_lead' })],
  [
    'review',
    (x) => x.actors.chair,
    'record_recommendation',
    (x) => ({ p_application_id: x.apps[0], p_outcome: 'award', p_amount: 1, p_reasons: 'Good.', p_how_agreed: 'consensus' }),
    409,
    () => ({ key: 'recommending_not_now', stage: 'scoring' }),
  ],
  [
    'review',
    (x) => x.actors.community,
    'record_recommendation',
    (x) => ({ p_application_id: x.apps[0], p_outcome: 'award', p_reasons: 'Good.', p_how_agreed: 'consensus' }),
    403,
    () => ({ key: 'not_panel_lead' }),
  ],
  [
    'review',
    officer,
    'add_review_meeting',
    (x) => ({ p_round_id: x.roundId, p_title: 'Meeting 1', p_meeting_date: '2027-01-01' }),
    409,
    () => ({ key: 'review_meetings_not_now', stage: 'scoring' }),
  ],
  [
    'state',
    officer,
    'move_round',
    (x) => ({ p_round_id: x.roundId, p_to: 'finished' }),
    400,
    () => ({ key: 'stage_not_valid', field: 'to', stages: expect.arrayContaining(['draft', 'published']) }),
  ],
  [
    'state',
    officer,
    'move_round',
    (x) => ({ p_round_id: x.roundId, p_to: 'recommended' }),
    409,
    () => ({ key: 'not_next_stage', field: 'to', from: 'scoring', next: 'panel' }),
  ],
  [
    'state',
    officer,
    'move_round',
    (x) => ({ p_round_id: x.roundId, p_to: 'panel' }),
    409,
    () => ({ key: 'scores_outstanding', field: 'force_reason', outstanding: expect.any(Array) }),
  ],
  ['audit', (x) => x.actors.community, 'audit_trail', () => ({}), 403, () => ({ key: 'may_not_read_audit' })],
  [
    'audit',
    (x) => x.actors.scrutiny,
    'audit_trail',
    () => ({ p_limit: 0 }),
    400,
    () => ({ key: 'limit_out_of_range', field: 'limit', max: 500 }),
  ],
  [
    'audit',
    (x) => x.actors.anonymous,
    'grant_round_360giving',
    (x) => ({ p_round_id: x.roundId }),
    404,
    () => ({ key: 'published_round_not_found' }),
  ],
  [
    'checkpoints',
    () => serviceRole,
    'audit_chain_export',
    () => ({ p_limit: 0 }),
    400,
    () => ({ key: 'limit_out_of_range', field: 'limit', max: 5000 }),
  ],
];

describe('grants refusals carry their key, field and facts', () => {
  it.each(ROWS.map((row) => [`${row[0]}: ${row[2]} refused with ${row[4]}`, row] as const))(
    '%s',
    async (_title, [, who, fn, args, status, refusal]) => {
      const r = await refused(db, who(w), fn, args(w), status);
      expect(r.refusal, `${fn} as ${JSON.stringify(who(w).sub ?? who(w).role)}`).toEqual(refusal(w));
      expect(GRANTS[r.refusal.key!] ?? SHARED[r.refusal.key!], `words for ${r.refusal.key}`).toBeTruthy();
    },
  );

  it('covers every family of grants functions', () => {
    expect(new Set(ROWS.map((r) => r[0]))).toEqual(
      new Set(['access', 'setup', 'applications', 'panel', 'member', 'scoring', 'results', 'review', 'state', 'audit', 'checkpoints']),
    );
  });

  it('the same calls, put right, are permitted', async () => {
    await ok(db, w.actors.officer, 'add_criterion', {
      p_round_id: draftRoundId,
      p_title: 'Need',
      p_weight: 1,
      p_maximum: 2,
      p_descriptors: ['None', 'Some', 'Strong'],
    });
    await ok(db, w.actors.officer, 'add_application', {
      p_round_id: draftRoundId,
      p_application: application(7, { charity_number: '1234567' }),
    });
    await ok(db, w.actors.community, 'save_draft_scores', { p_application_id: w.apps[5], p_scores: score(w, 1) });
    await ok(db, w.actors.community, 'declare_interest', { p_application_id: w.apps[5], p_has_conflict: false });
    await ok(db, w.actors.scrutiny, 'audit_trail', { p_limit: 1 });
    await ok(db, serviceRole, 'audit_chain_export', { p_limit: 1 });
  });
});
