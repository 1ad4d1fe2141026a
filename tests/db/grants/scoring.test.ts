// Scoring rules: whole numbers within range, independent scoring, submitted scores fixed unless
// reopened (with a reason, granted by the chair or an officer), nothing scored outside `scoring`.
// Each refusal also has its permission beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../src/lib/api/audit.ts';
import type { Database } from '../../../supabase/local/database.ts';
import { callAs, openTestDatabase, signedIn } from '../../support/db.ts';
import { eventsSince, chainHead, ok, refused, seeded } from './support.ts';
import { application, buildWorld, fullScores, type World } from './world.ts';

let db: Database;
let w: World;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db, 'scoring');
});
afterAll(() => db.close());

const officer = seeded('officer');
const score = (criterion: number, value: unknown) => [{ criterion_id: w.criteria[criterion]!.id, score: value }];

/** The audit trail's events for this round's scores (or submissions), as an officer or scrutiny reads them. */
async function scoreEvents(who: ReturnType<typeof seeded>, table: string) {
  const trail = await ok<AuditPage>(db, who, 'audit_trail', { p_table: table, p_limit: 500 });
  return trail.events.filter((e) => (e.new_values ?? e.old_values)?.round_id === w.roundId);
}

const NOT_NOW = 'scoring_not_now';

/** Every way of giving scores is refused, through the api and past it, with the same 409. */
async function expectNoScoring(actor: ReturnType<typeof seeded>, memberId: string, roundId: string, app: string, criterion: string) {
  const scores = [{ criterion_id: criterion, score: 1 }];
  expect((await refused(db, actor, 'save_draft_scores', { p_application_id: app, p_scores: scores }, 409, 'PT409')).refusal.key).toBe(
    NOT_NOW,
  );
  expect((await refused(db, actor, 'submit_scores', { p_application_id: app, p_scores: scores }, 409, 'PT409')).refusal.key).toBe(NOT_NOW);
  expect(
    await ownerWrite('insert into private.scores (application_id, member_id, criterion_id, round_id, score) values ($1, $2, $3, $4, 1)', [
      app,
      memberId,
      criterion,
      roundId,
    ]),
  ).toBe('PT409');
  expect(
    await ownerWrite(
      'insert into private.score_submissions (application_id, member_id, round_id, submitted_at) values ($1, $2, $3, now())',
      [app, memberId, roundId],
    ),
  ).toBe('PT409');
}

