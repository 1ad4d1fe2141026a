// Every PB officers' function that writes leaves exactly the audit events of the rows it
// changes, as the caller and in their capacity; the ones that only read leave none (the audit
// trail's own read leaves its read record). A function added to the officers' migration without
// a line here fails the last test.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import type { Actor } from '../../support/db.ts';
import { openTestDatabase } from '../../support/db.ts';
import { buildOfficerWorld, chainHead, eventsSince, ok, type OfficerWorld } from './officer-world.ts';

let db: Database;
let w: OfficerWorld;
type Saved = 'ward' | 'station';
/** The rows earlier steps made, by the name each step saves them under. */
const ctx = {} as Record<Saved, { id: string }>;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildOfficerWorld(db, 'review');
});
afterAll(() => db.close());

type Step = { fn: string; call: () => [Actor, Record<string, unknown>]; events: string[]; role?: string; save?: Saved };
const o = () => w.actors.officer;
const steps: Step[] = [
  {
    fn: 'pb_create_process',
    call: () => [o(), { p_title: 'Audited', p_slug: `audited-${w.tag}`, p_area: 'Oxford', p_budget: 5000 }],
    events: ['insert pb_processes', 'insert pb_process_officers'],
  },
  {
    fn: 'pb_update_process',
    call: () => [o(), { p_process_id: w.processId, p_area: 'Oxford and Abingdon' }],
    events: ['update pb_processes'],
  },
  {
    fn: 'pb_set_phase_dates',
    call: () => [o(), { p_process_id: w.processId, p_phase: 'voting', p_starts_at: '2027-03-01T09:00:00Z' }],
    events: ['insert pb_process_phases'],
  },
  { fn: 'pb_add_ward', call: () => [o(), { p_process_id: w.processId, p_name: 'Headington' }], events: ['insert pb_wards'], save: 'ward' },
  { fn: 'pb_add_category', call: () => [o(), { p_process_id: w.processId, p_name: 'Sport' }], events: ['insert pb_categories'] },
  {
    fn: 'pb_rename_choice',
    call: () => [o(), { p_kind: 'ward', p_id: ctx.ward.id, p_name: 'Headington Quarry' }],
    events: ['update pb_wards'],
  },
  { fn: 'pb_remove_choice', call: () => [o(), { p_kind: 'ward', p_id: ctx.ward.id }], events: ['delete pb_wards'] },
  {
    fn: 'pb_add_officer',
    call: () => [o(), { p_process_id: w.processId, p_person_id: w.person.otherOfficer }],
    events: ['insert pb_process_officers'],
  },
  {
    fn: 'pb_remove_officer',
    call: () => [o(), { p_process_id: w.processId, p_person_id: w.person.otherOfficer }],
    events: ['delete pb_process_officers'],
  },
  {
    fn: 'pb_hide_proposal',
    call: () => [o(), { p_proposal_id: w.proposals[4], p_reason: 'Duplicate advert.' }],
    events: ['update pb_proposals'],
  },
  { fn: 'pb_unhide_proposal', call: () => [o(), { p_proposal_id: w.proposals[4] }], events: ['update pb_proposals'] },
  {
    fn: 'pb_merge_proposal',
    call: () => [o(), { p_proposal_id: w.proposals[5], p_into_id: w.proposals[4] }],
    events: ['update pb_proposals'],
  },
  {
    fn: 'pb_decide_feasibility',
    call: () => [o(), { p_proposal_id: w.proposals[4], p_feasible: true, p_checked_cost: 4000 }],
    events: ['update pb_proposals'],
  },
  { fn: 'pb_set_shortlisted', call: () => [o(), { p_proposal_id: w.proposals[4], p_shortlisted: true }], events: ['update pb_proposals'] },
  {
    fn: 'pb_issue_codes',
    call: () => [o(), { p_process_id: w.processId, p_label: 'Two more', p_count: 2 }],
    events: ['insert pb_code_batches', 'insert pb_voting_codes', 'insert pb_voting_codes'],
  },
  {
    fn: 'pb_add_station',
    call: () => [o(), { p_process_id: w.processId, p_name: 'Cowley Library' }],
    events: ['insert pb_polling_stations'],
    save: 'station',
  },
  {
    fn: 'pb_rename_station',
    call: () => [o(), { p_station_id: ctx.station.id, p_name: 'Cowley Branch Library' }],
    events: ['update pb_polling_stations'],
  },
  { fn: 'pb_move_phase', call: () => [o(), { p_process_id: w.processId, p_to: 'voting' }], events: ['update pb_processes'] },
  {
    fn: 'pb_enter_paper_ballot',
    call: () => [o(), { p_process_id: w.processId, p_station_id: ctx.station.id, p_code: w.codes[0], p_proposal_ids: [w.proposals[4]] }],
    events: ['insert pb_ballots', 'insert pb_voters', 'update pb_voting_codes'],
  },
  {
    fn: 'pb_audit_trail',
    call: () => [w.actors.scrutiny, { p_process_id: w.processId, p_limit: 10 }],
    events: ['read read_records'],
    role: 'scrutiny',
  },
];

const quiet: Array<[string, () => [Actor, Record<string, unknown>]]> = [
  ['pb_officer_process', () => [o(), { p_process_id: w.processId }]],
  ['pb_my_processes', () => [o(), {}]],
  ['pb_officer_proposals', () => [o(), { p_process_id: w.processId, p_status: 'shortlisted' }]],
  ['pb_code_batches', () => [o(), { p_process_id: w.processId }]],
  ['pb_stations', () => [o(), { p_process_id: w.processId }]],
  ['pb_turnout', () => [o(), { p_process_id: w.processId }]],
];

describe('every officers’ write leaves its audit events, in the same call', () => {
  for (const { fn, call, events: expected, role, save } of steps) {
    it(`${fn}: ${expected.join(', ')}`, async () => {
      const [actor, args] = call();
      const before = await chainHead(db);
      const data = await ok(db, actor, fn, args);
      if (save) ctx[save] = data;
      const events = await eventsSince(db, before);
      expect(events.map((e) => `${e.action} ${e.table_name}`)).toEqual(expected);
      for (const e of events) {
        expect(e.actor, 'who').toBe(actor.sub);
        expect(e.actor_role, 'in what capacity').toBe(role ?? 'pb_officer');
      }
    });
  }

  for (const [fn, call] of quiet) {
    it(`${fn} only reads: no event`, async () => {
      const [actor, args] = call();
      const before = await chainHead(db);
      await ok(db, actor, fn, args);
      expect(await chainHead(db)).toBe(before);
    });
  }

  it('covers every function of the officers’ migrations', async () => {
    const files = [
      '20261204000200_pb_functions_process.sql',
      '20261204000210_pb_functions_moderation.sql',
      '20261204000220_pb_functions_voting_admin.sql',
    ];
    const sql = (await Promise.all(files.map((f) => readFile(`supabase/migrations/${f}`, 'utf8')))).join('\n');
    const defined = [...sql.matchAll(/create function api\.(pb_\w+)\(/g)].map((m) => m[1]).sort();
    expect([...steps.map((s) => s.fn), ...quiet.map(([fn]) => fn)].sort()).toEqual(defined);
  });
});
