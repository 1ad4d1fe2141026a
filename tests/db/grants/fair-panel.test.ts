// A fair panel before scoring opens (issue 16): the chair, and the community members and
// councillors the round sets (besides the chair), or the move to scoring is refused with a key
// and facts saying what is missing. An officer may start anyway with a reason, which goes into
// the audit trail with what the panel lacked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { createUser, openTestDatabase } from '../../support/db.ts';
import { chainHead, eventsSince, ok, refused, seeded } from './support.ts';
import { application, buildWorld, type World } from './world.ts';

let db: Database;
let w: World;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db, 'closed');
});
afterAll(() => db.close());

const officer = seeded('officer');
const toScoring = (roundId: string, reason?: string) => ({
  p_round_id: roundId,
  p_to: 'scoring',
  ...(reason ? { p_force_reason: reason } : {}),
});

/** A closed round with a question and a summarised application, and no panel yet. */
async function closedRound(prefix: string, numbers: Record<string, number> = {}) {
  const round = await ok(db, officer, 'create_round', {
    p_fund_id: w.fundId,
    p_title: `Fair ${prefix}`,
    p_reference_prefix: prefix,
    ...numbers,
  });
  await ok(db, officer, 'add_criterion', {
    p_round_id: round.id,
    p_title: 'Need',
    p_weight: 1,
    p_maximum: 1,
    p_descriptors: ['No', 'Yes'],
  });
  const app = await ok(db, officer, 'add_application', { p_round_id: round.id, p_application: application(1) });
  await ok(db, officer, 'write_application_summary', { p_application_id: app.id, p_summary: 'In short.' });
  for (const to of ['open', 'closed']) await ok(db, officer, 'move_round', { p_round_id: round.id, p_to: to });
  return round as { id: string; community_members_needed: number; councillors_needed: number };
}

async function seat(roundId: string, seat: 'community' | 'councillor', role: 'member' | 'chair' = 'member') {
  const person = await createUser(db, `${seat}-${Math.random().toString(36).slice(2, 9)}@fair.example.org`);
  return (await ok(db, officer, 'add_panel_member', { p_round_id: roundId, p_person_id: person, p_seat: seat, p_role: role })).id as string;
}

describe('the numbers a round sets', () => {
  it('default to two community members and two councillors, and can be set when the round is created', async () => {
    const plain = await ok(db, officer, 'create_round', { p_fund_id: w.fundId, p_title: 'Defaults', p_reference_prefix: `${w.tag}N` });
    expect(plain).toMatchObject({ community_members_needed: 2, councillors_needed: 2 });
    const set = await ok(db, officer, 'create_round', {
      p_fund_id: w.fundId,
      p_title: 'Set',
      p_reference_prefix: `${w.tag}M`,
      p_community_members_needed: 4,
      p_councillors_needed: 3,
    });
    expect(set).toMatchObject({ community_members_needed: 4, councillors_needed: 3 });
  });

  it('refuse a number outside 0 to 20, naming the field, and change nothing', async () => {
    const before = await chainHead(db);
    for (const [arg, field] of [
      ['p_community_members_needed', 'community_members_needed'],
      ['p_councillors_needed', 'councillors_needed'],
    ]) {
      for (const n of [-1, 21]) {
        const r = await refused(
          db,
          officer,
          'create_round',
          { p_fund_id: w.fundId, p_title: 'Bad', p_reference_prefix: `${w.tag}X`, [arg!]: n },
          400,
          'P0001',
        );
        expect(r.refusal).toEqual({ key: 'panel_numbers_out_of_range', field });
        const u = await refused(db, officer, 'update_round', { p_round_id: w.roundId, [arg!]: n }, 400, 'P0001');
        expect(u.refusal).toEqual({ key: 'panel_numbers_out_of_range', field });
      }
    }
    expect(await chainHead(db)).toBe(before);
  });

  it('only an officer may change them, and not once scoring has started', async () => {
    await refused(db, w.actors.chair, 'update_round', { p_round_id: w.roundId, p_councillors_needed: 0 }, 403);
    const r = await refused(db, officer, 'update_round', { p_round_id: w.otherRoundId, p_councillors_needed: 0 }, 409, 'PT409');
    expect(r.refusal.key).toBe('round_details_fixed');
  });
});

