// The PB demo data (supabase/seeds/pb.sql, written by scripts/seed-pb.ts): a process in voting
// whose demo codes and demo resident are ready to use, and a published result that is exactly
// what the engine gives for the stored ballot file.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { count, parsePb, pbToElection, type CountOptions, type CountResult } from '../../../src/lib/pb/index.ts';
import { openTestDatabase, signedIn } from '../../support/db.ts';
import { ok } from './officer-world.ts';

const CHEST = '00000000-0000-4000-a001-000000000001';
const DIDCOT = '00000000-0000-4000-a001-000000000002';
const OFFICER = signedIn('00000000-0000-4000-8000-000000000002', 'officer@example.org');
const RESIDENT = '00000000-0000-4000-8000-000000000001';
const DEMO_CODES = ['2222', '3333', '4444', '5555', '6666', '7777', '8888', '9999'].map((d) => `CHST-DEMX-${d}`);

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

describe('Bicester Ideas 2027', () => {
  it('takes ideas from residents, with wards, categories and three ideas waiting to be checked', async () => {
    const list = await ok(db, signedIn(RESIDENT, 'resident@example.org'), 'pb_processes');
    const bicester = list.find((p: { slug: string }) => p.slug === 'bicester-ideas-2027');
    expect(bicester).toMatchObject({ phase: 'proposals', budget: 60000 });
    const v = await ok(db, OFFICER, 'pb_officer_process', { p_process_id: bicester.id });
    expect(v.wards).toHaveLength(4);
    const queue = await ok(db, OFFICER, 'pb_officer_proposals', { p_process_id: bicester.id, p_page_size: 100 });
    expect(queue.by_status).toEqual({ submitted: 3 });
  });
});

describe('Community Chest 2027', () => {
  it('is in voting, run by the demo officer, with wards, categories and 12 shortlisted projects with checked costs', async () => {
    const v = await ok(db, OFFICER, 'pb_officer_process', { p_process_id: CHEST });
    expect(v).toMatchObject({ title: 'Community Chest 2027', budget: 280000, phase: 'voting', eligibility: ['voting_code', 'postcode'] });
    expect(v.wards.length).toBeGreaterThan(5);
    expect(v.categories.length).toBeGreaterThan(3);
    const queue = await ok(db, OFFICER, 'pb_officer_proposals', { p_process_id: CHEST, p_page_size: 100 });
    expect(queue.by_status).toEqual({ shortlisted: 12, hidden: 1, not_feasible: 1, merged: 1 });
    for (const p of queue.proposals.filter((x: { status: string }) => x.status === 'shortlisted'))
      expect(p.checked_cost).toBeGreaterThan(0);
    expect(queue.proposals.find((x: { status: string }) => x.status === 'not_feasible').status_reason).toMatch(/National Highways/);
  });

  it('has ballots online and on paper, a polling station subtotal, and turnout figures', async () => {
    const t = await ok(db, OFFICER, 'pb_turnout', { p_process_id: CHEST });
    expect(t).toMatchObject({
      online_ballots: 30,
      paper_ballots: 12,
      codes_issued: 68,
      codes_used: 12,
      eligible: { postcode: 30, voting_code: 0 },
    });
    expect(t.stations.map((s: { ballots: number }) => s.ballots)).toEqual([6, 6]);
  });

  it('has unused demo codes, and the demo resident has not voted', async () => {
    const rows = await db.query<{ used_at: string | null }>(
      `select used_at from private.pb_voting_codes where code_hash = any (select private.pb_code_hash($1, c) from unnest($2::text[]) c)`,
      [CHEST, DEMO_CODES],
    );
    expect(rows).toHaveLength(DEMO_CODES.length);
    expect(rows.every((r) => r.used_at === null)).toBe(true);
    const [voted] = await db.query<{ n: number }>('select count(*)::int as n from private.pb_voters where person_id = $1', [RESIDENT]);
    expect(voted!.n).toBe(0);
  });

  it('every seeded ballot passes the one ballot check', async () => {
    const [bad] = await db.query<{ n: number }>(
      `select count(*)::int as n from private.pb_ballots b join private.pb_processes p on p.id = b.process_id
       where (select coalesce(sum(x.checked_cost), 0) from private.pb_proposals x where x.id = any (b.proposal_ids)) > p.budget
          or exists (select 1 from unnest(b.proposal_ids) i where not exists (
               select 1 from private.pb_proposals x where x.id = i and x.process_id = p.id and x.status = 'shortlisted'))`,
    );
    expect(bad!.n).toBe(0);
  });
});

