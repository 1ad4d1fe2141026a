// A round moves draft → open → closed → scoring → panel → recommended → decided → published,
// one step at a time, by an officer, and only when it is ready; each move is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';
import { chainHead, eventsSince, ok, refused, seeded } from './support.ts';
import { application, buildWorld, fullScores, type World } from './world.ts';

let db: Database;
let w: World;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db, 'scoring');
});
afterAll(() => db.close());

const officer = seeded('officer');
const move = (roundId: string, to: string, extra: Record<string, unknown> = {}) => ({ p_round_id: roundId, p_to: to, ...extra });

describe('from draft to scoring', () => {
  let roundId: string;
  beforeAll(async () => {
    roundId = (await ok(db, officer, 'create_round', { p_fund_id: w.fundId, p_title: 'Fresh round', p_reference_prefix: `${w.tag}F` })).id;
  });

  it('refuses skipping a stage, going back, and a stage that does not exist', async () => {
    expect((await refused(db, officer, 'move_round', move(roundId, 'closed'), 409, 'PT409')).refusal).toEqual({
      key: 'not_next_stage',
      field: 'to',
      from: 'draft',
      next: 'open',
    });
    await refused(db, officer, 'move_round', move(w.roundId, 'closed'), 409, 'PT409');
    await refused(db, officer, 'move_round', move(roundId, 'finished'), 400, 'P0001');
  });

  it('refuses opening without criteria', async () => {
    await refused(db, officer, 'move_round', move(roundId, 'open'), 409, 'PT409');
    await ok(db, officer, 'add_criterion', {
      p_round_id: roundId,
      p_title: 'Need',
      p_weight: 1,
      p_maximum: 2,
      p_descriptors: ['None', 'Some', 'Strong'],
    });
    await ok(db, officer, 'move_round', move(roundId, 'open'));
    await ok(db, officer, 'move_round', move(roundId, 'closed'));
  });

  it('refuses scoring without applications, summaries or a panel, saying which are missing', async () => {
    await refused(db, officer, 'move_round', move(roundId, 'scoring'), 409, 'PT409');
    const app = await ok(db, officer, 'add_application', { p_round_id: roundId, p_application: application(1) });
    const r = await refused(db, officer, 'move_round', move(roundId, 'scoring'), 409, 'PT409');
    expect(r.refusal).toEqual({ key: 'summaries_needed', missing: [`${w.tag}F-001`] });
    expect(r.hint).toBe(`Still without a summary: ${w.tag}F-001.`);
    await ok(db, officer, 'write_application_summary', { p_application_id: app.id, p_summary: 'Short.' });
    expect((await refused(db, officer, 'move_round', move(roundId, 'scoring'), 409, 'PT409')).refusal.key).toBe('scorers_needed');
    await ok(db, officer, 'add_panel_member', { p_round_id: roundId, p_person_id: w.person.stranger, p_seat: 'community' });
    // One member is not a fair panel (fair-panel.test.ts): the officer starts anyway, with a reason.
    expect((await refused(db, officer, 'move_round', move(roundId, 'scoring'), 409, 'PT409')).refusal.key).toBe('panel_not_fair');
    expect(await ok(db, officer, 'move_round', move(roundId, 'scoring', { p_force_reason: 'A test round.' }))).toMatchObject({
      from: 'closed',
      to: 'scoring',
      forced: true,
    });
  });

  it('a force reason is only for the moves to scoring and to the panel', async () => {
    const draft = await ok(db, officer, 'create_round', { p_fund_id: w.fundId, p_title: 'Another', p_reference_prefix: `${w.tag}G` });
    await ok(db, officer, 'add_criterion', {
      p_round_id: draft.id,
      p_title: 'Need',
      p_weight: 1,
      p_maximum: 1,
      p_descriptors: ['No', 'Yes'],
    });
    const r = await refused(db, officer, 'move_round', { ...move(draft.id, 'open'), p_force_reason: 'Because.' }, 400, 'P0001');
    expect(r.refusal).toEqual({ key: 'force_not_allowed', field: 'force_reason' });
  });

  it('fixes criteria, applications and summaries once scoring starts', async () => {
    await refused(
      db,
      officer,
      'add_criterion',
      { p_round_id: w.roundId, p_title: 'Late', p_weight: 1, p_maximum: 1, p_descriptors: ['No', 'Yes'] },
      409,
      'PT409',
    );
    await refused(db, officer, 'update_criterion', { p_criterion_id: w.criteria[0]!.id, p_weight: 99 }, 409, 'PT409');
    await refused(db, officer, 'add_application', { p_round_id: w.roundId, p_application: application(8) }, 409, 'PT409');
    await refused(db, officer, 'write_application_summary', { p_application_id: w.apps[0], p_summary: 'Changed.' }, 409, 'PT409');
    await refused(db, officer, 'update_round', { p_round_id: w.roundId, p_agreement_text: 'New words.' }, 409, 'PT409');
    expect(await ok(db, officer, 'update_round', { p_round_id: w.roundId, p_panel_date: '2027-01-20' })).toMatchObject({
      panel_date: '2027-01-20',
    });
  });
});

