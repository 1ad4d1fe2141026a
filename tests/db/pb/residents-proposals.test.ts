// Signed-in residents propose, edit their own until review starts, withdraw, and see their
// proposals with reasons. Anyone else (anon, another resident, an officer) is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { anonymous, openTestDatabase } from '../../support/db.ts';
import { ok, refused } from './support.ts';
import { addProposal, buildPbWorld, setPhase, type PbWorld } from './world.ts';

let db: Database;
let w: PbWorld;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildPbWorld(db, { phase: 'proposals', shortlist: [] });
});
afterAll(() => db.close());

const fields = (extra: Record<string, unknown> = {}) => ({
  p_title: 'A water fountain in the park',
  p_summary: 'Free drinking water for everyone.',
  p_details: 'Install a fountain by the play area.',
  p_estimated_cost: 4500,
  p_ward_id: w.wards[0]!.id,
  p_category_id: w.categories[0]!.id,
  p_beneficiaries: 'Families and runners',
  ...extra,
});

describe('proposing', () => {
  it('numbers each new proposal within the process, and audits it as the resident', async () => {
    const a = await ok(db, w.resident, 'pb_propose', { p_process_id: w.processId, ...fields() });
    const b = await ok(db, w.other, 'pb_propose', {
      p_process_id: w.processId,
      ...fields({ p_ward_id: null, p_category_id: null, p_beneficiaries: null }),
    });
    expect([a.number, b.number]).toEqual([1, 2]);
    expect(a).toMatchObject({ status: 'submitted', estimated_cost: 4500, ward: { name: 'North' }, mine: true });
    const [event] = await db.query<{ actor: string; actor_role: string; action: string }>(
      `select actor, actor_role, action from private.audit_events where table_name = 'pb_proposals' and row_id = $1`,
      [a.id],
    );
    expect(event).toEqual({ actor: w.person.resident, actor_role: 'resident', action: 'insert' });
  });

  it('is refused to the signed-out and ended sessions, with keys', async () => {
    await refused(db, anonymous, 'pb_propose', { p_process_id: w.processId, ...fields() }, 401, 'sign_in_needed');
    await refused(
      db,
      { ...w.resident, sessionId: '00000000-0000-4000-8000-000000000000' },
      'pb_propose',
      { p_process_id: w.processId, ...fields() },
      401,
      'session_ended',
    );
  });

  it('refuses bad input with a key and writes nothing', async () => {
    const p = { p_process_id: w.processId };
    await refused(db, w.resident, 'pb_propose', { ...p, ...fields({ p_title: '   ' }) }, 400, 'required');
    await refused(db, w.resident, 'pb_propose', { ...p, ...fields({ p_title: 'x'.repeat(121) }) }, 400, 'too_long');
    await refused(db, w.resident, 'pb_propose', { ...p, ...fields({ p_details: 'x'.repeat(200000) }) }, 400, 'too_long');
    await refused(db, w.resident, 'pb_propose', { ...p, ...fields({ p_summary: null }) }, 400, 'required');
    await refused(db, w.resident, 'pb_propose', { ...p, ...fields({ p_estimated_cost: 0 }) }, 400, 'amount_out_of_range');
    await refused(db, w.resident, 'pb_propose', { ...p, ...fields({ p_estimated_cost: 1e12 }) }, 400, 'amount_out_of_range');
    await refused(db, w.resident, 'pb_propose', { ...p, ...fields({ p_estimated_cost: 10.005 }) }, 400, 'amount_out_of_range');
    await refused(db, w.resident, 'pb_propose', { ...p, ...fields({ p_estimated_cost: 'lots' }) }, 400);
    await refused(db, w.resident, 'pb_propose', { ...p, ...fields({ p_ward_id: w.categories[0]!.id }) }, 400, 'ward_not_found');
    await refused(db, w.resident, 'pb_propose', { ...p, ...fields({ p_category_id: w.wards[0]!.id }) }, 400, 'category_not_found');
    await refused(
      db,
      w.resident,
      'pb_propose',
      { ...fields(), p_process_id: '00000000-0000-4000-8000-00000000beef' },
      404,
      'process_not_found',
    );
  });

  it('refuses a cost over the whole budget when proposing and editing, and takes the budget itself', async () => {
    const p = { p_process_id: w.processId };
    await refused(db, w.resident, 'pb_propose', { ...p, ...fields({ p_estimated_cost: w.budget + 0.01 }) }, 400, 'cost_over_budget');
    const exact = await ok(db, w.resident, 'pb_propose', { ...p, ...fields({ p_estimated_cost: w.budget }) });
    expect(exact.estimated_cost).toBe(w.budget);
    await refused(
      db,
      w.resident,
      'pb_edit_proposal',
      { p_proposal_id: exact.id, ...fields({ p_estimated_cost: w.budget * 2 }) },
      400,
      'cost_over_budget',
    );
    const kept = await ok(db, w.resident, 'pb_proposal', { p_proposal_id: exact.id });
    expect(kept.estimated_cost).toBe(w.budget);
  });

  it('is only in the proposals phase', async () => {
    const voting = await buildPbWorld(db, { phase: 'voting' });
    await refused(
      db,
      voting.resident,
      'pb_propose',
      { p_process_id: voting.processId, ...fields({ p_ward_id: null, p_category_id: null }) },
      409,
      'wrong_phase',
    );
    const draft = await buildPbWorld(db, { phase: 'draft' });
    await refused(
      db,
      draft.resident,
      'pb_propose',
      { p_process_id: draft.processId, ...fields({ p_ward_id: null, p_category_id: null }) },
      404,
      'process_not_found',
    );
  });
});