describe('Didcot and Villages Community Budget 2026', () => {
  it('stores the engine’s exact result for its ballot file, with the file’s sha256, published', async () => {
    const [r] = await db.query<{
      ballot_file: string;
      ballot_file_sha256: string;
      result: CountResult;
      options: Omit<CountOptions, 'rule'>;
      ballots: number;
      published_at: string | null;
    }>('select ballot_file, ballot_file_sha256, result, options, ballots, published_at from private.pb_results where process_id = $1', [
      DIDCOT,
    ]);
    expect(r!.published_at).not.toBeNull();
    expect(r!.ballots).toBe(2000);
    expect(createHash('sha256').update(r!.ballot_file, 'utf8').digest('hex')).toBe(r!.ballot_file_sha256);
    const parsed = parsePb(r!.ballot_file);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const election = pbToElection(parsed.value);
    if (!election.ok) throw new Error(election.problems.join(' '));
    const recount = count(election.value.instance, election.value.profile, { rule: 'equal-shares', ...r!.options });
    expect(r!.options).toEqual({ completion: 'add1u', compareWithGreedy: true, seed: 1 });
    expect(r!.result).toEqual(JSON.parse(JSON.stringify(recount)));
    expect(recount.comparison).toBeDefined();
  });

  it('the ballot file holds exactly the stored ballots, by their public ids, and no personal data', async () => {
    const [r] = await db.query<{ ballot_file: string }>('select ballot_file from private.pb_results where process_id = $1', [DIDCOT]);
    const file = parsePb(r!.ballot_file);
    if (!file.ok) throw new Error('unparsable');
    const stored = await db.query<{ public_id: string; numbers: number[] }>(
      `select b.public_id, array(select x.number from private.pb_proposals x where x.id = any (b.proposal_ids) order by x.number) as numbers
       from private.pb_ballots b where b.process_id = $1 order by b.public_id`,
      [DIDCOT],
    );
    expect(file.value.votes.map((v) => [v.voterId, v.vote.map(Number)])).toEqual(stored.map((s) => [s.public_id, s.numbers]));
    expect(r!.ballot_file).not.toMatch(/@example\.org|00000000-0000/);
    const [p] = await db.query<{ phase: string }>('select phase from private.pb_processes where id = $1', [DIDCOT]);
    expect(p!.phase).toBe('results');
  });

  it('went through the audit triggers as the seed, without ballot content', async () => {
    const rows = await db.query<{ table_name: string; n: number }>(
      `select table_name, count(*)::int as n from private.audit_events
       where details ->> 'source' = 'supabase/seeds/pb.sql' group by table_name order by table_name`,
    );
    const byTable = Object.fromEntries(rows.map((r) => [r.table_name, r.n]));
    // One event per voter; a ballot has its own only when on paper (it names the station).
    const [paper] = await db.query<{ n: number }>(`select count(*)::int as n from private.pb_ballots where channel = 'paper'`);
    expect(paper!.n).toBe(313);
    expect(byTable).toMatchObject({ pb_ballots: 313, pb_voters: 2042, pb_results: 2, pb_processes: 6 });
    const [leak] = await db.query<{ n: number }>(
      `select count(*)::int as n from private.audit_events where table_name in ('pb_ballots', 'pb_voters', 'pb_voting_codes', 'pb_receipts')
       and (coalesce(new_values, '{}') ? 'proposal_ids' or coalesce(new_values, '{}') ? 'public_id' or coalesce(new_values, '{}') ? 'code_hash')`,
    );
    expect(leak!.n).toBe(0);
  });
});