describe('the move to scoring', () => {
  it('is refused without the chair, saying what the panel has and needs', async () => {
    const round = await closedRound(`${w.tag}FA`);
    for (const s of ['community', 'community', 'councillor', 'councillor'] as const) await seat(round.id, s);
    const before = await chainHead(db);
    const r = await refused(db, officer, 'move_round', toScoring(round.id), 409, 'PT409');
    expect(r.refusal).toEqual({
      key: 'panel_not_fair',
      field: 'force_reason',
      chair: false,
      community: 2,
      councillors: 2,
      community_needed: 2,
      councillors_needed: 2,
    });
    expect(r.message).toMatch(/^A fair panel needs the chair, 2 community members and 2 councillors/);
    expect(await chainHead(db)).toBe(before);
    // With the chair (who has a seat of their own and fills neither number) the panel is fair.
    await seat(round.id, 'councillor', 'chair');
    expect(await ok(db, officer, 'move_round', toScoring(round.id))).toMatchObject({ to: 'scoring', forced: false, panel: null });
  });

  it('is refused short of the numbers the round sets; removed members do not count', async () => {
    const round = await closedRound(`${w.tag}FB`, { p_community_members_needed: 3, p_councillors_needed: 1 });
    await seat(round.id, 'community', 'chair');
    await seat(round.id, 'councillor');
    for (let i = 0; i < 3; i++) await seat(round.id, 'community');
    const gone = await seat(round.id, 'community');
    await ok(db, officer, 'remove_panel_member', { p_member_id: gone, p_reason: 'Moved away.' });
    await ok(db, officer, 'update_round', { p_round_id: round.id, p_community_members_needed: 4 });
    const r = await refused(db, officer, 'move_round', toScoring(round.id), 409, 'PT409');
    expect(r.refusal).toMatchObject({ key: 'panel_not_fair', chair: true, community: 3, councillors: 1, community_needed: 4 });
    // A blank reason is no reason.
    await refused(db, officer, 'move_round', toScoring(round.id, '   '), 409, 'PT409');
    await ok(db, officer, 'update_round', { p_round_id: round.id, p_community_members_needed: 3 });
    expect(await ok(db, officer, 'move_round', toScoring(round.id))).toMatchObject({ forced: false });
  });

  it('may be made anyway by an officer with a reason, recorded in the audit trail with what the panel lacked', async () => {
    const round = await closedRound(`${w.tag}FC`);
    await seat(round.id, 'community');
    const before = await chainHead(db);
    const moved = await ok(db, officer, 'move_round', toScoring(round.id, 'Two councillors withdrew; Cabinet asked us to go ahead.'));
    expect(moved).toMatchObject({ from: 'closed', to: 'scoring', forced: true });
    const events = await eventsSince(db, before);
    const move = events.find((e) => e.table_name === 'rounds');
    expect(move).toMatchObject({
      action: 'update',
      row_id: round.id,
      actor: officer.sub,
      actor_role: 'officer',
      details: {
        from: 'closed',
        to: 'scoring',
        forced: true,
        reason: 'Two councillors withdrew; Cabinet asked us to go ahead.',
        panel: { chair: false, community: 1, councillors: 0, community_needed: 2, councillors_needed: 2 },
      },
    });
  });

  it('may not be forced by anyone but an officer', async () => {
    const round = await closedRound(`${w.tag}FD`);
    await refused(db, w.actors.chair, 'move_round', toScoring(round.id, 'Because I say so.'), 403);
    expect((await ok(db, officer, 'get_round', { p_round_id: round.id })).state).toBe('closed');
  });
});
