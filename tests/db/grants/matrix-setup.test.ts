// Access matrix, part 1: officers' set-up functions, the lists everyone has, the audit trail.
// The round is at `closed`, as it is while officers prepare it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';
import { BEFORE_REVIEW, DENY, MATRIX_FUNCTIONS, NO_GRANT, officerOnly, outcomes, runMatrix, type MatrixRow } from './matrix.ts';
import { NOT_GRANTS_FUNCTIONS } from './support.ts';
import { application, buildWorld, type World } from './world.ts';

let db: Database;
let world: World;
beforeAll(async () => {
  db = await openTestDatabase();
  world = await buildWorld(db, 'closed');
});
afterAll(() => db.close());

const rows: MatrixRow[] = [
  {
    fn: 'create_fund',
    args: (w) => ({ p_slug: `made-${w.tag.toLowerCase()}`, p_name: 'Made in a test', p_budget: 1000 }),
    expect: officerOnly(),
    check: (d, _k, w) => expect(d).toMatchObject({ slug: `made-${w.tag.toLowerCase()}`, budget: 1000 }),
  },
  {
    fn: 'update_fund',
    args: (w) => ({ p_fund_id: w.fundId, p_name: 'Renamed fund' }),
    expect: officerOnly(),
    check: (d) => expect(d.name).toBe('Renamed fund'),
  },
  {
    fn: 'create_round',
    args: (w) => ({ p_fund_id: w.fundId, p_title: 'Made in a test', p_reference_prefix: `${w.tag}C` }),
    expect: officerOnly(),
    check: (d) => expect(d.state).toBe('draft'),
  },
  {
    fn: 'update_round',
    args: (w) => ({ p_round_id: w.roundId, p_title: 'Renamed round' }),
    expect: officerOnly(),
    check: (d) => expect(d.title).toBe('Renamed round'),
  },
  {
    fn: 'add_criterion',
    args: (w) => ({ p_round_id: w.roundId, p_title: 'Extra', p_weight: 5, p_maximum: 2, p_descriptors: ['None', 'Some', 'All'] }),
    expect: officerOnly(),
    check: (d) => expect(d).toMatchObject({ title: 'Extra', maximum: 2 }),
  },
  {
    fn: 'update_criterion',
    args: (w) => ({ p_criterion_id: w.criteria[0]!.id, p_guidance: 'Clearer guidance.' }),
    expect: officerOnly(),
    check: (d) => expect(d.guidance).toBe('Clearer guidance.'),
  },
  {
    fn: 'remove_criterion',
    args: (w) => ({ p_criterion_id: w.spareCriterionId }),
    expect: officerOnly(),
    check: (d, _k, w) => expect(d.removed).toBe(w.spareCriterionId),
  },
  {
    fn: 'list_funds',
    args: () => ({}),
    expect: outcomes(200, { anonymous: 200 }),
    check: (d) => expect(d.map((f: { name: string }) => f.name)).toContain('Innovation Fund'),
  },
  {
    fn: 'add_application',
    args: (w) => ({ p_round_id: w.roundId, p_application: application(7) }),
    expect: officerOnly(),
    check: (d, _k, w) => expect(d.reference).toBe(`${w.tag}-007`),
  },
  {
    fn: 'write_application_summary',
    args: (w) => ({ p_application_id: w.apps[0], p_summary: 'A new summary.' }),
    expect: officerOnly(),
    check: (d) => expect(d.summary).toBe('A new summary.'),
  },
  {
    fn: 'officer_application',
    args: (w) => ({ p_application_id: w.apps[0] }),
    expect: officerOnly(),
    check: (d) => expect(d.contact).toMatchObject({ contact_name: 'Contact 1', email: 'contact-1@example.org', phone: '01865 000901' }),
  },
  {
    fn: 'round_applications',
    args: (w) => ({ p_round_id: w.roundId }),
    expect: officerOnly(),
    check: (d) => {
      expect(d).toHaveLength(7);
      expect(JSON.stringify(d)).not.toMatch(/contact-\d@example\.org|01865/);
    },
  },
  { fn: 'list_people', args: (w) => ({ p_search: w.tag.toLowerCase() }), expect: officerOnly(), check: (d) => expect(d.length).toBe(12) },
  {
    fn: 'add_panel_member',
    args: (w) => ({ p_round_id: w.roundId, p_person_id: w.person.spare, p_seat: 'councillor', p_background: 'Green' }),
    expect: officerOnly(),
    check: (d) => expect(d).toMatchObject({ seat: 'councillor', role: 'member' }),
  },
  {
    fn: 'remove_panel_member',
    args: (w) => ({ p_member_id: w.member.spare, p_reason: 'Moved out of the county.' }),
    expect: officerOnly(),
    check: (d) => expect(d.removed_at).toBeTruthy(),
  },
  {
    fn: 'add_reviewer',
    args: (w) => ({ p_round_id: w.roundId, p_person_id: w.person.spare }),
    expect: officerOnly(),
    check: (d, _k, w) => expect(d.person_id).toBe(w.person.spare),
  },
  {
    fn: 'remove_reviewer',
    args: (w) => ({ p_round_id: w.roundId, p_person_id: w.person.spareReviewer }),
    expect: officerOnly(),
    check: (d) => expect(d.removed).toBe(true),
  },
  {
    fn: 'my_rounds',
    args: () => ({}),
    expect: outcomes(200),
    check: (d, kind, w) => {
      const ids = d.map((r: { round_id: string }) => r.round_id);
      // A reviewing councillor sees the round only once the panel has recommended (reviewers.test.ts).
      if (['stranger', 'applicant', 'scrutiny', 'reviewer'].includes(kind)) expect(d).toEqual([]);
      else if (kind === 'otherRound') expect(ids).toEqual([w.otherRoundId]);
      else expect(ids).toContain(w.roundId);
    },
  },
  {
    fn: 'my_access',
    args: () => ({}),
    expect: outcomes(200),
    check: (d, kind) => expect(d).toEqual({ is_officer: kind === 'officer', is_scrutiny: kind === 'scrutiny' }),
  },
  {
    fn: 'get_round',
    args: (w) => ({ p_round_id: w.roundId }),
    expect: outcomes(200, BEFORE_REVIEW),
    check: (d, kind) => {
      expect(d.criteria.length).toBeGreaterThan(0);
      // Only officers see who else is on the panel.
      expect('members' in d).toBe(kind === 'officer');
    },
  },
  {
    fn: 'audit_trail',
    args: () => ({ p_table: 'funds', p_limit: 5 }),
    expect: outcomes(DENY, { officer: 200, scrutiny: 200 }),
    check: (d) => {
      expect(d.events).toHaveLength(5);
      for (const e of d.events) expect(e.table_name).toBe('funds');
    },
  },
  {
    fn: 'audit_filter_choices',
    args: () => ({}),
    expect: outcomes(DENY, { officer: 200, scrutiny: 200 }),
    check: (d, _k, w) => {
      // Names and ids only: the people list must not carry email addresses as list_people does.
      expect(d.people.find((p: { id: string }) => p.id === w.person.chair)).toEqual({
        id: w.person.chair,
        display_name: expect.any(String),
      });
      expect(JSON.stringify(d.people)).not.toContain('@');
      expect(d.applications.find((a: { id: string }) => a.id === w.apps[0])).toMatchObject({
        reference: `${w.tag}-001`,
        project_title: 'Project 1',
      });
    },
  },
  {
    fn: 'verify_audit_chain',
    args: () => ({}),
    expect: outcomes(DENY, { officer: 200, scrutiny: 200 }),
    check: (d) => expect(d.intact).toBe(true),
  },
  // The audit checkpoint signer's and verifier's functions: the service role only, nobody signed in.
  { fn: 'audit_checkpoint_heads', args: () => ({}), expect: outcomes(NO_GRANT) },
  { fn: 'record_audit_checkpoint', args: () => ({ p_statement: '{}', p_signature: 'x', p_key_id: 'x' }), expect: outcomes(NO_GRANT) },
  { fn: 'audit_chain_export', args: () => ({}), expect: outcomes(NO_GRANT) },
  {
    fn: 'remind_unsent_drafts',
    // The other round is being scored (this file's round is still closed).
    args: (w) => ({ p_round_id: w.otherRoundId }),
    expect: officerOnly(),
    check: (d) => expect(Array.isArray(d.unsent)).toBe(true),
  },
  {
    fn: 'move_round',
    args: (w) => ({ p_round_id: w.otherRoundId, p_to: 'panel', p_force_reason: 'The last member is ill; the panel meets anyway.' }),
    expect: officerOnly(),
    check: (d) => expect(d).toMatchObject({ from: 'scoring', to: 'panel', forced: true }),
  },
];

runMatrix({ db: () => db, world: () => world }, rows);

describe('the matrix', () => {
  it('covers every grants function in the api schema, across its three files', async () => {
    expect(rows.map((r) => r.fn).sort()).toEqual([...MATRIX_FUNCTIONS.setup].sort());
    const inApi = await db.query<{ name: string }>(
      `select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'api' and p.proname <> 'whoami' and p.proname not like 'pb\\_%' and p.proname not like 'apply\\_%' and p.proname not like 'festival\\_%' and p.proname not in (select unnest($1::text[]))`,
      [NOT_GRANTS_FUNCTIONS],
    );
    // Online applications' functions (apply_*) are covered in online-applications.test.ts.
    // Participatory budgeting's functions (pb_*) have their own matrix in tests/db/pb, the
    // festival's (festival_*) in tests/db/festival.
    // The notifications outbox's functions (the sender's, service role only) are tested in tests/db/notifications*,
    // project updates' in tests/db/project-updates, finding a fund's in tests/db/grants/eligibility.test.ts,
    // the tree's and the moderation queue's in tests/db/moderation.
    const covered = Object.values(MATRIX_FUNCTIONS).flat();
    expect(inApi.map((r) => r.name).sort()).toEqual([...covered].sort());
  });
});
