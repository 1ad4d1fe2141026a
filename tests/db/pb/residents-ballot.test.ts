// Proving eligibility and casting the one ballot: only while voting, only when eligible, only
// shortlisted proposals of this process, within limits and budget; 50 casts at once leave one
// ballot (the last); a code used on paper cannot vote online; a receipt shows only its own
// ballot; the audit trail records that someone voted, never what or the receipt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { anonymous, callAs, openTestDatabase } from '../../support/db.ts';
import { chainHead, keyOf, ok, refused } from './support.ts';
import { addCodes, addProposal, buildPbWorld, makeEligible, newResident, setPhase, type PbWorld } from './world.ts';

let db: Database;
let w: PbWorld;
beforeAll(async () => {
  db = await openTestDatabase();
  // Shortlist costs 4000, 3000, 2500, 1500 against a budget of 10000.
  w = await buildPbWorld(db, { phase: 'voting', maxProjects: 3 });
});
afterAll(() => db.close());

const cast = (ids: string[]) => ({ p_process_id: w.processId, p_proposal_ids: ids });
const s = (i: number) => w.shortlist[i]!.id;

describe('proving eligibility', () => {
  it('redeems a voting code once, marking it used online', async () => {
    const [code, spare] = await addCodes(db, w, 2);
    const me = await newResident(db);
    await refused(db, anonymous, 'pb_redeem_code', { p_process_id: w.processId, p_code: code }, 401, 'sign_in_needed');
    await refused(db, me, 'pb_redeem_code', { p_process_id: w.processId, p_code: 'ABCD-EFGH-JKMN' }, 400, 'code_not_recognised');
    await refused(db, me, 'pb_redeem_code', { p_process_id: w.processId, p_code: '' }, 400, 'required');
    await refused(db, me, 'pb_redeem_code', { p_process_id: w.processId, p_code: 'x'.repeat(10000) }, 400, 'too_long');
    const status = await ok(db, me, 'pb_redeem_code', { p_process_id: w.processId, p_code: code!.toLowerCase().replaceAll('-', ' ') });
    expect(status).toMatchObject({ eligible: true, method: 'voting_code', voted: false, can_vote: true });
    const [row] = await db.query<{ used_channel: string }>(
      `select used_channel from private.pb_voting_codes where code_hash = private.pb_code_hash($1, $2)`,
      [w.processId, code],
    );
    expect(row!.used_channel).toBe('online');
    await refused(db, me, 'pb_redeem_code', { p_process_id: w.processId, p_code: spare }, 409, 'already_eligible');
    await refused(db, w.other, 'pb_redeem_code', { p_process_id: w.processId, p_code: code }, 409, 'code_used');
    // A code from another process is not this process's.
    const elsewhere = await buildPbWorld(db, { phase: 'voting' });
    const [theirs] = await addCodes(db, elsewhere, 1);
    await refused(db, w.officer, 'pb_redeem_code', { p_process_id: w.processId, p_code: theirs }, 400, 'code_not_recognised');
  });

  it('refuses a code already used on paper', async () => {
    const [code] = await addCodes(db, w, 1);
    await db.query(
      `update private.pb_voting_codes set used_at = now(), used_channel = 'paper' where code_hash = private.pb_code_hash($1, $2)`,
      [w.processId, code],
    );
    await refused(db, await newResident(db), 'pb_redeem_code', { p_process_id: w.processId, p_code: code }, 409, 'code_used_on_paper');
  });

  it('takes a postcode in the area, where the process allows it', async () => {
    const me = await newResident(db);
    await refused(db, me, 'pb_declare_postcode', { p_process_id: w.processId, p_postcode: 'OXX 12' }, 400, 'postcode_not_valid');
    await refused(db, me, 'pb_declare_postcode', { p_process_id: w.processId, p_postcode: 'OX10 1AA' }, 403, 'postcode_outside_area');
    await refused(db, me, 'pb_declare_postcode', { p_process_id: w.processId, p_postcode: 'OX2 7AA' }, 403, 'postcode_outside_area');
    await refused(db, me, 'pb_declare_postcode', { p_process_id: w.processId, p_postcode: 'x'.repeat(300) }, 400, 'too_long');
    for (const ok1 of ['ox1 1bx', 'OX44 9AB', 'OX2 6GG']) {
      const someone = await newResident(db);
      expect(await ok(db, someone, 'pb_declare_postcode', { p_process_id: w.processId, p_postcode: ok1 })).toMatchObject({
        eligible: true,
        postcode: ok1.toUpperCase(),
      });
    }
    await ok(db, me, 'pb_declare_postcode', { p_process_id: w.processId, p_postcode: 'OX11AA' });
    await refused(db, me, 'pb_declare_postcode', { p_process_id: w.processId, p_postcode: 'OX1 1AA' }, 409, 'already_eligible');
    const codesOnly = await buildPbWorld(db, { phase: 'voting', eligibility: ['voting_code'] });
    await refused(db, me, 'pb_declare_postcode', { p_process_id: codesOnly.processId, p_postcode: 'OX1 1AA' }, 409, 'method_not_allowed');
    const postcodesOnly = await buildPbWorld(db, { phase: 'voting', eligibility: ['postcode'] });
    await refused(db, me, 'pb_redeem_code', { p_process_id: postcodesOnly.processId, p_code: 'ABCD' }, 409, 'method_not_allowed');
    await setPhase(db, postcodesOnly, 'counting');
    await refused(db, me, 'pb_declare_postcode', { p_process_id: postcodesOnly.processId, p_postcode: 'OX1 1AA' }, 409, 'wrong_phase');
  });

  it('shows my status to me only', async () => {
    const me = await newResident(db);
    expect(await ok(db, me, 'pb_my_status', { p_process_id: w.processId })).toMatchObject({
      eligible: false,
      voted: false,
      can_vote: false,
    });
    await refused(db, anonymous, 'pb_my_status', { p_process_id: w.processId }, 401, 'sign_in_needed');
    await refused(db, me, 'pb_my_status', { p_process_id: 'x' }, 400);
  });
});

