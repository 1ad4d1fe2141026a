// Moderating proposals: hide with a reason and show again, merge duplicates, decide feasibility
// with a checked cost or a public reason, build the shortlist before voting; and the queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';
import { buildOfficerWorld, chainHead, eventsSince, ok, refused, type OfficerWorld } from './officer-world.ts';

let db: Database;
let w: OfficerWorld;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildOfficerWorld(db, 'proposals');
});
afterAll(() => db.close());

const status = async (id: string) =>
  (
    await db.query<{ status: string; status_reason: string | null; merged_into: string | null; checked_cost: string | null }>(
      'select status, status_reason, merged_into, checked_cost from private.pb_proposals where id = $1',
      [id],
    )
  )[0]!;

describe('moderation', () => {
  it('hides with a reason, audited as the officer, and shows again as submitted', async () => {
    const before = await chainHead(db);
    const hidden = await ok(db, w.actors.officer, 'pb_hide_proposal', {
      p_proposal_id: w.proposals[5],
      p_reason: 'It names a private person.',
    });
    expect(hidden).toMatchObject({ status: 'hidden', status_reason: 'It names a private person.', number: 6 });
    const [event] = await eventsSince(db, before);
    expect(event).toMatchObject({
      table_name: 'pb_proposals',
      action: 'update',
      row_id: w.proposals[5],
      actor: w.person.officer,
      actor_role: 'pb_officer',
    });
    expect(event!.new_values?.status).toBe('hidden');
    await refused(db, w.actors.officer, 'pb_hide_proposal', { p_proposal_id: w.proposals[5], p_reason: 'Again' }, 409, 'wrong_status');
    expect((await ok(db, w.actors.officer, 'pb_unhide_proposal', { p_proposal_id: w.proposals[5] })).status).toBe('submitted');
    await refused(db, w.actors.officer, 'pb_unhide_proposal', { p_proposal_id: w.proposals[5] }, 409, 'wrong_status');
  });

  it('refuses hiding without a reason or with a huge one, changing nothing', async () => {
    await refused(db, w.actors.officer, 'pb_hide_proposal', { p_proposal_id: w.proposals[5], p_reason: ' ' }, 400, 'required');
    await refused(db, w.actors.officer, 'pb_hide_proposal', { p_proposal_id: w.proposals[5], p_reason: 'x'.repeat(1001) }, 400, 'too_long');
    await refused(db, w.actors.officer, 'pb_hide_proposal', { p_proposal_id: 42, p_reason: 'x' }, 400);
    expect((await status(w.proposals[5]!)).status).toBe('submitted');
  });

  it('merges a duplicate into another of the same process, and what was merged into it follows', async () => {
    const [a, b, c] = [w.proposals[3]!, w.proposals[4]!, w.proposals[5]!];
    await refused(db, w.actors.officer, 'pb_merge_proposal', { p_proposal_id: a, p_into_id: a }, 400, 'merge_into_itself');
    await refused(
      db,
      w.actors.officer,
      'pb_merge_proposal',
      { p_proposal_id: a, p_into_id: '00000000-0000-4000-8000-00000000dead' },
      404,
      'proposal_not_found',
    );
    const other = await buildOfficerWorld(db, 'proposals');
    await refused(
      db,
      w.actors.officer,
      'pb_merge_proposal',
      { p_proposal_id: a, p_into_id: other.proposals[0] },
      404,
      'proposal_not_found',
    );
    const merged = await ok(db, w.actors.officer, 'pb_merge_proposal', { p_proposal_id: c, p_into_id: b, p_reason: 'Same playground.' });
    expect(merged).toMatchObject({ status: 'merged', merged_into: b, merged_into_number: 5 });
    await refused(db, w.actors.officer, 'pb_merge_proposal', { p_proposal_id: a, p_into_id: c }, 409, 'merge_target_unavailable');
    await ok(db, w.actors.officer, 'pb_merge_proposal', { p_proposal_id: b, p_into_id: a });
    expect((await status(c)).merged_into).toBe(a);
    expect((await status(b)).merged_into).toBe(a);
  });

  it('feasible needs a checked cost; not feasible needs a public reason', async () => {
    const p = w.proposals[0]!;
    await refused(db, w.actors.officer, 'pb_decide_feasibility', { p_proposal_id: p, p_feasible: true }, 400, 'required');
    await refused(
      db,
      w.actors.officer,
      'pb_decide_feasibility',
      { p_proposal_id: p, p_feasible: true, p_checked_cost: -10 },
      400,
      'amount_out_of_range',
    );
    await refused(
      db,
      w.actors.officer,
      'pb_decide_feasibility',
      { p_proposal_id: p, p_feasible: true, p_checked_cost: 10.001 },
      400,
      'amount_out_of_range',
    );
    await refused(db, w.actors.officer, 'pb_decide_feasibility', { p_proposal_id: p, p_feasible: false }, 400, 'required');
    await refused(
      db,
      w.actors.officer,
      'pb_decide_feasibility',
      { p_proposal_id: p, p_feasible: null, p_checked_cost: 5 },
      400,
      'required',
    );
    const no = await ok(db, w.actors.officer, 'pb_decide_feasibility', {
      p_proposal_id: p,
      p_feasible: false,
      p_reason: 'The land belongs to the railway.',
    });
    expect(no).toMatchObject({ status: 'not_feasible', status_reason: 'The land belongs to the railway.' });
    const yes = await ok(db, w.actors.officer, 'pb_decide_feasibility', { p_proposal_id: p, p_feasible: true, p_checked_cost: 12500.5 });
    expect(yes).toMatchObject({ status: 'feasible', checked_cost: 12500.5, status_reason: null });
  });

  it('shortlists only feasible projects, and only before voting', async () => {
    const [p, q] = [w.proposals[0]!, w.proposals[1]!];
    await refused(db, w.actors.officer, 'pb_set_shortlisted', { p_proposal_id: q, p_shortlisted: true }, 409, 'not_feasible_yet');
    await refused(db, w.actors.officer, 'pb_set_shortlisted', { p_proposal_id: q, p_shortlisted: false }, 409, 'wrong_status');
    expect((await ok(db, w.actors.officer, 'pb_set_shortlisted', { p_proposal_id: p, p_shortlisted: true })).status).toBe('shortlisted');
    await refused(
      db,
      w.actors.officer,
      'pb_decide_feasibility',
      { p_proposal_id: p, p_feasible: false, p_reason: 'x' },
      409,
      'wrong_status',
    );
    const v = await buildOfficerWorld(db, 'voting');
    await refused(db, v.actors.officer, 'pb_set_shortlisted', { p_proposal_id: v.proposals[0], p_shortlisted: false }, 409, 'wrong_phase');
    await refused(db, v.actors.officer, 'pb_set_shortlisted', { p_proposal_id: v.proposals[4], p_shortlisted: true }, 409, 'wrong_phase');
    await refused(
      db,
      v.actors.officer,
      'pb_decide_feasibility',
      { p_proposal_id: v.proposals[4], p_feasible: true, p_checked_cost: 1 },
      409,
      'wrong_phase',
    );
    await refused(
      db,
      v.actors.officer,
      'pb_merge_proposal',
      { p_proposal_id: v.proposals[4], p_into_id: v.proposals[5] },
      409,
      'wrong_phase',
    );
    await refused(db, v.actors.officer, 'pb_hide_proposal', { p_proposal_id: v.proposals[0], p_reason: 'x' }, 409, 'on_the_ballot');
    // A proposal that is not on the ballot can still be hidden during voting.
    expect((await ok(db, v.actors.officer, 'pb_hide_proposal', { p_proposal_id: v.proposals[4], p_reason: 'Offensive.' })).status).toBe(
      'hidden',
    );
  });
});

