// Moving a process through its phases: one step forward at a time, each with its preconditions
// and a key when refused; moving to results publishes the current result in the same act.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';
import { buildOfficerWorld, castOnline, chainHead, eventsSince, ok, refused } from './officer-world.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const move = (processId: string, to: string) => ({ p_process_id: processId, p_to: to });

async function storeResult(processId: string, ballots: number, countedAt = 'now()') {
  await db.query(
    `insert into private.pb_results (process_id, rule, options, ballot_file, ballot_file_sha256, result, ballots, counted_at)
     values ($1, 'equal-shares', '{}', 'META', repeat('a', 64), '{"winners": []}', $2, ${countedAt})`,
    [processId, ballots],
  );
}

describe('phase moves', () => {
  it('refuse skipping, going back, staying and unknown phases', async () => {
    const w = await buildOfficerWorld(db, 'draft');
    await refused(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'review'), 409, 'phase_out_of_order');
    await refused(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'results'), 409, 'phase_out_of_order');
    await refused(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'draft'), 409, 'phase_out_of_order');
    await refused(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'delivery'), 400, 'unknown_phase');
    await refused(db, w.actors.officer, 'pb_move_phase', move(w.processId, ''), 400, 'unknown_phase');
    await ok(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'proposals'));
    const back = await refused(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'draft'), 409, 'phase_out_of_order');
    expect(JSON.parse(back.details!)).toMatchObject({ phase: 'proposals', next: 'review', asked: 'draft' });
  });

  it('proposals need a ward or a category', async () => {
    const w = await buildOfficerWorld(db, 'draft');
    await ok(db, w.actors.officer, 'pb_remove_choice', { p_kind: 'ward', p_id: w.wardId });
    await ok(db, w.actors.officer, 'pb_remove_choice', { p_kind: 'category', p_id: w.categoryId });
    await refused(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'proposals'), 409, 'no_wards_or_categories');
    await ok(db, w.actors.officer, 'pb_add_category', { p_process_id: w.processId, p_name: 'Anything' });
    expect((await ok(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'proposals'))).phase).toBe('proposals');
  });

  it('voting needs a shortlist with checked costs within the budget', async () => {
    const w = await buildOfficerWorld(db, 'proposals');
    await ok(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'review'));
    await ok(db, w.actors.officer, 'pb_issue_codes', { p_process_id: w.processId, p_label: 'Letters', p_count: 2 });
    await refused(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'voting'), 409, 'no_shortlist');
    await ok(db, w.actors.officer, 'pb_decide_feasibility', { p_proposal_id: w.proposals[0], p_feasible: true, p_checked_cost: 150000 });
    await ok(db, w.actors.officer, 'pb_set_shortlisted', { p_proposal_id: w.proposals[0], p_shortlisted: true });
    await refused(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'voting'), 409, 'shortlist_cost_unchecked');
    await ok(db, w.actors.officer, 'pb_set_shortlisted', { p_proposal_id: w.proposals[0], p_shortlisted: false });
    await ok(db, w.actors.officer, 'pb_decide_feasibility', { p_proposal_id: w.proposals[0], p_feasible: true, p_checked_cost: 15000 });
    await ok(db, w.actors.officer, 'pb_set_shortlisted', { p_proposal_id: w.proposals[0], p_shortlisted: true });
    expect((await ok(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'voting'))).phase).toBe('voting');
  });

  it('voting needs a way in: codes when they are the only way, postcode areas when postcodes are a way', async () => {
    const w = await buildOfficerWorld(db, 'proposals');
    await ok(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'review'));
    await ok(db, w.actors.officer, 'pb_decide_feasibility', { p_proposal_id: w.proposals[0], p_feasible: true, p_checked_cost: 1000 });
    await ok(db, w.actors.officer, 'pb_set_shortlisted', { p_proposal_id: w.proposals[0], p_shortlisted: true });
    await refused(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'voting'), 409, 'no_codes');
    await ok(db, w.actors.officer, 'pb_update_process', { p_process_id: w.processId, p_eligibility: ['postcode'] });
    await refused(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'voting'), 409, 'no_postcode_prefixes');
    await ok(db, w.actors.officer, 'pb_update_process', { p_process_id: w.processId, p_eligibility: ['postcode', 'voting_code'] });
    await refused(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'voting'), 409, 'no_postcode_prefixes');
    await ok(db, w.actors.officer, 'pb_update_process', { p_process_id: w.processId, p_postcode_prefixes: ['OX1', 'OX2'] });
    // Both ways, postcode areas listed: codes can still be issued during voting.
    expect((await ok(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'voting'))).phase).toBe('voting');
  });

  it('results need a stored result counted after the last ballot; moving publishes it, audited', async () => {
    const w = await buildOfficerWorld(db, 'voting');
    await refused(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'results'), 409, 'phase_out_of_order');
    await castOnline(db, w, w.codes[0]!, [w.proposals[0]!]);
    await ok(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'counting'));
    await refused(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'results'), 409, 'no_result');
    // A result from before the last ballot (here: one ballot short) is out of date.
    await storeResult(w.processId, 0, "now() - interval '1 hour'");
    await refused(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'results'), 409, 'result_out_of_date');
    await storeResult(w.processId, 1);
    const before = await chainHead(db);
    const moved = await ok(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'results'));
    expect(moved.phase).toBe('results');
    const rows = await db.query<{ ballots: number; published_at: string | null; published_by: string | null }>(
      'select ballots, published_at, published_by from private.pb_results where process_id = $1 order by counted_at',
      [w.processId],
    );
    expect(rows.map((r) => [r.ballots, r.published_at !== null, r.published_by])).toEqual([
      [0, false, null],
      [1, true, w.person.officer],
    ]);
    const events = await eventsSince(db, before);
    expect(events.map((e) => [e.table_name, e.action, e.actor_role, e.details])).toEqual([
      ['pb_processes', 'update', 'pb_officer', { move: 'counting to results' }],
      ['pb_results', 'update', 'pb_officer', { move: 'counting to results' }],
    ]);
    await refused(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'results'), 409, 'phase_out_of_order');
  });

  it('every move leaves its audit event, naming the move', async () => {
    const w = await buildOfficerWorld(db, 'draft');
    const before = await chainHead(db);
    await ok(db, w.actors.officer, 'pb_move_phase', move(w.processId, 'proposals'));
    const [event] = await eventsSince(db, before);
    expect(event).toMatchObject({
      table_name: 'pb_processes',
      action: 'update',
      row_id: w.processId,
      actor: w.person.officer,
      details: { move: 'draft to proposals' },
    });
    expect([event!.old_values?.phase, event!.new_values?.phase]).toEqual(['draft', 'proposals']);
  });
});
