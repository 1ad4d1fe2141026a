// Confidentiality, on the seeded rounds: the agreement comes before any application, a
// declaration before any pack, a conflict hides the pack and keeps the member out of scores,
// votes and results, and applicants' contact details reach officers only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';
import { applicationId, memberId, ok, refused, ROUNDS, SEEDED, seeded } from './support.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

describe('the confidentiality agreement comes first', () => {
  it('a member who has not accepted it can read it, but no application', async () => {
    const round = await ok(db, seeded('member2'), 'get_round', { p_round_id: ROUNDS.innovation });
    expect(round.agreement_text).toMatch(/confidential/);
    expect(round.my_membership).toMatchObject({ role: 'member', seat: 'community', accepted_at: null });
    const app = await applicationId(db, 'INN26-001');
    await refused(db, seeded('member2'), 'my_applications', { p_round_id: ROUNDS.innovation }, 403, 'PT403');
    await refused(db, seeded('member2'), 'declare_interest', { p_application_id: app, p_has_conflict: false }, 403, 'PT403');
    await refused(db, seeded('member2'), 'open_application_pack', { p_application_id: app }, 403, 'PT403');
  });

  it('once accepted, the applications are listed', async () => {
    await ok(db, seeded('member2'), 'accept_confidentiality', { p_round_id: ROUNDS.innovation });
    const apps = await ok(db, seeded('member2'), 'my_applications', { p_round_id: ROUNDS.innovation });
    expect(apps).toHaveLength(12);
    expect(apps.every((a: { status: string }) => a.status === 'not started')).toBe(true);
  });

  it('the chair and clerk, too, see nothing before accepting', async () => {
    await db.query(`delete from private.confidentiality_acceptances where member_id = $1`, [
      await memberId(db, ROUNDS.sustainability, SEEDED.clerk),
    ]);
    await refused(db, seeded('clerk'), 'round_progress', { p_round_id: ROUNDS.sustainability }, 403, 'PT403');
    await refused(db, seeded('clerk'), 'round_results', { p_round_id: ROUNDS.sustainability }, 403, 'PT403');
    await ok(db, seeded('clerk'), 'accept_confidentiality', { p_round_id: ROUNDS.sustainability });
    expect(await ok(db, seeded('clerk'), 'round_progress', { p_round_id: ROUNDS.sustainability })).toHaveProperty('members');
  });
});

describe('a declaration comes before the pack, and a conflict hides it', () => {
  it('an application not yet declared cannot be opened; after "no conflict" it can', async () => {
    const app = await applicationId(db, 'INN26-011');
    const r = await refused(db, seeded('member'), 'open_application_pack', { p_application_id: app }, 403, 'PT403');
    expect(r.refusal.key).toBe('conflict_not_declared');
    await ok(db, seeded('member'), 'declare_interest', { p_application_id: app, p_has_conflict: false });
    expect(await ok(db, seeded('member'), 'open_application_pack', { p_application_id: app })).toMatchObject({ reference: 'INN26-011' });
  });

  it('a declared conflict hides the pack and blocks scoring, and cannot be taken back', async () => {
    const app = await applicationId(db, 'INN26-010');
    await refused(db, seeded('member'), 'open_application_pack', { p_application_id: app }, 403, 'PT403');
    await refused(db, seeded('member'), 'save_draft_scores', { p_application_id: app, p_scores: [] }, 403, 'PT403');
    await refused(db, seeded('member'), 'declare_interest', { p_application_id: app, p_has_conflict: false }, 409, 'PT409');
  });

  it('a conflict needs a reason, and declaring one later closes a pack that was open', async () => {
    const app = await applicationId(db, 'INN26-009');
    await refused(db, seeded('member'), 'declare_interest', { p_application_id: app, p_has_conflict: true, p_reason: ' ' }, 400, 'P0001');
    expect(await ok(db, seeded('member'), 'open_application_pack', { p_application_id: app })).toMatchObject({ reference: 'INN26-009' });
    await ok(db, seeded('member'), 'declare_interest', {
      p_application_id: app,
      p_has_conflict: true,
      p_reason: 'My neighbour is the treasurer.',
    });
    await refused(db, seeded('member'), 'open_application_pack', { p_application_id: app }, 403, 'PT403');
    const conflicts = await ok(db, seeded('chair'), 'round_conflicts', { p_round_id: ROUNDS.innovation });
    expect(conflicts.map((c: { reference: string }) => c.reference)).toEqual(['INN26-009', 'INN26-010']);
  });

  it("a conflict declared on the panel day withdraws the member's vote", async () => {
    const app = await applicationId(db, 'SUS26-001');
    const votes = async () =>
      (await ok(db, seeded('officer'), 'round_results', { p_round_id: ROUNDS.sustainability })).applications.find(
        (a: { reference: string }) => a.reference === 'SUS26-001',
      ).votes;
    expect(await votes()).toEqual({ award: 9 });
    await ok(db, seeded('chair'), 'declare_interest', {
      p_application_id: app,
      p_has_conflict: true,
      p_reason: 'My father now goes there.',
    });
    expect(await votes()).toEqual({ award: 8 });
    await refused(db, seeded('chair'), 'cast_panel_vote', { p_application_id: app, p_vote: 'award' }, 403, 'PT403');
  });

  it('a conflicted member is left out of the results for that application, and sees none of it', async () => {
    const all = await ok(db, seeded('officer'), 'round_results', { p_round_id: ROUNDS.sustainability });
    const farm = all.applications.find((a: { reference: string }) => a.reference === 'SUS26-007');
    expect(farm).toMatchObject({ members_scored: 8, conflicts: 1 });
    expect(farm.per_member.map((m: { member_id: string }) => m.member_id)).not.toContain(
      await memberId(db, ROUNDS.sustainability, SEEDED.kwame),
    );
    const kwame = { role: 'authenticated' as const, sub: SEEDED.kwame };
    const theirs = await ok(db, kwame, 'round_results', { p_round_id: ROUNDS.sustainability });
    expect(theirs.applications.find((a: { reference: string }) => a.reference === 'SUS26-007')).toEqual({
      application_id: farm.application_id,
      reference: 'SUS26-007',
      organisation_name: farm.organisation_name,
      project_title: farm.project_title,
      conflict_declared: true,
    });
  });
});

