// The panel day, on the seeded Sustainability round (at `panel`): the chair and the clerk record
// the recommendations and follow them as they go; reviewing councillors wait until the panel
// has finished; a plain member can do neither.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';
import { applicationId, ok, refused, ROUNDS, SEEDED, seeded } from './support.ts';

let db: Database;
let app: string;
beforeAll(async () => {
  db = await openTestDatabase();
  app = await applicationId(db, 'SUS26-001');
});
afterAll(() => db.close());

const recommendation = () => ({
  p_application_id: app,
  p_outcome: 'award_with_conditions',
  p_amount: 1000,
  p_conditions: 'Report back in six months.',
  p_reasons: 'A real need, met well.',
  p_how_agreed: 'consensus',
});

describe('recording recommendations on the panel day', () => {
  it('the chair may record one, and then reads it back', async () => {
    const saved = await ok(db, seeded('chair'), 'record_recommendation', recommendation());
    expect(saved).toMatchObject({ outcome: 'award_with_conditions', amount: 1000 });
    const read = await ok(db, seeded('chair'), 'review_recommendations', { p_round_id: ROUNDS.sustainability });
    expect(read.recommendations.find((r: { application_id: string }) => r.application_id === app)).toMatchObject({
      reasons: 'A real need, met well.',
    });
  });

  it('a plain member may not record one, and nothing changes', async () => {
    const [member] = await db.query<{ person_id: string }>(
      `select person_id from private.panel_members where round_id = $1 and role = 'member' and seat = 'community' and removed_at is null limit 1`,
      [ROUNDS.sustainability],
    );
    await refused(db, { role: 'authenticated', sub: member!.person_id }, 'record_recommendation', recommendation(), 403, 'PT403');
  });

  it('a reviewing councillor reads them only once the panel has finished: until then the round is not theirs to see', async () => {
    await ok(db, seeded('officer'), 'add_reviewer', { p_round_id: ROUNDS.sustainability, p_person_id: SEEDED.councillor });
    await refused(db, seeded('councillor'), 'review_recommendations', { p_round_id: ROUNDS.sustainability }, 404, 'PT404');
    await refused(db, seeded('councillor'), 'get_round', { p_round_id: ROUNDS.sustainability }, 404, 'PT404');
    const rounds = await ok(db, seeded('councillor'), 'my_rounds');
    expect(rounds.map((r: { round_id: string }) => r.round_id)).not.toContain(ROUNDS.sustainability);

    const { applications } = await ok(db, seeded('officer'), 'round_results', { p_round_id: ROUNDS.sustainability });
    for (const a of applications.filter((x: { application_id: string }) => x.application_id !== app)) {
      await ok(db, seeded('officer'), 'record_recommendation', {
        p_application_id: a.application_id,
        p_outcome: 'not_award',
        p_reasons: 'Not this time.',
        p_how_agreed: 'consensus',
      });
    }
    await ok(db, seeded('officer'), 'move_round', { p_round_id: ROUNDS.sustainability, p_to: 'recommended' });
    const read = await ok(db, seeded('councillor'), 'review_recommendations', { p_round_id: ROUNDS.sustainability });
    expect(read.recommendations.find((r: { application_id: string }) => r.application_id === app)).toMatchObject({
      reasons: 'A real need, met well.',
    });
    expect(
      (await ok(db, seeded('councillor'), 'my_rounds')).find((r: { round_id: string }) => r.round_id === ROUNDS.sustainability),
    ).toMatchObject({ state: 'recommended', my_roles: ['reviewer'] });
  });
});