describe('casting a ballot', () => {
  it('is refused to the signed-out, the not eligible, and outside voting', async () => {
    await refused(db, anonymous, 'pb_cast_ballot', cast([s(0)]), 401, 'sign_in_needed');
    const stranger = await newResident(db);
    await refused(db, stranger, 'pb_cast_ballot', cast([s(0)]), 403, 'not_eligible');
    await refused(db, w.officer, 'pb_cast_ballot', cast([s(0)]), 403, 'not_eligible');
    for (const phase of ['proposals', 'review', 'counting', 'results'] as const) {
      const other = await buildPbWorld(db, { phase });
      await makeEligible(db, other, other.person.resident);
      await refused(
        db,
        other.resident,
        'pb_cast_ballot',
        { p_process_id: other.processId, p_proposal_ids: [other.shortlist[0]!.id] },
        409,
        'wrong_phase',
      );
    }
  });

  it('takes only shortlisted proposals of this process, within limits and budget', async () => {
    const me = await newResident(db);
    await makeEligible(db, w, me.sub);
    const submitted = await addProposal(db, w, { status: 'submitted' });
    const feasible = await addProposal(db, w, { status: 'feasible', checked_cost: 10 });
    const elsewhere = await buildPbWorld(db, { phase: 'voting' });
    await refused(db, me, 'pb_cast_ballot', cast([submitted]), 400, 'not_on_shortlist');
    await refused(db, me, 'pb_cast_ballot', cast([feasible]), 400, 'not_on_shortlist');
    await refused(db, me, 'pb_cast_ballot', cast([s(0), elsewhere.shortlist[0]!.id]), 400, 'not_on_shortlist');
    await refused(db, me, 'pb_cast_ballot', cast(['00000000-0000-4000-8000-00000000beef']), 400, 'not_on_shortlist');
    await refused(db, me, 'pb_cast_ballot', cast([]), 400, 'too_few_projects');
    await refused(db, me, 'pb_cast_ballot', { p_process_id: w.processId, p_proposal_ids: null }, 400, 'required');
    await refused(db, me, 'pb_cast_ballot', cast([s(0), s(0)]), 400, 'repeated_project');
    await refused(db, me, 'pb_cast_ballot', cast([s(0), s(1), s(2), s(3)]), 400, 'too_many_projects');
    await refused(db, me, 'pb_cast_ballot', cast(Array.from({ length: 101 }, () => s(0))), 400, 'too_many_projects');
    await refused(db, me, 'pb_cast_ballot', cast(['not-a-uuid']), 400);
    await refused(db, me, 'pb_cast_ballot', { p_process_id: w.processId, p_proposal_ids: 'everything' }, 400);
    await refused(
      db,
      me,
      'pb_cast_ballot',
      { p_process_id: '00000000-0000-4000-8000-00000000beef', p_proposal_ids: [s(0)] },
      404,
      'process_not_found',
    );
    const big = await buildPbWorld(db, { phase: 'voting', budget: 5000, shortlist: [4000, 3000] });
    await makeEligible(db, big, me.sub);
    const over = await refused(
      db,
      me,
      'pb_cast_ballot',
      { p_process_id: big.processId, p_proposal_ids: big.shortlist.map((p) => p.id) },
      400,
      'over_budget',
    );
    expect(JSON.parse(over.details!)).toMatchObject({ total: 7000, budget: 5000 });
    expect(await ok(db, me, 'pb_my_ballot', { p_process_id: w.processId })).toBeNull();
    const receipt = await ok(db, me, 'pb_cast_ballot', cast([s(0), s(1), s(2)]));
    expect(receipt).toMatchObject({ replaced: false, projects: 3, total: 9500 });
    expect(receipt.receipt).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
  });

  it('keeps one ballot per person: 50 casts at once leave one ballot, the last one cast', async () => {
    const me = await newResident(db);
    await makeEligible(db, w, me.sub);
    const choices = Array.from({ length: 50 }, (_, i) => [s(i % 4)]);
    const results = await Promise.all(choices.map((ids) => callAs(db, me, 'pb_cast_ballot', cast(ids))));
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await db.query<{ ballots: string; proposal_ids: string[]; changes: number }>(
      `select count(*) over () as ballots, b.proposal_ids, b.changes from private.pb_voters v join private.pb_ballots b on b.id = v.ballot_id
       where v.process_id = $1 and v.person_id = $2`,
      [w.processId, me.sub],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.changes).toBe(49);
    const receipts = results.map((r) => (r as { data: { receipt: string } }).data.receipt);
    const checks = await Promise.all(receipts.map((receipt) => ok(db, anonymous, 'pb_check_receipt', { p_receipt: receipt })));
    expect(checks.filter((c) => !c.replaced)).toHaveLength(1);
    const current = checks.find((c) => !c.replaced)!;
    expect(current.proposals.map((p: { id: string }) => p.id)).toEqual(rows[0]!.proposal_ids);
    expect(await ok(db, me, 'pb_my_ballot', { p_process_id: w.processId })).toMatchObject({
      changes: 49,
      proposals: [{ id: rows[0]!.proposal_ids[0] }],
    });
    expect(await ok(db, me, 'pb_my_status', { p_process_id: w.processId })).toMatchObject({ voted: true });
  });

  it('refuses online voting with a code whose ballot was entered on paper', async () => {
    const [code] = await addCodes(db, w, 1);
    const me = await newResident(db);
    await ok(db, me, 'pb_redeem_code', { p_process_id: w.processId, p_code: code });
    // As if an officer had entered a paper ballot with this code (the officers' function now refuses that).
    const [station] = await db.query<{ id: string }>(
      `insert into private.pb_polling_stations (process_id, name) values ($1, 'Town hall') returning id`,
      [w.processId],
    );
    await db.transaction(async (tx) => {
      const [b] = await tx.query<{ id: string }>(
        `insert into private.pb_ballots (process_id, proposal_ids, channel, station_id) values ($1, array[$2]::uuid[], 'paper', $3) returning id`,
        [w.processId, s(0), station!.id],
      );
      await tx.query(
        `insert into private.pb_voters (process_id, code_id, ballot_id) select $1, e.code_id, $2 from private.pb_eligible_people e where e.process_id = $1 and e.person_id = $3`,
        [w.processId, b!.id, me.sub],
      );
    });
    await refused(db, me, 'pb_cast_ballot', cast([s(1)]), 409, 'code_used_on_paper');
  });
});