describe("applicants' contact details", () => {
  let contacts: string[];
  beforeAll(async () => {
    const rows = await db.query<{ contact_name: string; email: string; phone: string }>(
      'select contact_name, email, phone from private.application_contacts',
    );
    contacts = rows.flatMap((r) => [r.contact_name, r.email, r.phone]);
  });
  const leaks = (data: unknown) => contacts.filter((c) => JSON.stringify(data).includes(c));

  it('never appear in a pack, a list, the results or the export', async () => {
    for (const ref of ['INN26-001', 'INN26-003', 'INN26-007']) {
      expect(leaks(await ok(db, seeded('member'), 'open_application_pack', { p_application_id: await applicationId(db, ref) }))).toEqual(
        [],
      );
      expect(leaks(await ok(db, seeded('officer'), 'open_application_pack', { p_application_id: await applicationId(db, ref) }))).toEqual(
        [],
      );
    }
    expect(leaks(await ok(db, seeded('member'), 'my_applications', { p_round_id: ROUNDS.innovation }))).toEqual([]);
    expect(leaks(await ok(db, seeded('officer'), 'round_applications', { p_round_id: ROUNDS.youth }))).toEqual([]);
    expect(leaks(await ok(db, seeded('clerk'), 'export_round_report', { p_round_id: ROUNDS.youth }))).toEqual([]);
    expect(leaks(await ok(db, seeded('councillor'), 'review_recommendations', { p_round_id: ROUNDS.youth }))).toEqual([]);
  });

  it('are shown to officers, and each look is recorded', async () => {
    const app = await applicationId(db, 'INN26-004');
    const full = await ok(db, seeded('officer'), 'officer_application', { p_application_id: app });
    expect(full.contact).toMatchObject({ email: 'didcot-deaf-club@example.org', phone: '01865 000104' });
    const [record] = await db.query(
      'select person_id, kind, what from private.read_records where application_id = $1 order by id desc limit 1',
      [app],
    );
    expect(record).toEqual({ person_id: SEEDED.officer, kind: 'read', what: 'application with contact details' });
  });

  it('are redacted from the audit trail for scrutiny, not for officers', async () => {
    const args = { p_table: 'application_contacts', p_limit: 50 };
    const forScrutiny = await ok(db, seeded('scrutiny'), 'audit_trail', args);
    expect(forScrutiny.events.length).toBeGreaterThan(30);
    expect(leaks(forScrutiny)).toEqual([]);
    expect(forScrutiny.events[0].new_values).toMatchObject({ redacted: true });
    const forOfficer = await ok(db, seeded('officer'), 'audit_trail', args);
    expect(leaks(forOfficer).length).toBeGreaterThan(0);
  });

  it('the audit trail pages through events newest first', async () => {
    const first = await ok(db, seeded('scrutiny'), 'audit_trail', { p_limit: 10 });
    const second = await ok(db, seeded('scrutiny'), 'audit_trail', { p_limit: 10, p_before_id: first.next_before_id });
    expect(second.events[0].id).toBeLessThan(first.events[9].id);
    await refused(db, seeded('scrutiny'), 'audit_trail', { p_limit: 1000 }, 400, 'P0001');
  });
});
