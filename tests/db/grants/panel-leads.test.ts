// The chair and the clerk are panel members too: the confidentiality agreement and their own
// conflicts of interest bind them when they grant a reopen, record a recommendation, export the
// report or read the recommendations. Officers act for the panel and are not held back. The
// audit trail records the capacity each acted in. Each refusal has its permission beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';
import { chainHead, eventsSince, ok, refused, seeded } from './support.ts';
import { buildWorld, fullScores, type World } from './world.ts';

let db: Database;
let w: World;
const officer = seeded('officer');
// The chair declares a conflict with apps[2], the clerk with apps[5].
const CHAIR_CONFLICT = 2;
const CLERK_CONFLICT = 5;

beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db, 'scoring');
  await ok(db, w.actors.chair, 'declare_interest', {
    p_application_id: w.apps[CHAIR_CONFLICT],
    p_has_conflict: true,
    p_reason: 'My sister chairs the group.',
  });
  await ok(db, w.actors.clerk, 'declare_interest', {
    p_application_id: w.apps[CLERK_CONFLICT],
    p_has_conflict: true,
    p_reason: 'I was its treasurer until May.',
  });
});
afterAll(() => db.close());

const withdrawAcceptance = (member: string) => db.query('delete from private.confidentiality_acceptances where member_id = $1', [member]);
const withdrawDeclaration = (member: string, app: string) =>
  db.query('delete from private.conflict_declarations where member_id = $1 and application_id = $2', [member, app]);

describe('granting a reopen', () => {
  const request = async (app: number) => {
    await ok(db, w.actors.community, 'submit_scores', { p_application_id: w.apps[app], p_scores: fullScores(w, app) });
    await ok(db, w.actors.community, 'request_score_reopen', { p_application_id: w.apps[app], p_reason: 'I read the wrong budget.' });
  };
  const grant = (actor = w.actors.chair, app = CHAIR_CONFLICT) => ({
    actor,
    args: { p_member_id: w.member.community, p_application_id: w.apps[app] },
  });

  beforeAll(async () => {
    await request(CHAIR_CONFLICT);
    await request(1);
  });

  it('a chair with a conflict cannot grant it; an officer can', async () => {
    const r = await refused(db, w.actors.chair, 'grant_score_reopen', grant().args, 403, 'PT403');
    expect(r.refusal.key).toBe('conflict_declared');
    expect(await ok(db, officer, 'grant_score_reopen', grant().args)).toMatchObject({ reopen_count: 1 });
  });

  it('a chair who has not accepted the agreement cannot grant one, until they accept it', async () => {
    await withdrawAcceptance(w.member.chair);
    const r = await refused(db, w.actors.chair, 'grant_score_reopen', grant(w.actors.chair, 1).args, 403, 'PT403');
    expect(r.refusal.key).toBe('agreement_not_accepted');
    await ok(db, w.actors.chair, 'accept_confidentiality', { p_round_id: w.roundId });
    // Not yet: the chair has not said whether they have a conflict with it.
    await withdrawDeclaration(w.member.chair, w.apps[1]!);
    const undeclared = await refused(db, w.actors.chair, 'grant_score_reopen', grant(w.actors.chair, 1).args, 403, 'PT403');
    expect(undeclared.refusal.key).toBe('conflict_not_declared');
    await ok(db, w.actors.chair, 'declare_interest', { p_application_id: w.apps[1], p_has_conflict: false });
    const before = await chainHead(db);
    expect(await ok(db, w.actors.chair, 'grant_score_reopen', grant(w.actors.chair, 1).args)).toMatchObject({ reopen_count: 1 });
    expect((await eventsSince(db, before)).map((e) => [e.table_name, e.actor_role])).toEqual([['score_submissions', 'chair']]);
  });
});