describe('receipts', () => {
  it('show only their own ballot, whether replaced, and whether counted; never who', async () => {
    const me = await newResident(db);
    await makeEligible(db, w, me.sub);
    const first = await ok(db, me, 'pb_cast_ballot', cast([s(0)]));
    const second = await ok(db, me, 'pb_cast_ballot', cast([s(1), s(2)]));
    const a = await ok(db, anonymous, 'pb_check_receipt', { p_receipt: first.receipt });
    const b = await ok(db, w.other, 'pb_check_receipt', { p_receipt: second.receipt.toLowerCase().replaceAll('-', '') });
    expect(a).toMatchObject({
      replaced: true,
      counted: false,
      total: 4000,
      proposals: [{ id: s(0), checked_cost: 4000 }],
      process: { id: w.processId },
    });
    expect(b).toMatchObject({ replaced: false, counted: false, total: 5500 });
    expect(b.proposals.map((p: { id: string }) => p.id)).toEqual([s(1), s(2)]);
    expect(JSON.stringify([a, b])).not.toContain(me.sub);
    await refused(db, anonymous, 'pb_check_receipt', { p_receipt: 'AAAA-BBBB-CCCC-DDDD' }, 404, 'receipt_not_found');
    await refused(db, anonymous, 'pb_check_receipt', { p_receipt: '' }, 400, 'required');
    await refused(db, anonymous, 'pb_check_receipt', { p_receipt: 'x'.repeat(5000) }, 400, 'too_long');
    // Counted: a stored result for the process counted after the ballot's last change.
    await db.query(
      `insert into private.pb_results (process_id, rule, options, ballot_file, ballot_file_sha256, result, ballots, counted_at)
                    values ($1, 'greedy', '{}', '', repeat('0', 64), '{}', 1, now() + interval '1 second')`,
      [w.processId],
    );
    expect(await ok(db, anonymous, 'pb_check_receipt', { p_receipt: second.receipt })).toMatchObject({ counted: true });
    expect(await ok(db, anonymous, 'pb_check_receipt', { p_receipt: first.receipt })).toMatchObject({ counted: false, replaced: true });
    await db.query(`delete from private.pb_results where process_id = $1`, [w.processId]);
  });
});

