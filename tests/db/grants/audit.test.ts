// The audit trail: every write through the api leaves exactly one event per row it changes (and
// none when nothing changes), every read of confidential data leaves a read record, events can
// be neither changed nor deleted, and the hash chain points at the first event tampered with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import type { Actor } from '../../support/db.ts';
import { openTestDatabase, signedIn } from '../../support/db.ts';
import { chainHead, eventsSince, ok, refused, seeded } from './support.ts';
import { application, buildWorld, fullScores, type World } from './world.ts';

let db: Database;
let w: World;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db, 'scoring');
});
afterAll(() => db.close());

const officer = seeded('officer');
const ctx: Record<string, any> = {};
/** The round's spare member, who has not yet accepted or declared anything. */
const spare = (): Actor => signedIn(w.person.spareMember!);
type Step = [label: string, call: () => [Actor, string, Record<string, unknown>], expected: string[], save?: string];

// Each step: who calls what, and the events it must leave ("action table"), in order.
const steps: Step[] = [
  ['create a fund', () => [officer, 'create_fund', { p_slug: `audit-${w.tag.toLowerCase()}`, p_name: 'Audit fund', p_budget: 10 }], ['insert funds'], 'fund'],
  ['change it', () => [officer, 'update_fund', { p_fund_id: ctx.fund.id, p_budget: 20 }], ['update funds']],
  ['create a round with its own agreement', () => [officer, 'create_round', { p_fund_id: ctx.fund.id, p_title: 'Audit round', p_reference_prefix: `${w.tag}A`, p_agreement_text: 'Keep it to yourself.' }], ['insert rounds'], 'round'],
  ['add a criterion', () => [officer, 'add_criterion', { p_round_id: ctx.round.id, p_title: 'Need', p_weight: 1, p_maximum: 1, p_descriptors: ['No', 'Yes'] }], ['insert criteria'], 'criterion'],
  ['change it', () => [officer, 'update_criterion', { p_criterion_id: ctx.criterion.id, p_title: 'Need and reach' }], ['update criteria']],
  ['add an application: the pack and, apart, the contact', () => [officer, 'add_application', { p_round_id: ctx.round.id, p_application: application(8) }], ['insert applications', 'insert application_contacts'], 'application'],
  ['write its summary', () => [officer, 'write_application_summary', { p_application_id: ctx.application.id, p_summary: 'In short.' }], ['update applications']],
  ['add a panel member', () => [officer, 'add_panel_member', { p_round_id: ctx.round.id, p_person_id: w.person.stranger, p_seat: 'community' }], ['insert panel_members'], 'member'],
  ['remove them (kept, marked removed)', () => [officer, 'remove_panel_member', { p_member_id: ctx.member.id, p_reason: 'Changed their mind.' }], ['update panel_members']],
  ['add a reviewer', () => [officer, 'add_reviewer', { p_round_id: ctx.round.id, p_person_id: w.person.stranger }], ['insert reviewers']],
  ['remove the reviewer', () => [officer, 'remove_reviewer', { p_round_id: ctx.round.id, p_person_id: w.person.stranger }], ['delete reviewers']],
  ['remove the criterion', () => [officer, 'remove_criterion', { p_criterion_id: ctx.criterion.id }], ['delete criteria']],
  ['move the round on', () => [officer, 'move_round', { p_round_id: w.otherRoundId, p_to: 'panel', p_force_reason: 'Moving on.' }], ['update rounds']],
  ['accept an agreement already accepted', () => [w.actors.community, 'accept_confidentiality', { p_round_id: w.roundId }], []],
  ['accept an agreement', () => [spare(), 'accept_confidentiality', { p_round_id: w.roundId }], ['insert confidentiality_acceptances']],
  ['declare no conflict', () => [spare(), 'declare_interest', { p_application_id: w.apps[0], p_has_conflict: false }], ['insert conflict_declarations']],
  ['declare the same again', () => [spare(), 'declare_interest', { p_application_id: w.apps[0], p_has_conflict: false }], []],
  ['save two draft scores', () => [w.actors.community, 'save_draft_scores', { p_application_id: w.apps[1], p_scores: fullScores(w).slice(0, 2) }], ['insert scores', 'insert scores']],
  ['save them again unchanged', () => [w.actors.community, 'save_draft_scores', { p_application_id: w.apps[1], p_scores: fullScores(w).slice(0, 2) }], []],
  ['submit with the last score', () => [w.actors.community, 'submit_scores', { p_application_id: w.apps[1], p_scores: fullScores(w).slice(2) }], ['insert scores', 'insert score_submissions']],
  ['ask to reopen', () => [w.actors.community, 'request_score_reopen', { p_application_id: w.apps[1], p_reason: 'A mistake.' }], ['update score_submissions']],
  ['grant the reopen', () => [w.actors.chair, 'grant_score_reopen', { p_member_id: w.member.community, p_application_id: w.apps[1] }], ['update score_submissions']],
  ['change one score', () => [w.actors.community, 'save_draft_scores', { p_application_id: w.apps[1], p_scores: [{ criterion_id: w.criteria[0]!.id, score: 4 }] }], ['update scores']],
  ['open a pack', () => [w.actors.community, 'open_application_pack', { p_application_id: w.apps[1] }], ['read read_records']],
  ['read contact details', () => [officer, 'officer_application', { p_application_id: w.apps[1] }], ['read read_records']],
  ['read the audit trail', () => [seeded('scrutiny'), 'audit_trail', { p_limit: 1 }], ['read read_records']],
  ['check the chain (not confidential: no record)', () => [seeded('scrutiny'), 'verify_audit_chain', {}], []],
  ['move to the panel', () => [officer, 'move_round', { p_round_id: w.roundId, p_to: 'panel', p_force_reason: 'Panel day.' }], ['update rounds']],
  ['vote', () => [w.actors.councillor, 'cast_panel_vote', { p_application_id: w.apps[0], p_vote: 'award' }], ['insert panel_votes']],
  ['declare a conflict at the panel: the vote goes too', () => [w.actors.councillor, 'declare_interest', { p_application_id: w.apps[0], p_has_conflict: true, p_reason: 'I have just realised my son works there.' }], ['update conflict_declarations', 'delete panel_votes']],
  ['read the results', () => [w.actors.chair, 'round_results', { p_round_id: w.roundId }], ['read read_records']],
  ['export the report', () => [w.actors.clerk, 'export_round_report', { p_round_id: w.roundId }], ['export read_records']],
  ['record a recommendation', () => [w.actors.clerk, 'record_recommendation', { p_application_id: w.apps[0], p_outcome: 'not_award', p_reasons: 'Not yet ready.', p_how_agreed: 'consensus' }], ['insert recommendations']],
  ['change it', () => [officer, 'record_recommendation', { p_application_id: w.apps[0], p_outcome: 'award', p_amount: 100, p_reasons: 'On reflection, ready.', p_how_agreed: 'majority vote' }], ['update recommendations']],
];