describe('recording a recommendation on the panel day', () => {
  const recommend = (app: number, reasons = 'A clear need, well met.') => ({
    p_application_id: w.apps[app],
    p_outcome: 'not_award',
    p_reasons: reasons,
    p_how_agreed: 'consensus',
  });

  beforeAll(async () => {
    await ok(db, officer, 'move_round', { p_round_id: w.roundId, p_to: 'panel', p_force_reason: 'Panel day.' });
  });

  it('a conflicted chair or clerk is refused in plain words, and nothing is written', async () => {
    const chair = await refused(db, w.actors.chair, 'record_recommendation', recommend(CHAIR_CONFLICT), 403, 'PT403');
    expect(chair.refusal.key).toBe('conflict_declared');
    expect(chair.hint).toBe('The other panel lead or the grants officer can do it instead.');
    const clerk = await refused(db, w.actors.clerk, 'record_recommendation', recommend(CLERK_CONFLICT), 403, 'PT403');
    expect(clerk.refusal.key).toBe('conflict_declared');
  });

  it('each may record one for an application they are not conflicted with, and the other may record the one they cannot', async () => {
    await ok(db, w.actors.clerk, 'record_recommendation', recommend(CHAIR_CONFLICT));
    await ok(db, w.actors.chair, 'record_recommendation', recommend(CLERK_CONFLICT));
  });

  it("an officer may record one on the panel's behalf for any application", async () => {
    await ok(db, officer, 'record_recommendation', recommend(CHAIR_CONFLICT, 'Recorded by the officer.'));
  });

  it('the audit trail records the real role: chair, clerk or officer', async () => {
    for (const [who, app, role] of [
      ['chair', 0, 'chair'],
      ['clerk', 1, 'clerk'],
      ['officer', 3, 'officer'],
    ] as const) {
      const before = await chainHead(db);
      await ok(db, who === 'officer' ? officer : w.actors[who], 'record_recommendation', recommend(app));
      const events = await eventsSince(db, before);
      expect(events.map((e) => [e.action, e.table_name, e.actor_role])).toEqual([['insert', 'recommendations', role]]);
      expect(events[0]!.actor).toBe(who === 'officer' ? officer.sub : w.person[who]);
    }
  });

  it('a chair who has not accepted the agreement is refused until they accept it', async () => {
    await withdrawAcceptance(w.member.chair);
    const r = await refused(db, w.actors.chair, 'record_recommendation', recommend(4), 403, 'PT403');
    expect(r.refusal.key).toBe('agreement_not_accepted');
    await ok(db, w.actors.chair, 'accept_confidentiality', { p_round_id: w.roundId });
    await ok(db, w.actors.chair, 'record_recommendation', recommend(4));
  });

  it('a clerk who has not said whether they have a conflict is refused until they declare', async () => {
    await withdrawDeclaration(w.member.clerk, w.apps[4]!);
    const r = await refused(db, w.actors.clerk, 'record_recommendation', recommend(4), 403, 'PT403');
    expect(r.refusal.key).toBe('conflict_not_declared');
    await ok(db, w.actors.clerk, 'declare_interest', { p_application_id: w.apps[4], p_has_conflict: false });
    await ok(db, w.actors.clerk, 'record_recommendation', recommend(4));
  });
});