describe('the officers’ queue', () => {
  it('lists every status, filters, searches and pages', async () => {
    const all = await ok(db, w.actors.officer, 'pb_officer_proposals', { p_process_id: w.processId });
    expect(all.total).toBe(6);
    expect(all.proposals.map((p: { number: number }) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(all.by_status).toEqual({ shortlisted: 1, submitted: 3, merged: 2 });
    expect(all.proposals[0]).toMatchObject({ author_name: expect.stringMatching(/^resident-/), ward: 'Carfax', category: 'Parks' });
    expect(all.proposals[0]).not.toHaveProperty('search');
    const merged = await ok(db, w.actors.officer, 'pb_officer_proposals', { p_process_id: w.processId, p_status: 'merged' });
    expect(merged.proposals.map((p: { number: number }) => p.number)).toEqual([5, 6]);
    const page2 = await ok(db, w.actors.officer, 'pb_officer_proposals', { p_process_id: w.processId, p_page: 2, p_page_size: 4 });
    expect([page2.total, page2.proposals.map((p: { number: number }) => p.number)]).toEqual([6, [5, 6]]);
    const found = await ok(db, w.actors.officer, 'pb_officer_proposals', { p_process_id: w.processId, p_search: 'project 3' });
    expect(found.proposals.map((p: { number: number }) => p.number)).toContain(3);
    const byWard = await ok(db, w.actors.officer, 'pb_officer_proposals', {
      p_process_id: w.processId,
      p_ward_id: '00000000-0000-4000-8000-00000000dead',
    });
    expect(byWard.total).toBe(0);
    await refused(db, w.actors.officer, 'pb_officer_proposals', { p_process_id: w.processId, p_status: 'lost' }, 400, 'unknown_status');
    await refused(db, w.actors.officer, 'pb_officer_proposals', { p_process_id: w.processId, p_page: 0 }, 400, 'bad_page');
    await refused(db, w.actors.officer, 'pb_officer_proposals', { p_process_id: w.processId, p_page_size: 1000 }, 400, 'bad_page');
    await refused(db, w.actors.officer, 'pb_officer_proposals', { p_process_id: w.processId, p_search: 'x'.repeat(201) }, 400, 'too_long');
  });
});