describe('every write leaves exactly one audit event per row, in the same call', () => {
  for (const [label, call, expected, save] of steps) {
    it(`${label}: ${expected.join(', ') || 'no event'}`, async () => {
      const [actor, fn, args] = call();
      const before = await chainHead(db);
      const data = await ok(db, actor, fn, args);
      if (save) ctx[save] = data;
      const events = await eventsSince(db, before);
      expect(events.map((e) => `${e.action} ${e.table_name}`)).toEqual(expected);
      for (const e of events) {
        expect(e.actor, 'who').toBe(actor.sub);
        expect(e.row_id, 'which row').toBeTruthy();
        expect(e.old_values === null, 'old values only for updates and deletes').toBe(e.action === 'insert' || e.action === 'read' || e.action === 'export');
        expect(e.new_values === null, 'new values except for deletes').toBe(e.action === 'delete');
      }
    });
  }

  it('marks the capacity the caller acted in', async () => {
    const roles = await db.query<{ actor_role: string }>(
      `select actor_role from private.audit_events where actor = $1 and table_name = 'score_submissions' order by id`, [w.person.chair]);
    expect(roles.map((r) => r.actor_role)).toContain('chair');
  });
});

describe('reads of confidential data', () => {
  it('each pack opened leaves a read record with who and what; a refused one leaves none', async () => {
    const before = await db.query('select id from private.read_records');
    for (let i = 0; i < 3; i++) await ok(db, w.actors.chair, 'open_application_pack', { p_application_id: w.apps[2] });
    await refused(db, w.actors.conflicted, 'open_application_pack', { p_application_id: w.apps[2] }, 403, 'PT403');
    const after = await db.query<{ person_id: string; application_id: string; kind: string; what: string }>(
      'select person_id, application_id, kind, what from private.read_records where id > $1 order by id', [before.length ? Math.max(...before.map((r) => Number(r.id))) : 0]);
    expect(after).toEqual(Array(3).fill({ person_id: w.person.chair, application_id: w.apps[2], kind: 'read', what: 'application pack' }));
  });
});

