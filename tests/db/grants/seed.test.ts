// The grants demo data in supabase/seed.sql: what it contains, that the demo accounts can sign
// in, and that the seed, though written straight into the tables, left an intact audit chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyApplication } from '../../../src/lib/api/member.ts';
import type { Recommendation, ReviewRecommendations } from '../../../src/lib/api/review.ts';
import type { PanelMember, Round } from '../../../src/lib/api/rounds.ts';
import { demoAccounts, DEMO_PASSWORD } from '../../../supabase/demo-accounts.ts';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';
import { ok, ROUNDS, seeded } from './support.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

describe('the grants seed', () => {
  it('has the three funds with their budgets', async () => {
    const funds = await ok<{ slug: string; name: string; budget: number; budget_period: string }[]>(db, seeded('resident'), 'list_funds');
    expect(funds.map((f) => [f.name, Number(f.budget), f.budget_period]).sort()).toEqual([
      ['Innovation Fund', 100000, 'a year'],
      ['Sustainability Fund', 250000, 'a year'],
      ['Youth Opportunities Fund', 1000000, 'over two years'],
    ]);
  });

  it('has one round per fund, at scoring, panel and decided', async () => {
    const rounds = await ok<{ round_id: string; state: string; fund: { slug: string } }[]>(db, seeded('officer'), 'my_rounds');
    expect(Object.fromEntries(rounds.map((r) => [r.fund.slug, r.state]))).toEqual({
      'innovation-fund': 'scoring',
      'sustainability-fund': 'panel',
      'youth-opportunities-fund': 'decided',
    });
  });

  it('has 10 to 15 applications per round, with invented but well-formed numbers and contact details', async () => {
    const rows = await db.query<{ round_id: string; n: number }>(
      'select round_id, count(*)::int as n from private.applications group by round_id',
    );
    for (const row of rows) {
      expect(row.n).toBeGreaterThanOrEqual(10);
      expect(row.n).toBeLessThanOrEqual(15);
    }
    const apps = await db.query<{
      charity_number: string | null;
      company_number: string | null;
      email: string;
      phone: string;
      summary: string | null;
    }>(
      'select a.charity_number, a.company_number, c.email, c.phone, a.summary from private.applications a join private.application_contacts c on c.application_id = a.id',
    );
    for (const a of apps) {
      if (a.charity_number) expect(a.charity_number).toMatch(/^\d{7}$/);
      if (a.company_number) expect(a.company_number).toMatch(/^[A-Z0-9]{8}$/);
      expect(a.email).toMatch(/@example\.org$/);
      expect(a.phone).toMatch(/^01865 000\d{3}$/);
      expect(a.summary).toBeTruthy();
    }
  });

  it('has 4 to 6 criteria per round, each with guidance and a descriptor for every score', async () => {
    for (const roundId of Object.values(ROUNDS)) {
      const round = await ok(db, seeded('officer'), 'get_round', { p_round_id: roundId });
      expect(round.criteria.length).toBeGreaterThanOrEqual(4);
      expect(round.criteria.length).toBeLessThanOrEqual(6);
      for (const c of round.criteria) {
        expect(c.guidance.length).toBeGreaterThan(20);
        expect(c.descriptors).toHaveLength(c.maximum + 1);
      }
    }
  });

  it('seats four community members and four councillors, a chair with a seat of their own and a clerk on each panel', async () => {
    for (const roundId of Object.values(ROUNDS)) {
      // An officer's view of the round lists its members.
      const members = (await ok<Round>(db, seeded('officer'), 'get_round', { p_round_id: roundId })).members!;
      const count = (f: (m: PanelMember) => boolean) => members.filter(f).length;
      expect(members).toHaveLength(10);
      expect(count((m) => m.role === 'member' && m.seat === 'community')).toBe(4);
      expect(count((m) => m.role === 'member' && m.seat === 'councillor')).toBe(4);
      expect(count((m) => m.role === 'chair' && m.seat !== null)).toBe(1);
      expect(count((m) => m.role === 'clerk' && m.seat === null)).toBe(1);
      expect(count((m) => m.removed_at !== null)).toBe(0);
      // Ten different people.
      expect(new Set(members.map((m) => m.person_id)).size).toBe(10);
    }
  });

  it('has a conflict declared, a reopened score and a pending reopen request', async () => {
    const [row] = await db.query<{ conflicts: number; reopened: number; pending: number }>(
      `select (select count(*)::int from private.conflict_declarations where has_conflict) as conflicts,
              (select count(*)::int from private.score_submissions where reopen_count > 0 and submitted_at is null) as reopened,
              (select count(*)::int from private.score_submissions where reopen_requested_at is not null) as pending`,
    );
    expect(row!.conflicts).toBeGreaterThanOrEqual(1);
    expect(row!.reopened).toBe(1);
    expect(row!.pending).toBe(1);
  });

  it('gives the demo member a mix of work to do in the scoring round', async () => {
    const apps = await ok<MyApplication[]>(db, seeded('member'), 'my_applications', { p_round_id: ROUNDS.innovation });
    const statuses = new Set(apps.map((a) => a.status));
    for (const s of ['submitted', 'draft', 'not started', 'conflict declared']) expect(statuses).toContain(s);
    expect(apps.some((a) => a.declaration === null)).toBe(true);
  });

  it('has a recommendation and a Cabinet decision for every application in the decided round', async () => {
    const report = await ok<ReviewRecommendations>(db, seeded('councillor'), 'review_recommendations', { p_round_id: ROUNDS.youth });
    expect(report.meetings).toHaveLength(5);
    // The councillor declared no conflicts in this round, so no row is hidden.
    const recommendations = report.recommendations as Recommendation[];
    for (const r of recommendations) {
      expect(r.outcome).toMatch(/^(award|not_award|award_with_conditions)$/);
      expect(r.cabinet_decision).toMatchObject({ decision: expect.any(String), minute_reference: expect.any(String) });
    }
    const awarded = recommendations.reduce((sum, r) => sum + Number(r.cabinet_decision?.amount ?? 0), 0);
    expect(awarded).toBeLessThanOrEqual(1_000_000);
  });
});