describe('what a conflicted chair or clerk reads', () => {
  const hidden = (app: number) => ({
    application_id: w.apps[app],
    reference: `${w.tag}-00${app + 1}`,
    organisation_name: `Test Group ${app + 1}`,
    project_title: `Project ${app + 1}`,
    conflict_declared: true,
  });
  const byApp = (list: { application_id: string }[], app: number) => list.find((x) => x.application_id === w.apps[app]);

  it('the export hides the results and recommendation of their own conflict, and lists every conflict by name', async () => {
    for (const [kind, mine, theirs] of [
      ['chair', CHAIR_CONFLICT, CLERK_CONFLICT],
      ['clerk', CLERK_CONFLICT, CHAIR_CONFLICT],
    ] as const) {
      const report = await ok(db, w.actors[kind], 'export_round_report', { p_round_id: w.roundId });
      expect(byApp(report.results, mine), kind).toEqual(hidden(mine));
      expect(byApp(report.recommendations, mine), kind).toEqual(hidden(mine));
      // The other lead's conflict is not theirs: they see it in full, per member included.
      expect(byApp(report.results, theirs)).toHaveProperty('per_member');
      expect(byApp(report.recommendations, theirs)).toHaveProperty('reasons');
      expect(report.results).toHaveLength(6);
      const names = report.conflicts.map((c: { application_id: string; member_id: string; reason: string }) => [
        c.application_id,
        c.member_id,
        c.reason,
      ]);
      expect(names).toEqual(
        expect.arrayContaining([
          [w.apps[CHAIR_CONFLICT], w.member.chair, 'My sister chairs the group.'],
          [w.apps[CLERK_CONFLICT], w.member.clerk, 'I was its treasurer until May.'],
        ]),
      );
    }
  });

  it('the export hides the same applications round_results hides', async () => {
    for (const kind of ['chair', 'clerk'] as const) {
      const report = await ok(db, w.actors[kind], 'export_round_report', { p_round_id: w.roundId });
      const results = await ok(db, w.actors[kind], 'round_results', { p_round_id: w.roundId });
      const hiddenIn = (list: { application_id: string; conflict_declared?: boolean }[]) =>
        list.filter((x) => x.conflict_declared).map((x) => x.application_id);
      expect(hiddenIn(report.results)).toEqual(hiddenIn(results.applications));
    }
  });

  it("an officer's export shows everything", async () => {
    const report = await ok(db, officer, 'export_round_report', { p_round_id: w.roundId });
    for (const app of [CHAIR_CONFLICT, CLERK_CONFLICT]) {
      expect(byApp(report.results, app)).toHaveProperty('per_member');
      expect(byApp(report.recommendations, app)).toHaveProperty('reasons');
    }
  });

  it("the recommendations they read hide their own conflict; others' are shown", async () => {
    const chair = await ok(db, w.actors.chair, 'review_recommendations', { p_round_id: w.roundId });
    expect(byApp(chair.recommendations, CHAIR_CONFLICT)).toEqual(hidden(CHAIR_CONFLICT));
    expect(byApp(chair.recommendations, CLERK_CONFLICT)).toMatchObject({ outcome: 'not_award' });
    const clerk = await ok(db, w.actors.clerk, 'review_recommendations', { p_round_id: w.roundId });
    expect(byApp(clerk.recommendations, CLERK_CONFLICT)).toEqual(hidden(CLERK_CONFLICT));
    expect(byApp(clerk.recommendations, CHAIR_CONFLICT)).toMatchObject({ outcome: 'not_award', reasons: 'Recorded by the officer.' });
    const all = await ok(db, officer, 'review_recommendations', { p_round_id: w.roundId });
    for (const app of [CHAIR_CONFLICT, CLERK_CONFLICT]) expect(byApp(all.recommendations, app)).toHaveProperty('reasons');
  });

  it('a panel member who also reviews the round still sees nothing of their conflict', async () => {
    await ok(db, officer, 'record_recommendation', {
      p_application_id: w.apps[5],
      p_outcome: 'not_award',
      p_reasons: 'Not this time.',
      p_how_agreed: 'consensus',
    });
    await ok(db, officer, 'move_round', { p_round_id: w.roundId, p_to: 'recommended' });
    await ok(db, officer, 'add_reviewer', { p_round_id: w.roundId, p_person_id: w.person.chair });
    const read = await ok(db, w.actors.chair, 'review_recommendations', { p_round_id: w.roundId });
    expect(byApp(read.recommendations, CHAIR_CONFLICT)).toEqual(hidden(CHAIR_CONFLICT));
    expect(byApp(read.recommendations, 0)).toHaveProperty('reasons');
    const reviewer = await ok(db, w.actors.reviewer, 'review_recommendations', { p_round_id: w.roundId });
    expect(byApp(reviewer.recommendations, CHAIR_CONFLICT)).toHaveProperty('reasons');
  });

  it('nor comments on it as a reviewer, though they may comment on the others', async () => {
    const r = await refused(
      db,
      w.actors.chair,
      'add_review_comment',
      { p_application_id: w.apps[CHAIR_CONFLICT], p_comment: 'I support it.' },
      403,
      'PT403',
    );
    expect(r.refusal).toEqual({ key: 'conflict_declared', field: 'comment' });
    await ok(db, w.actors.chair, 'add_review_comment', { p_application_id: w.apps[0], p_comment: 'I support it.' });
    await ok(db, w.actors.reviewer, 'add_review_comment', { p_application_id: w.apps[CHAIR_CONFLICT], p_comment: 'I support it.' });
  });
});