/** A direct write as the table owner, past every api function: the table's own guard must refuse it. */
async function ownerWrite(sql: string, params: unknown[]): Promise<string | undefined> {
  try {
    await db.query(sql, params);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe("a score is a whole number within the criterion's range", () => {
  it.each([
    ['above the maximum', 5],
    ['below zero', -1],
    ['a fraction', 2.5],
    ['text', '3'],
    ['missing', null],
  ])('refuses a score %s, naming the criterion, and saves nothing', async (_label, value) => {
    const r = await refused(
      db,
      w.actors.community,
      'save_draft_scores',
      { p_application_id: w.apps[5], p_scores: score(0, value) },
      400,
      'P0001',
    );
    expect(r.refusal).toEqual({ key: 'score_out_of_range', field: `criterion:${w.criteria[0]!.id}`, maximum: 4 });
  });

  it('refuses a criterion from another round, and an empty list', async () => {
    const [other] = await db.query<{ id: string }>('select id from private.criteria where round_id = $1', [w.otherRoundId]);
    await refused(
      db,
      w.actors.community,
      'save_draft_scores',
      { p_application_id: w.apps[5], p_scores: [{ criterion_id: other!.id, score: 1 }] },
      400,
      'P0001',
    );
    await refused(db, w.actors.community, 'save_draft_scores', { p_application_id: w.apps[5], p_scores: [] }, 400, 'P0001');
  });

  it('accepts 0 and the maximum', async () => {
    const saved = await ok(db, w.actors.community, 'save_draft_scores', {
      p_application_id: w.apps[5],
      p_scores: [...score(0, 0), ...score(2, 5)],
    });
    expect(saved).toMatchObject({ saved: 2, criteria_scored: 2 });
  });

  it('the scores table itself refuses an out-of-range score written past the api', async () => {
    const code = await ownerWrite('update private.scores set score = 9 where member_id = $1 and application_id = $2', [
      w.member.community,
      w.apps[5],
    ]);
    expect(code).toBe('P0001');
  });

  it('refuses submitting before every criterion is scored, naming what is missing', async () => {
    const r = await refused(db, w.actors.community, 'submit_scores', { p_application_id: w.apps[5] }, 400, 'P0001');
    expect(r.hint).toBe('Still to score: "Criterion 2".');
    expect(r.refusal).toEqual({ key: 'scores_incomplete', still_to_score: [w.criteria[1]!.id] });
  });
});

describe('independent scoring', () => {
  it('a member sees only their own scores while the round is being scored', async () => {
    await ok(db, w.actors.councillor, 'save_draft_scores', { p_application_id: w.apps[5], p_scores: fullScores(w, 3) });
    const pack = await ok(db, w.actors.community, 'open_application_pack', { p_application_id: w.apps[5] });
    expect(pack.my_scores.map((s: { score: number }) => s.score).sort()).toEqual([0, 5]);
    const councillorPack = await ok(db, w.actors.councillor, 'open_application_pack', { p_application_id: w.apps[5] });
    expect(councillorPack.my_scores).toHaveLength(3);
  });

  it('nobody, officers included, sees the results until scoring closes', async () => {
    for (const kind of ['community', 'chair', 'clerk', 'officer'] as const) {
      const r = await refused(db, w.actors[kind], 'round_results', { p_round_id: w.roundId }, 409, 'PT409');
      expect(r.refusal).toEqual({ key: 'results_hidden', stage: 'scoring' });
    }
  });

  // The audit trail shows who scored what and when, never the values, while the round is being
  // scored, for officers and scrutiny too (api.audit_trail): the values appear once
  // scoring closes (see 'nothing is scored outside the scoring stage' below).
  it('nor can officers or scrutiny read the values from the audit trail until scoring closes', async () => {
    for (const who of [officer, seeded('scrutiny')]) {
      for (const table of ['scores', 'score_submissions']) {
        const events = await scoreEvents(who, table);
        expect(events.length, table).toBeGreaterThan(3);
        for (const e of events) {
          for (const values of [e.new_values, e.old_values].filter(Boolean)) {
            expect(values).toMatchObject({ redacted: 'until scoring closes', member_id: expect.any(String) });
            expect(values).not.toHaveProperty('score');
            expect(values).not.toHaveProperty('comment');
            expect(values).not.toHaveProperty('weighted_total');
          }
        }
      }
    }
  });

  it('the chair sees who has scored what, but no values', async () => {
    const progress = await ok(db, w.actors.chair, 'round_progress', { p_round_id: w.roundId });
    const councillor = progress.members.find((m: { member_id: string }) => m.member_id === w.member.councillor);
    expect(councillor).toMatchObject({ drafts: 1, submitted: 2 });
    expect(JSON.stringify(progress)).not.toMatch(/"score"|"total"|"mean"/);
  });
});

describe('submitted scores change only through a reopen', () => {
  it('refuses changes to submitted scores, by the api and past it', async () => {
    await ok(db, w.actors.community, 'submit_scores', { p_application_id: w.apps[5], p_scores: fullScores(w, 1) });
    await refused(db, w.actors.community, 'save_draft_scores', { p_application_id: w.apps[5], p_scores: score(0, 1) }, 409, 'PT409');
    await refused(db, w.actors.community, 'submit_scores', { p_application_id: w.apps[5], p_scores: fullScores(w, 2) }, 409, 'PT409');
    expect(
      await ownerWrite('update private.scores set score = 0 where member_id = $1 and application_id = $2', [w.member.community, w.apps[5]]),
    ).toBe('PT409');
  });

  it('asking to reopen needs a reason, and can be asked only once at a time', async () => {
    await refused(db, w.actors.community, 'request_score_reopen', { p_application_id: w.apps[5], p_reason: '  ' }, 400, 'P0001');
    await ok(db, w.actors.community, 'request_score_reopen', {
      p_application_id: w.apps[5],
      p_reason: 'I gave the wrong score for the budget.',
    });
    await refused(db, w.actors.community, 'request_score_reopen', { p_application_id: w.apps[5], p_reason: 'Again.' }, 409, 'PT409');
    // Still submitted until someone grants it.
    await refused(db, w.actors.community, 'save_draft_scores', { p_application_id: w.apps[5], p_scores: score(0, 1) }, 409, 'PT409');
  });

  it('the chair grants it, with the reason in the audit trail; then the member can change and resubmit', async () => {
    const before = await chainHead(db);
    const granted = await ok(db, w.actors.chair, 'grant_score_reopen', {
      p_member_id: w.member.community,
      p_application_id: w.apps[5],
      p_note: 'Agreed.',
    });
    expect(granted.reopen_count).toBe(1);
    const [event] = await eventsSince(db, before);
    expect(event).toMatchObject({
      action: 'update',
      table_name: 'score_submissions',
      actor: w.person.chair,
      actor_role: 'chair',
      details: { request_reason: 'I gave the wrong score for the budget.', note: 'Agreed.' },
    });
    expect(event!.new_values?.submitted_at).toBeNull();
    await ok(db, w.actors.community, 'save_draft_scores', { p_application_id: w.apps[5], p_scores: score(0, 4) });
    await ok(db, w.actors.community, 'submit_scores', { p_application_id: w.apps[5] });
    const pack = await ok(db, w.actors.community, 'open_application_pack', { p_application_id: w.apps[5] });
    expect(pack.my_submission).toMatchObject({ reopen_count: 1, submitted_at: expect.any(String) });
  });

  it('there must be a request to grant', async () => {
    await refused(db, w.actors.chair, 'grant_score_reopen', { p_member_id: w.member.community, p_application_id: w.apps[5] }, 409, 'PT409');
  });

  it('the chair cannot reopen their own scores; an officer can', async () => {
    await ok(db, w.actors.chair, 'submit_scores', { p_application_id: w.apps[5], p_scores: fullScores(w, 2) });
    await ok(db, w.actors.chair, 'request_score_reopen', { p_application_id: w.apps[5], p_reason: 'I missed a page.' });
    await refused(db, w.actors.chair, 'grant_score_reopen', { p_member_id: w.member.chair, p_application_id: w.apps[5] }, 403, 'PT403');
    expect(await ok(db, officer, 'grant_score_reopen', { p_member_id: w.member.chair, p_application_id: w.apps[5] })).toMatchObject({
      reopen_count: 1,
    });
  });
});

describe('nothing is scored outside the scoring stage', () => {
  beforeAll(async () => {
    await ok(db, w.actors.councillor, 'request_score_reopen', { p_application_id: w.apps[3], p_reason: 'A late thought.' });
    await ok(db, officer, 'move_round', { p_round_id: w.roundId, p_to: 'panel', p_force_reason: 'Panel day has come.' });
  });

  it('refuses drafts, submissions, reopen requests and grants once the panel meets', async () => {
    await refused(db, w.actors.chair, 'save_draft_scores', { p_application_id: w.apps[5], p_scores: score(0, 1) }, 409, 'PT409');
    await refused(db, w.actors.community, 'submit_scores', { p_application_id: w.apps[1], p_scores: fullScores(w) }, 409, 'PT409');
    await refused(db, w.actors.community, 'request_score_reopen', { p_application_id: w.apps[5], p_reason: 'Too late?' }, 409, 'PT409');
    await refused(db, officer, 'grant_score_reopen', { p_member_id: w.member.councillor, p_application_id: w.apps[3] }, 409, 'PT409');
  });

  it('the table refuses a score written past the api, too', async () => {
    const code = await ownerWrite(
      `insert into private.scores (application_id, member_id, criterion_id, round_id, score) values ($1, $2, $3, $4, 1)`,
      [w.apps[1], w.member.councillor, w.criteria[0]!.id, w.roundId],
    );
    expect(code).toBe('PT409');
  });

  it('once scoring has closed the audit trail shows the values', async () => {
    const events = await scoreEvents(officer, 'scores');
    expect(events.length).toBeGreaterThan(3);
    for (const e of events) {
      expect(e.new_values ?? e.old_values).toHaveProperty('score');
      expect(e.new_values ?? e.old_values).not.toHaveProperty('redacted');
    }
  });

  it('refuses scores at the panel, past the api too', async () => {
    await expectNoScoring(w.actors.community, w.member.community, w.roundId, w.apps[2]!, w.criteria[0]!.id);
  });

  it('votes are cast only now, on the panel day', async () => {
    expect(await callAs(db, w.actors.community, 'cast_panel_vote', { p_application_id: w.apps[5], p_vote: 'award' })).toMatchObject({
      ok: true,
    });
    await refused(db, w.actors.community, 'cast_panel_vote', { p_application_id: w.apps[5], p_vote: 'maybe' }, 400, 'P0001');
  });

  it('refuses scores once the panel has recommended, after Cabinet has decided, and once published', async () => {
    for (const app of w.apps) {
      await ok(db, officer, 'record_recommendation', {
        p_application_id: app,
        p_outcome: 'not_award',
        p_reasons: 'Not this time.',
        p_how_agreed: 'consensus',
      });
    }
    await ok(db, officer, 'move_round', { p_round_id: w.roundId, p_to: 'recommended' });
    await expectNoScoring(w.actors.councillor, w.member.councillor, w.roundId, w.apps[2]!, w.criteria[1]!.id);
    for (const app of w.apps) {
      await ok(db, officer, 'record_cabinet_decision', {
        p_application_id: app,
        p_decision: 'not_award',
        p_decided_on: '2027-02-01',
        p_minute_reference: 'M1',
      });
    }
    for (const to of ['decided', 'published']) {
      await ok(db, officer, 'move_round', { p_round_id: w.roundId, p_to: to });
      await expectNoScoring(w.actors.community, w.member.community, w.roundId, w.apps[2]!, w.criteria[0]!.id);
    }
  });
});

describe('nothing is scored before the scoring stage', () => {
  let roundId: string;
  let app: string;
  let criterion: string;
  let memberId: string;
  const member = () => signedIn(w.person.stranger!);

  beforeAll(async () => {
    roundId = (await ok(db, officer, 'create_round', { p_fund_id: w.fundId, p_title: 'Early round', p_reference_prefix: `${w.tag}E` })).id;
    criterion = (
      await ok(db, officer, 'add_criterion', {
        p_round_id: roundId,
        p_title: 'Need',
        p_weight: 1,
        p_maximum: 2,
        p_descriptors: ['None', 'Some', 'Strong'],
      })
    ).id;
    app = (await ok(db, officer, 'add_application', { p_round_id: roundId, p_application: application(1) })).id;
    await ok(db, officer, 'write_application_summary', { p_application_id: app, p_summary: 'In short.' });
    memberId = (await ok(db, officer, 'add_panel_member', { p_round_id: roundId, p_person_id: w.person.stranger, p_seat: 'community' })).id;
    // The member has done everything they can before scoring opens.
    await ok(db, member(), 'accept_confidentiality', { p_round_id: roundId });
  });

  it.each(['draft', 'open', 'closed'])('refuses drafts and submissions while the round is %s, past the api too', async (state) => {
    if (state !== 'draft') await ok(db, officer, 'move_round', { p_round_id: roundId, p_to: state });
    await expectNoScoring(member(), memberId, roundId, app, criterion);
  });

  it('accepts them once scoring opens', async () => {
    await ok(db, officer, 'move_round', { p_round_id: roundId, p_to: 'scoring', p_force_reason: 'A test panel of one.' });
    await ok(db, member(), 'declare_interest', { p_application_id: app, p_has_conflict: false });
    expect(
      await ok(db, member(), 'save_draft_scores', { p_application_id: app, p_scores: [{ criterion_id: criterion, score: 1 }] }),
    ).toMatchObject({ saved: 1 });
    expect(
      await ok(db, member(), 'submit_scores', { p_application_id: app, p_scores: [{ criterion_id: criterion, score: 2 }] }),
    ).toHaveProperty('submitted_at');
  });
});