describe('the demo accounts', () => {
  it('exist with the demo password and an email identity, and only they have a password', async () => {
    const rows = await db.query<{ email: string; password_ok: boolean; identities: number }>(
      `select u.email, u.encrypted_password = extensions.crypt($1, u.encrypted_password) as password_ok,
              (select count(*)::int from auth.identities i where i.user_id = u.id) as identities
       from auth.users u where u.encrypted_password is not null order by u.email`,
      [DEMO_PASSWORD],
    );
    expect(rows.map((r) => r.email).sort()).toEqual(demoAccounts.map((a) => a.email).sort());
    for (const r of rows) expect(r, r.email).toMatchObject({ password_ok: true, identities: 1 });
  });

  it('officer and scrutiny get their powers from the people table', async () => {
    const rows = await db.query<{ email: string; is_officer: boolean; is_scrutiny: boolean }>(
      `select u.email, p.is_officer, p.is_scrutiny from private.people p join auth.users u on u.id = p.id where p.is_officer or p.is_scrutiny order by u.email`,
    );
    expect(rows).toEqual([
      { email: 'officer@example.org', is_officer: true, is_scrutiny: false },
      { email: 'scrutiny@example.org', is_officer: false, is_scrutiny: true },
    ]);
  });
});

describe('the seed and the audit trail', () => {
  it('leaves an intact hash chain, as an officer and scrutiny both see', async () => {
    const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from private.audit_events')) as [{ n: number }];
    for (const who of ['officer', 'scrutiny'] as const) {
      expect(await ok(db, seeded(who), 'verify_audit_chain')).toMatchObject({ intact: true, events: n });
    }
    expect(n).toBeGreaterThan(1000);
  });

  it('has an insert event for every row it wrote, marked as the seed', async () => {
    const rows = await db.query<{ table_name: string; events: number; rows: number }>(
      `select e.table_name, count(*)::int as events,
              (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from private.%I', e.table_name), false, true, '')))[1]::text::int as rows
       from private.audit_events e where e.action = 'insert' group by e.table_name order by 1`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(15);
    // An online ballot's event is its voter row's ("voted", never the choices): only paper
    // ballots, which name their station, have an event of their own.
    const [{ paper }] = (await db.query<{ paper: number }>(
      `select count(*)::int as paper from private.pb_ballots where channel = 'paper'`,
    )) as [{ paper: number }];
    // Email templates are written by the migrations, not the seed: each topic's file adds its own,
    // some after the templates table is audited, so their events count the later files' rows only.
    for (const r of rows.filter((row) => row.table_name !== 'email_templates')) {
      expect(r.events, r.table_name).toBe(r.table_name === 'pb_ballots' ? paper : r.rows);
    }
    const roles = await db.query<{ actor_role: string }>(`select distinct actor_role from private.audit_events`);
    expect(roles.map((r) => r.actor_role)).toContain('seed');
  });
});