describe('to the panel', () => {
  it('refuses while members have unsubmitted scores, naming them', async () => {
    const r = await refused(db, officer, 'move_round', move(w.roundId, 'panel'), 409, 'PT409');
    expect(r.message).toMatch(/^\d+ members have not submitted all their scores \(\d+ still to come\)/);
    expect(r.hint).toMatch(/send a reason/);
    expect(r.refusal).toMatchObject({ key: 'scores_outstanding', field: 'force_reason' });
    expect((r.refusal.outstanding as { display_name: string }[]).map((o) => o.display_name)).toContainEqual(
      expect.stringMatching(/community-/),
    );
  });

  it('refuses a blank reason', async () => {
    await refused(db, officer, 'move_round', { ...move(w.roundId, 'panel'), p_force_reason: '   ' }, 409, 'PT409');
  });

  it('moves when everyone has submitted, without a reason', async () => {
    // A second world, scored in full by everyone who can score.
    const full = await buildWorld(db, 'scoring');
    await ok(db, officer, 'remove_panel_member', { p_member_id: full.member.spare, p_reason: 'Did not take up the seat.' });
    // buildWorld already had apps[3] submitted by three scorers and apps[4] by two.
    const done = (kind: string, i: number) => (i === 3 && kind !== 'conflicted') || (i === 4 && ['community', 'councillor'].includes(kind));
    for (const kind of ['community', 'councillor', 'chair', 'conflicted'] as const) {
      for (const [i, app] of full.apps.entries()) {
        if ((kind === 'conflicted' && i <= 4) || done(kind, i)) continue;
        await ok(db, full.actors[kind], 'submit_scores', { p_application_id: app, p_scores: fullScores(full, i) });
      }
    }
    expect(await ok(db, officer, 'move_round', move(full.roundId, 'panel'))).toMatchObject({ forced: false, outstanding: [] });
  });

  it('moves when forced with a reason, which goes into the audit trail with what was outstanding', async () => {
    const before = await chainHead(db);
    const moved = await ok(db, officer, 'move_round', {
      ...move(w.roundId, 'panel'),
      p_force_reason: 'Two members are ill; the panel agreed to go ahead.',
    });
    expect(moved).toMatchObject({ from: 'scoring', to: 'panel', forced: true });
    const events = await eventsSince(db, before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'update',
      table_name: 'rounds',
      row_id: w.roundId,
      actor: officer.sub,
      actor_role: 'officer',
      details: { from: 'scoring', to: 'panel', forced: true, reason: 'Two members are ill; the panel agreed to go ahead.' },
    });
    expect((events[0]!.details as { outstanding: unknown[] }).outstanding.length).toBeGreaterThan(0);
    expect(events[0]!.old_values?.state).toBe('scoring');
    expect(events[0]!.new_values?.state).toBe('panel');
  });
});

describe('after the panel', () => {
  it('refuses "recommended" until every application has a recommendation', async () => {
    const r = await refused(db, officer, 'move_round', move(w.roundId, 'recommended'), 409, 'PT409');
    expect(r.refusal).toMatchObject({ key: 'recommendations_needed', missing: expect.arrayContaining([`${w.tag}-001`]) });
    expect(r.hint).toMatch(new RegExp(`^Still without a recommendation: ${w.tag}-001, `));
    for (const app of w.apps) {
      await ok(db, officer, 'record_recommendation', {
        p_application_id: app,
        p_outcome: 'not_award',
        p_reasons: 'Not this time.',
        p_how_agreed: 'consensus',
      });
    }
    await ok(db, officer, 'move_round', move(w.roundId, 'recommended'));
  });

  it('fixes recommendations and votes once recommended', async () => {
    await refused(
      db,
      officer,
      'record_recommendation',
      { p_application_id: w.apps[0], p_outcome: 'award', p_amount: 1, p_reasons: 'x', p_how_agreed: 'consensus' },
      409,
      'PT409',
    );
    await refused(db, w.actors.community, 'cast_panel_vote', { p_application_id: w.apps[5], p_vote: 'award' }, 409, 'PT409');
  });

  it('checks the amounts: no more than asked for, none for "not award"', async () => {
    await refused(
      db,
      officer,
      'record_cabinet_decision',
      { p_application_id: w.apps[0], p_decision: 'not_award', p_amount: 5, p_decided_on: '2027-02-01', p_minute_reference: 'M1' },
      400,
      'P0001',
    );
    await refused(
      db,
      officer,
      'record_cabinet_decision',
      { p_application_id: w.apps[0], p_decision: 'award', p_decided_on: '2027-02-01', p_minute_reference: 'M1' },
      400,
      'P0001',
    );
  });

  it('refuses "decided" until Cabinet has decided on every application, then publishes, and stops', async () => {
    await refused(db, officer, 'move_round', move(w.roundId, 'decided'), 409, 'PT409');
    for (const app of w.apps) {
      await ok(db, officer, 'record_cabinet_decision', {
        p_application_id: app,
        p_decision: 'not_award',
        p_decided_on: '2027-02-01',
        p_minute_reference: 'Cabinet minute 3/27',
      });
    }
    await ok(db, officer, 'move_round', move(w.roundId, 'decided'));
    await refused(
      db,
      officer,
      'record_cabinet_decision',
      { p_application_id: w.apps[0], p_decision: 'not_award', p_decided_on: '2027-02-01', p_minute_reference: 'M' },
      409,
      'PT409',
    );
    const published = await ok(db, officer, 'move_round', move(w.roundId, 'published'));
    expect(published.to).toBe('published');
    expect((await refused(db, officer, 'move_round', move(w.roundId, 'published'), 409, 'PT409')).refusal.key).toBe('round_published');
  });

  it('only officers move rounds', async () => {
    for (const kind of ['chair', 'clerk', 'community'] as const)
      await refused(db, w.actors[kind], 'move_round', move(w.otherRoundId, 'panel', { p_force_reason: 'x' }), 403, 'PT403');
  });
});
