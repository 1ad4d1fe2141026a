// Voting codes (shown once, kept as hashes), polling stations, paper ballots (one per code
// across both channels, the same ballot check as online), turnout as counts, and the PB audit
// trail, which holds no ballot content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { callAs, openTestDatabase } from '../../support/db.ts';
import { keyOf } from './support.ts';
import { buildOfficerWorld, castOnline, chainHead, eventsSince, ok, refused, type OfficerWorld } from './officer-world.ts';

let db: Database;
let w: OfficerWorld;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildOfficerWorld(db, 'voting');
});
afterAll(() => db.close());

const paper = (code: string | undefined, ids: unknown, station = w.stationId) => ({
  p_process_id: w.processId,
  p_station_id: station,
  p_code: code,
  p_proposal_ids: ids,
});

describe('voting codes', () => {
  it('are returned once, stored only as hashes, one audit event each without the hash', async () => {
    const before = await chainHead(db);
    const batch = await ok(db, w.actors.officer, 'pb_issue_codes', {
      p_process_id: w.processId,
      p_label: 'Cowley Road carnival',
      p_count: 25,
    });
    expect(batch).toMatchObject({ label: 'Cowley Road carnival', size: 25 });
    expect(new Set(batch.codes).size).toBe(25);
    for (const code of batch.codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const stored = await db.query<{ code_hash: string }>('select code_hash from private.pb_voting_codes where batch_id = $1', [
      batch.batch_id,
    ]);
    expect(stored.map((r) => r.code_hash).sort()).toEqual(
      (await db.query<{ h: string }>('select private.pb_code_hash($1, c) as h from unnest($2::text[]) c', [w.processId, batch.codes]))
        .map((r) => r.h)
        .sort(),
    );
    const events = await eventsSince(db, before);
    expect(events.map((e) => e.table_name)).toEqual(['pb_code_batches', ...Array(25).fill('pb_voting_codes')]);
    const text = JSON.stringify(events);
    for (const { code_hash } of stored) expect(text).not.toContain(code_hash);
    for (const code of batch.codes) expect(text).not.toContain(code);
  });

  it('lists batches with used counts, never codes', async () => {
    const batches = await ok(db, w.actors.officer, 'pb_code_batches', { p_process_id: w.processId });
    expect(batches.map((b: { label: string; size: number; used: number }) => [b.label, b.size, b.used])).toEqual([
      ['Letters', 10, 0],
      ['Cowley Road carnival', 25, 0],
    ]);
    // A code anywhere in the answer, but not the all-digit runs inside a uuid ("…-2692-4235-…").
    const CODE = /(?<![\w-])[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}(?![\w-])/;
    expect(JSON.stringify(batches)).not.toMatch(CODE);
    expect('{"note":"7KQM-3XWP-HT9C"}').toMatch(CODE);
    expect('"5426f35f-2692-4235-8873-223907ba5fcb"').not.toMatch(CODE);
    expect(Object.keys(batches[0]).sort()).toEqual(['id', 'issued_at', 'issued_by', 'label', 'size', 'used', 'used_online', 'used_paper']);
  });

  it('refuses counts outside 1 to 10,000, wrong types and blank labels, writing nothing', async () => {
    for (const n of [0, -5, 10001]) {
      await refused(
        db,
        w.actors.officer,
        'pb_issue_codes',
        { p_process_id: w.processId, p_label: 'x', p_count: n },
        400,
        'count_out_of_range',
      );
    }
    await refused(db, w.actors.officer, 'pb_issue_codes', { p_process_id: w.processId, p_label: 'x', p_count: 'many' }, 400);
    await refused(db, w.actors.officer, 'pb_issue_codes', { p_process_id: w.processId, p_label: '', p_count: 3 }, 400, 'required');
  });
});

describe('polling stations', () => {
  it('are added, renamed and listed with their subtotals; names unique', async () => {
    const s = await ok(db, w.actors.officer, 'pb_add_station', { p_process_id: w.processId, p_name: 'Blackbird Leys Library' });
    await refused(db, w.actors.officer, 'pb_add_station', { p_process_id: w.processId, p_name: 'Town Hall' }, 409, 'name_taken');
    await refused(db, w.actors.officer, 'pb_rename_station', { p_station_id: s.id, p_name: 'x'.repeat(121) }, 400, 'too_long');
    await ok(db, w.actors.officer, 'pb_rename_station', { p_station_id: s.id, p_name: 'Leys Library' });
    expect(await ok(db, w.actors.officer, 'pb_stations', { p_process_id: w.processId })).toEqual([
      { id: s.id, name: 'Leys Library', ballots: 0 },
      { id: w.stationId, name: 'Town Hall', ballots: 0 },
    ]);
  });
});

describe('paper ballots', () => {
  it('are entered from an unused code: code marked paper, voter and ballot written, all audited without content', async () => {
    const before = await chainHead(db);
    const entered = await ok(
      db,
      w.actors.officer,
      'pb_enter_paper_ballot',
      paper(w.codes[0]!.toLowerCase().replace(/-/g, ' '), [w.proposals[1], w.proposals[0]]),
    );
    expect(entered).toEqual({ entered: true, station_id: w.stationId, station_ballots: 1 });
    const [ballot] = await db.query<{ id: string; public_id: string; proposal_ids: string[]; channel: string; station_id: string }>(
      'select id, public_id, proposal_ids, channel, station_id from private.pb_ballots where process_id = $1',
      [w.processId],
    );
    expect(ballot).toMatchObject({ channel: 'paper', station_id: w.stationId });
    expect([...ballot!.proposal_ids].sort()).toEqual([w.proposals[0], w.proposals[1]].sort());
    const [code] = await db.query<{ used_channel: string; voters: number }>(
      `select c.used_channel, (select count(*)::int from private.pb_voters v where v.code_id = c.id) as voters
       from private.pb_voting_codes c where c.code_hash = private.pb_code_hash($1, $2)`,
      [w.processId, w.codes[0]],
    );
    expect(code).toEqual({ used_channel: 'paper', voters: 1 });
    const events = await eventsSince(db, before);
    expect(events.map((e) => [e.table_name, e.action, e.actor_role]).sort()).toEqual(
      [
        ['pb_ballots', 'insert', 'pb_officer'],
        ['pb_voters', 'insert', 'pb_officer'],
        ['pb_voting_codes', 'update', 'pb_officer'],
      ].sort(),
    );
    const text = JSON.stringify(events);
    for (const secret of [ballot!.id, ballot!.public_id, w.proposals[0]!, w.proposals[1]!, 'proposal_ids'])
      expect(text).not.toContain(secret);
  });

  it('a code used on paper cannot be used again, on paper or online', async () => {
    const again = await refused(
      db,
      w.actors.officer,
      'pb_enter_paper_ballot',
      paper(w.codes[0], [w.proposals[2]]),
      409,
      'code_already_used',
    );
    expect(JSON.parse(again.details!).used_channel).toBe('paper');
    // Online, the one-voter-per-code constraint stands behind the residents' own check.
    await expect(castOnline(db, w, w.codes[0]!, [w.proposals[2]!])).rejects.toThrow(/pb_voters_code_id_key|duplicate/);
  });

  it('a code used online cannot be used on paper', async () => {
    await castOnline(db, w, w.codes[1]!, [w.proposals[3]!]);
    const result = await refused(
      db,
      w.actors.officer,
      'pb_enter_paper_ballot',
      paper(w.codes[1], [w.proposals[2]]),
      409,
      'code_already_used',
    );
    expect(JSON.parse(result.details!).used_channel).toBe('online');
  });

  it('a code redeemed online to prove eligibility, not yet voted with, cannot be used on paper', async () => {
    await db.query(
      `update private.pb_voting_codes set used_at = now(), used_channel = 'online' where code_hash = private.pb_code_hash($1, $2)`,
      [w.processId, w.codes[2]],
    );
    await refused(db, w.actors.officer, 'pb_enter_paper_ballot', paper(w.codes[2], [w.proposals[2]]), 409, 'code_already_used');
  });

  it('run the one ballot check: shortlist, repeats, limits and budget', async () => {
    const code = w.codes[3]!;
    await refused(db, w.actors.officer, 'pb_enter_paper_ballot', paper(code, [w.proposals[4]]), 400, 'not_on_shortlist');
    await refused(db, w.actors.officer, 'pb_enter_paper_ballot', paper(code, [w.proposals[0], w.proposals[0]]), 400, 'repeated_project');
    await refused(db, w.actors.officer, 'pb_enter_paper_ballot', paper(code, []), 400, 'too_few_projects');
    await refused(db, w.actors.officer, 'pb_enter_paper_ballot', paper(code, null), 400, 'required');
    await refused(db, w.actors.officer, 'pb_enter_paper_ballot', paper(code, ['nope']), 400);
    // Over the budget: a process whose budget is below two of its projects together.
    const small = await buildOfficerWorld(db, 'review');
    await ok(db, small.actors.officer, 'pb_update_process', { p_process_id: small.processId, p_budget: 50000 });
    await ok(db, small.actors.officer, 'pb_move_phase', { p_process_id: small.processId, p_to: 'voting' });
    await refused(
      db,
      small.actors.officer,
      'pb_enter_paper_ballot',
      {
        p_process_id: small.processId,
        p_station_id: small.stationId,
        p_code: small.codes[0],
        p_proposal_ids: [small.proposals[2], small.proposals[3]],
      },
      400,
      'over_budget',
    );
  });

  /** An unknown code is refused but kept and audited (one event, no code in it): officers are not
   * limited as residents are (code-attempts.test.ts), so their wrong codes leave a trail. */
  async function refusedUnknownCode(args: Record<string, unknown>) {
    const before = await chainHead(db);
    const result = await callAs(db, w.actors.officer, 'pb_enter_paper_ballot', args);
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(keyOf(result)).toBe('code_not_found');
    const events = await eventsSince(db, before);
    expect(events.map((e) => `${e.action} ${e.table_name}`)).toEqual(['insert pb_paper_code_misses']);
    expect(events[0]).toMatchObject({ actor: w.person.officer });
    expect(JSON.stringify(events[0]!.new_values)).not.toContain(String(args.p_code));
  }

  it('refuses unknown codes, other processes’ stations and codes, and huge codes', async () => {
    await refusedUnknownCode(paper('ZZZZ-ZZZZ-ZZZZ', [w.proposals[0]]));
    await refused(db, w.actors.officer, 'pb_enter_paper_ballot', paper('', [w.proposals[0]]), 400, 'required');
    await refused(db, w.actors.officer, 'pb_enter_paper_ballot', paper('x'.repeat(50000), [w.proposals[0]]), 400, 'too_long');
    const other = await buildOfficerWorld(db, 'voting');
    await refused(
      db,
      w.actors.officer,
      'pb_enter_paper_ballot',
      paper(w.codes[4], [w.proposals[0]], other.stationId),
      404,
      'station_not_found',
    );
    await refusedUnknownCode(paper(other.codes[0], [w.proposals[0]]));
    await refused(db, w.actors.officer, 'pb_enter_paper_ballot', paper(w.codes[4], [other.proposals[0]]), 400, 'not_on_shortlist');
  });

  it('are allowed while counting, but not before voting nor once a result is stored', async () => {
    const review = await buildOfficerWorld(db, 'review');
    await refused(
      db,
      review.actors.officer,
      'pb_enter_paper_ballot',
      { p_process_id: review.processId, p_station_id: review.stationId, p_code: review.codes[0], p_proposal_ids: [review.proposals[0]] },
      409,
      'wrong_phase',
    );
    const c = await buildOfficerWorld(db, 'counting');
    const args = (code: string) => ({
      p_process_id: c.processId,
      p_station_id: c.stationId,
      p_code: code,
      p_proposal_ids: [c.proposals[0]],
    });
    await ok(db, c.actors.officer, 'pb_enter_paper_ballot', args(c.codes[0]!));
    await db.query(
      `insert into private.pb_results (process_id, rule, options, ballot_file, ballot_file_sha256, result, ballots)
                    values ($1, 'equal-shares', '{}', 'META', repeat('b', 64), '{}', 1)`,
      [c.processId],
    );
    await refused(db, c.actors.officer, 'pb_enter_paper_ballot', args(c.codes[1]!), 409, 'result_stored');
  });
});

describe('turnout', () => {
  it('is counts only: ballots by channel and station, codes issued and used, eligible people by method', async () => {
    const t = await ok(db, w.actors.officer, 'pb_turnout', { p_process_id: w.processId });
    expect(t).toMatchObject({
      ballots: 2,
      online_ballots: 1,
      paper_ballots: 1,
      codes_issued: 35,
      codes_used: 3,
      codes_used_online: 2,
      codes_used_paper: 1,
      eligible: { voting_code: 0, postcode: 0 },
    });
    expect(t.stations).toEqual([
      expect.objectContaining({ name: 'Leys Library', ballots: 0 }),
      { id: w.stationId, name: 'Town Hall', ballots: 1 },
    ]);
    const text = JSON.stringify(t);
    for (const p of w.proposals) expect(text).not.toContain(p);
    expect(text).not.toContain(w.person.resident);
  });
});

describe('the PB audit trail', () => {
  it('shows this process’s events only, newest first, a page at a time, and records the read', async () => {
    const first = await ok(db, w.actors.scrutiny, 'pb_audit_trail', { p_process_id: w.processId, p_limit: 5 });
    expect(first.events).toHaveLength(5);
    const ids = first.events.map((e: { id: number }) => e.id);
    expect([...ids].sort((a: number, b: number) => b - a)).toEqual(ids);
    const second = await ok(db, w.actors.scrutiny, 'pb_audit_trail', {
      p_process_id: w.processId,
      p_limit: 5,
      p_before_id: first.next_before_id,
    });
    expect(second.events[0].id).toBeLessThan(ids[4]);
    const all = await ok(db, w.actors.scrutiny, 'pb_audit_trail', { p_process_id: w.processId, p_limit: 500 });
    for (const e of all.events) {
      expect(e.table_name).toMatch(/^pb_/);
      expect(e.table_name === 'pb_processes' ? e.row_id : (e.new_values ?? e.old_values).process_id).toBe(w.processId);
    }
    expect(new Set(all.events.map((e: { table_name: string }) => e.table_name))).toEqual(
      new Set([
        'pb_processes',
        'pb_process_officers',
        'pb_wards',
        'pb_categories',
        'pb_proposals',
        'pb_code_batches',
        'pb_voting_codes',
        'pb_polling_stations',
        'pb_ballots',
        'pb_voters',
        // The wrong codes typed earlier in this file (refusedUnknownCode).
        'pb_paper_code_misses',
      ]),
    );
    const [read] = await db.query<{ what: string; person_id: string; details: unknown }>(
      'select what, person_id, details from private.read_records order by id desc limit 1',
    );
    expect(read).toMatchObject({ what: 'pb audit trail', person_id: w.person.scrutiny });
    const codes = await ok(db, w.actors.officer, 'pb_audit_trail', { p_process_id: w.processId, p_table: 'pb_voting_codes', p_limit: 500 });
    expect(codes.events.every((e: { table_name: string }) => e.table_name === 'pb_voting_codes')).toBe(true);
    await refused(db, w.actors.scrutiny, 'pb_audit_trail', { p_process_id: w.processId, p_limit: 0 }, 400, 'bad_page');
    await refused(db, w.actors.scrutiny, 'pb_audit_trail', { p_process_id: w.processId, p_table: 'people' }, 400, 'unknown_table');
  });

  it('holds no ballot content: no ballot ids, voter ids in the file, receipts, code hashes or choices', async () => {
    const all = await ok(db, w.actors.scrutiny, 'pb_audit_trail', { p_process_id: w.processId, p_limit: 500 });
    const vote = all.events.filter((e: { table_name: string }) =>
      ['pb_ballots', 'pb_voters', 'pb_voting_codes', 'pb_receipts'].includes(e.table_name),
    );
    expect(vote.length).toBeGreaterThan(0);
    const text = JSON.stringify(vote);
    const ballots = await db.query<{ id: string; public_id: string }>(
      'select id, public_id from private.pb_ballots where process_id = $1',
      [w.processId],
    );
    const hashes = await db.query<{ code_hash: string }>('select code_hash from private.pb_voting_codes where process_id = $1', [
      w.processId,
    ]);
    for (const b of ballots) {
      expect(JSON.stringify(all)).not.toContain(b.id);
      expect(JSON.stringify(all)).not.toContain(b.public_id);
    }
    for (const h of hashes) expect(JSON.stringify(all)).not.toContain(h.code_hash);
    for (const p of w.proposals) expect(text).not.toContain(p);
    expect(text).not.toContain('proposal_ids');
    for (const e of vote.filter((x: { table_name: string }) => x.table_name === 'pb_ballots')) {
      expect(Object.keys(e.new_values).sort()).toEqual(['changed', 'channel', 'process_id', 'station_id']);
    }
  });
});