describe('audit events cannot be changed', () => {
  it.each([
    ['update', `update private.audit_events set actor_role = 'nobody' where id = (select min(id) from private.audit_events)`],
    ['delete', 'delete from private.audit_events where id = (select max(id) from private.audit_events)'],
    ['truncate', 'truncate private.audit_events'],
    ['update of a read record', `update private.read_records set what = 'nothing'`],
    ['truncate of an audited table', 'truncate private.scores cascade'],
  ])('refuses an %s, even by the table owner', async (_label, sql) => {
    await expect(db.query(sql)).rejects.toMatchObject({ code: 'PT403' });
  });
});

describe('the chain check finds tampering that got round the triggers', () => {
  const asOwnerWithoutTriggers = (sql: string, params: unknown[] = []) => db.transaction(async (tx) => {
    await tx.exec('alter table private.audit_events disable trigger audit_events_append_only');
    await tx.query(sql, params);
    await tx.exec('alter table private.audit_events enable trigger audit_events_append_only');
  });
  const verify = () => ok(db, seeded('scrutiny'), 'verify_audit_chain');
  let target: { id: string; new_values: unknown; hash: string };

  beforeAll(async () => {
    expect(await verify()).toMatchObject({ intact: true });
    [target] = (await db.query<typeof target>(
      `select id, new_values, hash from private.audit_events where table_name = 'scores' order by id limit 1 offset 10`)) as [typeof target];
  });

  it('a direct update of an event is found at that event; undoing it makes the chain whole again', async () => {
    await asOwnerWithoutTriggers(`update private.audit_events set new_values = jsonb_set(new_values, '{score}', '0') where id = $1`, [target.id]);
    expect(await verify()).toMatchObject({ intact: false, first_broken_event: Number(target.id), reason: expect.stringMatching(/changed after it was written/) });
    await asOwnerWithoutTriggers('update private.audit_events set new_values = $2 where id = $1', [target.id, target.new_values]);
    expect(await verify()).toMatchObject({ intact: true });
  });

  it('an update that also rewrites the hash is found at the next event', async () => {
    await asOwnerWithoutTriggers(
      `update private.audit_events e set new_values = '{}', hash = private.audit_event_hash(e.prev_hash, e.id, e.at, e.actor, e.actor_role,
         e.action, e.table_name, e.row_id, e.old_values, '{}', e.details) where id = $1`, [target.id]);
    const [next] = await db.query<{ id: string }>('select min(id) as id from private.audit_events where id > $1', [target.id]);
    expect(await verify()).toMatchObject({ intact: false, first_broken_event: Number(next!.id), reason: expect.stringMatching(/does not follow on/) });
    await asOwnerWithoutTriggers('update private.audit_events set new_values = $2, hash = $3 where id = $1', [target.id, target.new_values, target.hash]);
    expect(await verify()).toMatchObject({ intact: true });
  });

  it('a deleted event is found at the one after it, and a deleted last event by the chain head', async () => {
    await asOwnerWithoutTriggers('delete from private.audit_events where id = $1', [target.id]);
    const [next] = await db.query<{ id: string }>('select min(id) as id from private.audit_events where id > $1', [target.id]);
    expect(await verify()).toMatchObject({ intact: false, first_broken_event: Number(next!.id) });
    const head = await chainHead(db);
    await asOwnerWithoutTriggers('delete from private.audit_events where id = $1', [head]);
    const result = await verify();
    expect(result).toMatchObject({ intact: false });
    expect(result.first_broken_event).toBe(Number(next!.id));
  });
});
