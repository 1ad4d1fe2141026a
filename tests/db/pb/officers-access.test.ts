// Who may call the officers' functions: the process's own officers only. Anonymous callers get
// 401, and a resident, an officer of another process and scrutiny get 403 with a key; none of
// those refusals writes anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { callAs, openTestDatabase } from '../../support/db.ts';
import { buildOfficerWorld, ok, refused, type OfficerWorld } from './officer-world.ts';

let db: Database;
let w: OfficerWorld;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildOfficerWorld(db, 'review');
});
afterAll(() => db.close());

const calls = (): Array<[string, Record<string, unknown>]> => [
  ['pb_update_process', { p_process_id: w.processId, p_title: 'Taken over' }],
  ['pb_set_phase_dates', { p_process_id: w.processId, p_phase: 'voting', p_starts_at: '2027-03-01T09:00:00Z' }],
  ['pb_officer_process', { p_process_id: w.processId }],
  ['pb_add_ward', { p_process_id: w.processId, p_name: 'Elsewhere' }],
  ['pb_add_category', { p_process_id: w.processId, p_name: 'Elsewhere' }],
  ['pb_rename_choice', { p_kind: 'ward', p_id: w.wardId, p_name: 'Renamed' }],
  ['pb_remove_choice', { p_kind: 'category', p_id: w.categoryId }],
  ['pb_add_officer', { p_process_id: w.processId, p_person_id: w.person.otherOfficer }],
  ['pb_remove_officer', { p_process_id: w.processId, p_person_id: w.person.officer }],
  ['pb_move_phase', { p_process_id: w.processId, p_to: 'voting' }],
  ['pb_hide_proposal', { p_proposal_id: w.proposals[4], p_reason: 'Not nice' }],
  ['pb_unhide_proposal', { p_proposal_id: w.proposals[4] }],
  ['pb_merge_proposal', { p_proposal_id: w.proposals[5], p_into_id: w.proposals[4] }],
  ['pb_decide_feasibility', { p_proposal_id: w.proposals[4], p_feasible: true, p_checked_cost: 5000 }],
  ['pb_set_shortlisted', { p_proposal_id: w.proposals[0], p_shortlisted: false }],
  ['pb_officer_proposals', { p_process_id: w.processId }],
  ['pb_issue_codes', { p_process_id: w.processId, p_label: 'Mine', p_count: 5 }],
  ['pb_code_batches', { p_process_id: w.processId }],
  ['pb_add_station', { p_process_id: w.processId, p_name: 'My kitchen' }],
  ['pb_rename_station', { p_station_id: w.stationId, p_name: 'My kitchen' }],
  ['pb_stations', { p_process_id: w.processId }],
  ['pb_enter_paper_ballot', { p_process_id: w.processId, p_station_id: w.stationId, p_code: w.codes[0], p_proposal_ids: [w.proposals[0]] }],
  ['pb_turnout', { p_process_id: w.processId }],
];

describe('the officers of a process, and no one else', () => {
  it('anonymous callers are asked to sign in (401)', async () => {
    for (const [fn, args] of calls()) await refused(db, w.actors.anonymous, fn, args, 401);
    await refused(db, w.actors.anonymous, 'pb_create_process', { p_title: 'x', p_slug: 'x', p_area: 'x', p_budget: 1 }, 401);
    await refused(db, w.actors.anonymous, 'pb_audit_trail', { p_process_id: w.processId }, 401);
    await refused(db, w.actors.anonymous, 'pb_my_processes', {}, 401);
  });

  for (const who of ['resident', 'otherOfficer', 'scrutiny'] as const) {
    it(`${who}: 403 not_process_officer for every officer's function`, async () => {
      for (const [fn, args] of calls()) {
        const result = await refused(db, w.actors[who], fn, args, 403, 'not_process_officer');
        expect(result.message).toMatch(/^Only the officers running this process can /);
      }
    });
  }

  it('residents and scrutiny cannot start a process; an officer can, and runs it', async () => {
    const args = { p_title: 'Mine', p_slug: `mine-${w.tag}`, p_area: 'Oxford', p_budget: 1000 };
    await refused(db, w.actors.resident, 'pb_create_process', args, 403, 'not_officer');
    await refused(db, w.actors.scrutiny, 'pb_create_process', args, 403, 'not_officer');
    const made = await ok(db, w.actors.otherOfficer, 'pb_create_process', args);
    expect(made.officers).toEqual([{ person_id: w.person.otherOfficer, display_name: `other-officer-${w.tag}` }]);
  });

  it('the audit trail: scrutiny and the officers of the process; not residents or other officers', async () => {
    await refused(db, w.actors.resident, 'pb_audit_trail', { p_process_id: w.processId }, 403, 'not_audit_reader');
    await refused(db, w.actors.otherOfficer, 'pb_audit_trail', { p_process_id: w.processId }, 403, 'not_audit_reader');
    expect((await ok(db, w.actors.scrutiny, 'pb_audit_trail', { p_process_id: w.processId })).events.length).toBeGreaterThan(0);
    expect((await ok(db, w.actors.officer, 'pb_audit_trail', { p_process_id: w.processId })).events.length).toBeGreaterThan(0);
  });

  it('my processes lists only the ones I run, with their counts', async () => {
    const mine = await ok(db, w.actors.officer, 'pb_my_processes');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      id: w.processId,
      phase: 'review',
      proposals: 6,
      to_review: 2,
      shortlisted: 4,
      codes_issued: 10,
      ballots: 0,
    });
    expect(await ok(db, w.actors.resident, 'pb_my_processes')).toEqual([]);
  });

  it('unknown ids are 404 with a key, for officers too', async () => {
    const nobody = '00000000-0000-4000-8000-00000000dead';
    await refused(db, w.actors.officer, 'pb_officer_process', { p_process_id: nobody }, 404, 'process_not_found');
    await refused(db, w.actors.officer, 'pb_hide_proposal', { p_proposal_id: nobody, p_reason: 'x' }, 404, 'proposal_not_found');
    await refused(db, w.actors.officer, 'pb_rename_station', { p_station_id: nobody, p_name: 'x' }, 404, 'station_not_found');
    await refused(db, w.actors.officer, 'pb_rename_choice', { p_kind: 'ward', p_id: nobody, p_name: 'x' }, 404, 'choice_not_found');
    await refused(db, w.actors.officer, 'pb_audit_trail', { p_process_id: nobody }, 404, 'process_not_found');
  });

  it('a signed-out token is refused (session_ended)', async () => {
    const result = await callAs(db, { ...w.actors.officer, sessionId: '00000000-0000-4000-8000-000000000000' }, 'pb_turnout', {
      p_process_id: w.processId,
    });
    expect(result).toMatchObject({ ok: false, status: 401 });
    expect(JSON.parse((result as { details: string }).details).key).toBe('session_ended');
  });
});