describe('the audit trail of a vote', () => {
  it('records that someone voted, never what they chose or the receipt', async () => {
    const me = await newResident(db);
    await makeEligible(db, w, me.sub);
    const before = await chainHead(db);
    const r1 = await ok(db, me, 'pb_cast_ballot', cast([s(0), s(3)]));
    const r2 = await ok(db, me, 'pb_cast_ballot', cast([s(1), s(3)]));
    const events = await db.query<{ table_name: string; action: string; actor: string; text: string }>(
      `select table_name, action, actor, to_jsonb(e)::text as text from private.audit_events e where id > $1 order by id`,
      [before],
    );
    // One event per cast, the voter row's: voted, then changed.
    expect(events.map((e) => `${e.action} ${e.table_name}`)).toEqual(['insert pb_voters', 'update pb_voters']);
    expect(events.map((e) => (JSON.parse(e.text) as { new_values: { changed: boolean } }).new_values.changed)).toEqual([false, true]);
    expect(events.every((e) => e.actor === me.sub)).toBe(true);
    const [ballot] = await db.query<{ id: string; public_id: string }>(
      `select b.id, b.public_id from private.pb_voters v join private.pb_ballots b on b.id = v.ballot_id where v.person_id = $1`,
      [me.sub],
    );
    const hashes = await db.query<{ h: string }>(`select private.pb_receipt_hash($1) as h union all select private.pb_receipt_hash($2)`, [
      r1.receipt,
      r2.receipt,
    ]);
    const secrets = [s(0), s(1), s(3), r1.receipt, r2.receipt, ballot!.id, ballot!.public_id, ...hashes.map((x) => x.h)];
    for (const e of events) for (const secret of secrets) expect(e.text, `${e.table_name} event`).not.toContain(secret);
    // A refused cast writes nothing at all.
    const head = await chainHead(db);
    const r = await callAs(db, me, 'pb_cast_ballot', cast([s(0), s(1), s(2), s(3)]));
    expect(keyOf(r)).toBe('too_many_projects');
    expect(await chainHead(db)).toBe(head);
  });

  it('audits every write to a ballot or a receipt that is not part of a cast', async () => {
    const me = await newResident(db);
    await makeEligible(db, w, me.sub);
    await ok(db, me, 'pb_cast_ballot', cast([s(0)]));
    await ok(db, me, 'pb_cast_ballot', cast([s(1)]));
    const [mine] = await db.query<{ ballot_id: string; changes: number; changed: number }>(
      `select v.ballot_id, b.changes,
              (select count(*)::int from private.audit_events e where e.table_name = 'pb_voters' and e.row_id = v.id::text
                 and (e.new_values ->> 'changed')::boolean) as changed
       from private.pb_voters v join private.pb_ballots b on b.id = v.ballot_id where v.person_id = $1 and v.process_id = $2`,
      [me.sub, w.processId],
    );
    // Each change of vote counts itself on the ballot and leaves its voter's event: they agree.
    expect(mine!.changes).toBe(1);
    expect(mine!.changed).toBe(1);
    const writes: Array<[string, string]> = [
      [`update private.pb_ballots set proposal_ids = array[$1::uuid] where id = $2`, 'update pb_ballots'],
      [`update private.pb_receipts set proposal_ids = array[$1::uuid] where ballot_id = $2 and number = 1`, 'update pb_receipts'],
      [`delete from private.pb_receipts where ballot_id = $2 and number = 0 and $1::uuid is not null`, 'delete pb_receipts'],
    ];
    for (const [sql, expected] of writes) {
      const before = await chainHead(db);
      await db.query(sql, [s(2), mine!.ballot_id]);
      const events = await db.query<{ what: string }>(
        `select action || ' ' || table_name as what from private.audit_events where id > $1 order by id`,
        [before],
      );
      expect(events.map((e) => e.what)).toEqual([expected]);
    }
  });
});
