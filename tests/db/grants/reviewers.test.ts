// Councillors on the review path see a round only once the panel has recommended: before that,
// even after an officer has named them, the round is as hidden from them as from a stranger.
// A councillor who is also on the round's panel sees it as a panel member all along.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { callAs, createUser, openTestDatabase, signedIn, type Actor } from '../../support/db.ts';
import { ok, refused, seeded } from './support.ts';
import { application } from './world.ts';

let db: Database;
const officer = seeded('officer');
let roundId: string;
let appId: string;
let reviewer: Actor;
let memberReviewer: Actor;
let stranger: Actor;

beforeAll(async () => {
  db = await openTestDatabase();
  const fund = await ok(db, officer, 'create_fund', { p_slug: 'reviewers-fund', p_name: 'Reviewers fund', p_budget: 1000 });
  roundId = (await ok(db, officer, 'create_round', { p_fund_id: fund.id, p_title: 'Reviewed round', p_reference_prefix: 'REVW' })).id;
  await ok(db, officer, 'add_criterion', { p_round_id: roundId, p_title: 'Need', p_weight: 1, p_maximum: 1, p_descriptors: ['No', 'Yes'] });
  appId = (await ok(db, officer, 'add_application', { p_round_id: roundId, p_application: application(1) })).id;
  await ok(db, officer, 'write_application_summary', { p_application_id: appId, p_summary: 'In short.' });
  const [reviewerId, memberReviewerId, strangerId] = (await Promise.all(
    ['reviewer', 'member-reviewer', 'stranger'].map((k) => createUser(db, `${k}@reviewers.example.org`)),
  )) as [string, string, string];
  [reviewer, memberReviewer, stranger] = [signedIn(reviewerId), signedIn(memberReviewerId), signedIn(strangerId)];
  const ids = [reviewerId, memberReviewerId];
  await ok(db, officer, 'add_panel_member', { p_round_id: roundId, p_person_id: memberReviewerId, p_seat: 'councillor' });
  // Named as reviewers while the round is still a draft.
  for (const id of ids) await ok(db, officer, 'add_reviewer', { p_round_id: roundId, p_person_id: id });
});
afterAll(() => db.close());

const move = (to: string) =>
  ok(db, officer, 'move_round', {
    p_round_id: roundId,
    p_to: to,
    ...(to === 'panel' || to === 'scoring' ? { p_force_reason: 'Testing.' } : {}),
  });

/** What the reviewer and a stranger get for the round and its application. */
async function seen(actor: Actor) {
  const answer = async (fn: string, args: Record<string, unknown>) => {
    const r = await callAs(db, actor, fn, args);
    return r.ok ? r.status : `${r.status} ${r.code}`;
  };
  return {
    get_round: await answer('get_round', { p_round_id: roundId }),
    open_application_pack: await answer('open_application_pack', { p_application_id: appId }),
    round_results: await answer('round_results', { p_round_id: roundId }),
    listed: ((await ok(db, actor, 'my_rounds')) as { round_id: string }[]).some((r) => r.round_id === roundId),
  };
}

const HIDDEN = { get_round: '404 PT404', open_application_pack: '404 PT404', round_results: '404 PT404', listed: false };

describe('a reviewing councillor', () => {
  it('sees nothing of the round, as a stranger sees nothing, from draft to the panel day', async () => {
    for (const state of ['draft', 'open', 'closed', 'scoring', 'panel']) {
      if (state !== 'draft') await move(state);
      expect(await seen(reviewer), state).toEqual(HIDDEN);
      expect(await seen(stranger), state).toEqual(HIDDEN);
      await refused(db, reviewer, 'review_recommendations', { p_round_id: roundId }, 404, 'PT404');
    }
  });

  it('who is also on the panel sees it as a member meanwhile', async () => {
    expect(await ok(db, memberReviewer, 'get_round', { p_round_id: roundId })).toMatchObject({
      my_membership: { seat: 'councillor' },
      is_reviewer: false,
    });
    expect((await ok(db, memberReviewer, 'my_rounds'))[0].my_roles).toEqual(['member']);
  });

  it('sees the round and reads the recommendations once the panel has recommended, and after', async () => {
    await ok(db, officer, 'record_recommendation', {
      p_application_id: appId,
      p_outcome: 'not_award',
      p_reasons: 'Not this time.',
      p_how_agreed: 'consensus',
    });
    await move('recommended');
    // The panel's results and packs stay the panel's: a reviewer reads the recommendations.
    const after = { get_round: 200, open_application_pack: '403 PT403', round_results: '403 PT403', listed: true };
    expect(await seen(reviewer)).toEqual(after);
    expect(await seen(stranger)).toEqual(HIDDEN);
    expect(await ok(db, reviewer, 'get_round', { p_round_id: roundId })).toMatchObject({ is_reviewer: true });
    expect((await ok(db, reviewer, 'review_recommendations', { p_round_id: roundId })).recommendations).toHaveLength(1);
    await ok(db, reviewer, 'add_review_comment', { p_application_id: appId, p_comment: 'Agreed.' });
    expect((await ok(db, memberReviewer, 'my_rounds'))[0].my_roles).toEqual(['member', 'reviewer']);
    await ok(db, officer, 'record_cabinet_decision', {
      p_application_id: appId,
      p_decision: 'not_award',
      p_decided_on: '2026-12-01',
      p_minute_reference: 'M1',
    });
    await move('decided');
    expect(await seen(reviewer)).toEqual(after);
    expect((await ok(db, reviewer, 'review_recommendations', { p_round_id: roundId })).recommendations[0].cabinet_decision).toMatchObject({
      decision: 'not_award',
    });
  });
});