describe('editing and withdrawing', () => {
  it('lets the author edit their own, and no one else', async () => {
    const mine = await ok(db, w.resident, 'pb_propose', { p_process_id: w.processId, ...fields() });
    const edited = await ok(db, w.resident, 'pb_edit_proposal', {
      p_proposal_id: mine.id,
      ...fields({ p_title: 'Two water fountains', p_estimated_cost: 9000 }),
    });
    expect(edited).toMatchObject({ title: 'Two water fountains', estimated_cost: 9000, number: mine.number });
    for (const actor of [w.other, w.officer])
      await refused(db, actor, 'pb_edit_proposal', { p_proposal_id: mine.id, ...fields() }, 403, 'not_your_proposal');
    await refused(db, anonymous, 'pb_edit_proposal', { p_proposal_id: mine.id, ...fields() }, 401, 'sign_in_needed');
    await refused(
      db,
      w.resident,
      'pb_edit_proposal',
      { p_proposal_id: '00000000-0000-4000-8000-00000000beef', ...fields() },
      404,
      'proposal_not_found',
    );
    await refused(db, w.resident, 'pb_edit_proposal', { p_proposal_id: mine.id, ...fields({ p_title: 'y'.repeat(500) }) }, 400, 'too_long');
    await refused(db, w.other, 'pb_withdraw_proposal', { p_proposal_id: mine.id }, 403, 'not_your_proposal');
  });

  it('refuses edits once someone has acted on it or review has started', async () => {
    const mine = await ok(db, w.resident, 'pb_propose', { p_process_id: w.processId, ...fields() });
    await db.query(`update private.pb_proposals set status = 'feasible', checked_cost = 4000 where id = $1`, [mine.id]);
    await refused(db, w.resident, 'pb_edit_proposal', { p_proposal_id: mine.id, ...fields() }, 409, 'proposal_not_editable');
    const later = await buildPbWorld(db, { phase: 'proposals', shortlist: [] });
    const theirs = await ok(db, later.resident, 'pb_propose', {
      p_process_id: later.processId,
      ...fields({ p_ward_id: null, p_category_id: null }),
    });
    await setPhase(db, later, 'review');
    await refused(
      db,
      later.resident,
      'pb_edit_proposal',
      { p_proposal_id: theirs.id, ...fields({ p_ward_id: null, p_category_id: null }) },
      409,
      'wrong_phase',
    );
    // Withdrawing is still open in review; not once shortlisted or in voting.
    expect(await ok(db, later.resident, 'pb_withdraw_proposal', { p_proposal_id: theirs.id })).toMatchObject({ status: 'withdrawn' });
    await refused(db, later.resident, 'pb_withdraw_proposal', { p_proposal_id: theirs.id }, 409, 'proposal_not_withdrawable');
    const shortlisted = await addProposal(db, later, { status: 'shortlisted', checked_cost: 100, author_id: later.person.resident });
    await refused(db, later.resident, 'pb_withdraw_proposal', { p_proposal_id: shortlisted }, 409, 'proposal_not_withdrawable');
    await setPhase(db, later, 'voting');
    await refused(db, later.resident, 'pb_withdraw_proposal', { p_proposal_id: shortlisted }, 409, 'wrong_phase');
  });

  it('lists my proposals with status and reasons, only mine', async () => {
    const hidden = await addProposal(db, w, { author_id: w.person.other, status: 'hidden', status_reason: 'Personal details removed.' });
    const list = await ok<{ id: string; status: string; status_reason: string | null }[]>(db, w.other, 'pb_my_proposals', {
      p_process_id: w.processId,
    });
    expect(list.find((p) => p.id === hidden)).toMatchObject({ status: 'hidden', status_reason: 'Personal details removed.' });
    expect((await ok<{ id: string }[]>(db, w.resident, 'pb_my_proposals', {})).some((p) => p.id === hidden)).toBe(false);
    expect(await ok(db, w.officer, 'pb_my_proposals', {})).toEqual([]);
    await refused(db, anonymous, 'pb_my_proposals', {}, 401, 'sign_in_needed');
    await refused(db, w.other, 'pb_my_proposals', { p_process_id: '00000000-0000-4000-8000-00000000beef' }, 404, 'process_not_found');
  });
});
