// Counting and results in the database: the ballot file (one text, byte for byte what the
// engine writes, no personal data, the engine counts it), and each function allowed and
// refused for every kind of caller, with the refusal's key and nothing written when refused.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import type { PbBallotFile, PbLatestResult, PbResult } from '../../../src/lib/api/pb-results.ts';
import { count, parsePb, pbToElection, writePb, type CountResult } from '../../../src/lib/pb/index.ts';
import type { CountInput, Stored } from '../../../supabase/functions/pb-count/handler.ts';
import { anonymous, callAs, serviceRole, type Actor } from '../../support/db.ts';
import { addBallots, buildCountWorld, publishLatest, setPhase, type CountWorld } from './count-world.ts';
import { openTestDatabase } from '../../support/db.ts';

let db: Database;
let w: CountWorld;

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

async function auditEvents(): Promise<number> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from private.audit_events');
  return row!.n;
}

async function file(processId: string): Promise<string> {
  const [row] = await db.query<{ f: string }>('select private.pb_ballot_file($1) as f', [processId]);
  return row!.f;
}

async function ok<T>(actor: Actor, fn: string, args: Record<string, unknown>): Promise<T> {
  const r = await callAs(db, actor, fn, args);
  if (!r.ok) expect.fail(`${fn} refused (${r.status} ${r.code}): ${r.message} ${r.details ?? ''}`);
  return r.data as T;
}

/** Refused with this status (and key, when the database names one), having written nothing. */
async function refused(actor: Actor, fn: string, args: Record<string, unknown>, status: number, key?: string) {
  const before = await auditEvents();
  const results = await db.query<{ n: number }>('select count(*)::int as n from private.pb_results');
  const r = await callAs(db, actor, fn, args);
  expect(r, `${fn} should be refused`).toMatchObject({ ok: false, status });
  if (!r.ok) {
    if (key) expect(JSON.parse(r.details ?? '{}').key, `${fn} refusal key`).toBe(key);
    else expect(r.code).toBe('42501');
  }
  expect(await auditEvents(), `${fn} refused but wrote to the audit trail`).toBe(before);
  expect((await db.query<{ n: number }>('select count(*)::int as n from private.pb_results'))[0]!.n).toBe(results[0]!.n);
  return r;
}

function countFile(text: string, options: Record<string, unknown>) {
  const parsed = parsePb(text);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  const election = pbToElection(parsed.value);
  if (!election.ok) throw new Error(election.problems.join('\n'));
  return count(election.value.instance, election.value.profile, options);
}

/** What the Edge Function does, with the service role: read, count, store. */
async function countAndStore(world: CountWorld) {
  const input = await ok<CountInput>(serviceRole, 'pb_count_input', { p_process_id: world.processId });
  const result = countFile(input.ballot_file, { ...input.rule_options, rule: input.rule });
  const stored = await ok<Stored>(serviceRole, 'pb_store_result', {
    p_process_id: world.processId,
    p_sha256: input.sha256,
    p_result: result,
    p_counted_by: world.person.officer,
  });
  return { input, result, stored };
}

beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildCountWorld(db, { ballots: 80 });
});
afterAll(() => db.close());

describe('the ballot file', () => {
  it('is what the engine writes, byte for byte, so anyone can reproduce its sha256', async () => {
    const text = await file(w.processId);
    const parsed = parsePb(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(writePb(parsed.value)).toBe(text);
    expect(parsed.value.meta).toMatchObject({
      numProjects: 8,
      numVotes: 80,
      budget: 100000,
      voteType: 'approval',
      rule: 'equalshares/add1u',
      unit: ' Oxford; city ',
    });
    expect(parsed.value.meta.description).toBe(`Count chest ${w.tag}; "the test"`);
    expect(Object.fromEntries(parsed.value.meta.extra)).toMatchObject({
      currency: 'GBP',
      min_length: '0',
      max_length: '20',
      max_sum_cost: '100000',
    });
    expect(Object.fromEntries(parsed.value.meta.extra).recount).toBe(
      'npm run pb -- count <this file> --rule equal-shares --completion add1u --compare --seed 1',
    );
  });

  it('names projects by proposal number with checked cost, title, category and ward, shortlist only', async () => {
    const parsed = parsePb(await file(w.processId));
    if (!parsed.ok) throw new Error('unreadable');
    expect(parsed.value.projects.map((p) => [p.id, p.cost])).toEqual(w.proposals.map((p) => [String(p.number), p.cost]));
    expect(parsed.value.projects[0]).toMatchObject({ name: 'Benches; and "bins"', category: ['Young people'], district: 'Blackbird Leys' });
    expect(parsed.value.projects[1]).toMatchObject({ category: ['Parks play and green spaces'], district: 'Carfax; "Old Town"' });
    expect(parsed.value.projects[3]!.district).toBeUndefined();
    expect(parsed.value.projects[4]!.category).toBeUndefined();
    expect(parsed.value.projects.some((p) => p.name === 'Not feasible')).toBe(false);
  });

  it('holds every ballot under its random public id, in public id order, and no personal data', async () => {
    const text = await file(w.processId);
    const parsed = parsePb(text);
    if (!parsed.ok) throw new Error('unreadable');
    const ballots = await db.query<{ public_id: string; proposal_ids: string[] }>(
      'select public_id, proposal_ids from private.pb_ballots where process_id = $1',
      [w.processId],
    );
    const ids = ballots.map((b) => b.public_id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(parsed.value.votes.map((v) => v.voterId)).toEqual(ids);
    const numberOf = new Map(w.proposals.map((p) => [p.id, String(p.number)]));
    for (const b of ballots) {
      const vote = parsed.value.votes.find((v) => v.voterId === b.public_id)!;
      expect([...vote.vote].sort()).toEqual(b.proposal_ids.map((id) => numberOf.get(id)).sort());
    }
    // No uuid at all (person, ballot, proposal or process ids), no e-mail address.
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text).not.toMatch(/@/);
  });

  it('is the same text however the ballots were stored, and changes when one does', async () => {
    const before = await file(w.processId);
    expect(await file(w.processId)).toBe(before);
    // The same choices in another order leave the file as it was.
    await db.query(
      `update private.pb_ballots set proposal_ids = array(select unnest(proposal_ids) order by 1 desc)
                    where id = (select id from private.pb_ballots where process_id = $1 and cardinality(proposal_ids) > 2 limit 1)`,
      [w.processId],
    );
    expect(await file(w.processId)).toBe(before);
    const world = await buildCountWorld(db, { ballots: 10, phase: 'counting' });
    const one = await file(world.processId);
    await addBallots(db, world, 1, 100000, 99, 'paper');
    expect(await file(world.processId)).not.toBe(one);
  });

  it('counts with the engine to the winners of its own counting options', async () => {
    const result = countFile(await file(w.processId), { rule: 'equal-shares', completion: 'add1u', compareWithGreedy: true, seed: 1 });
    expect(result.voters).toBe(80);
    expect(result.winners.length).toBeGreaterThan(0);
  });
});

describe('api.pb_start_count', () => {
  it('lets an officer of the process start while counting, and audits it', async () => {
    const data = await ok<unknown>(w.actors.officer, 'pb_start_count', { p_process_id: w.processId });
    expect(data).toMatchObject({ process_id: w.processId, counted_by: w.person.officer, ballots: 80, rule: 'equal-shares' });
    const [event] = await db.query<{ action: string; actor: string; new_values: unknown }>(
      `select action, actor, new_values from private.audit_events
       where table_name = 'read_records' and new_values -> 'details' ->> 'process_id' = $1 order by id desc limit 1`,
      [w.processId],
    );
    expect(event).toMatchObject({ action: 'export', actor: w.person.officer });
    expect(event!.new_values).toMatchObject({ kind: 'export', what: 'pb_count', person_id: w.person.officer, details: { ballots: 80 } });
  });

  it('refuses everyone else with a key', async () => {
    const args = { p_process_id: w.processId };
    await refused(anonymous, 'pb_start_count', args, 401, 'sign_in_needed');
    await refused(serviceRole, 'pb_start_count', args, 401, 'sign_in_needed');
    await refused(w.actors.resident, 'pb_start_count', args, 403, 'not_process_officer');
    await refused(w.actors.otherOfficer, 'pb_start_count', args, 403, 'not_process_officer');
    await refused({ ...w.actors.officer, sessionId: randomUUID() }, 'pb_start_count', args, 401, 'session_ended');
    await refused(w.actors.officer, 'pb_start_count', { p_process_id: randomUUID() }, 404, 'process_not_found');
  });

  it('refuses before counting and when there is nothing to count', async () => {
    const voting = await buildCountWorld(db, { phase: 'voting', ballots: 5 });
    await refused(voting.actors.officer, 'pb_start_count', { p_process_id: voting.processId }, 409, 'wrong_phase');
    const empty = await buildCountWorld(db, { ballots: 0 });
    await refused(empty.actors.officer, 'pb_start_count', { p_process_id: empty.processId }, 409, 'no_ballots');
  });
});

describe('api.pb_count_input and api.pb_store_result (service role only)', () => {
  it('give the Edge Function the file and its sha256, and store what it counted', async () => {
    const { input, result, stored } = await countAndStore(w);
    expect(input).toMatchObject({ process_id: w.processId, rule: 'equal-shares', ballots: 80, budget: 100000, currency: 'GBP' });
    expect(input.ballot_file).toBe(await file(w.processId));
    expect(input.sha256).toBe(sha(input.ballot_file));
    expect(stored).toMatchObject({ process_id: w.processId, sha256: input.sha256, ballots: 80, winners: result.winners });
    const [row] = await db.query<{ options: Record<string, unknown>; result: CountResult }>(
      'select * from private.pb_results where id = $1',
      [stored.result_id],
    );
    expect(row).toMatchObject({
      ballot_file: input.ballot_file,
      ballot_file_sha256: input.sha256,
      ballots: 80,
      counted_by: w.person.officer,
      published_at: null,
      rule: 'equal-shares',
    });
    expect(row!.options).toEqual({ completion: 'add1u', compareWithGreedy: true, seed: 1, rule: 'equal-shares' });
    expect(row!.result.winners).toEqual(result.winners);
  });

  it('are refused to everyone but the service role', async () => {
    const input = await ok<CountInput>(serviceRole, 'pb_count_input', { p_process_id: w.processId });
    const store = {
      p_process_id: w.processId,
      p_sha256: input.sha256,
      p_result: { rule: 'equal-shares', winners: [], projects: [] },
      p_counted_by: w.person.officer,
    };
    for (const actor of [anonymous, w.actors.resident, w.actors.officer, w.actors.otherOfficer]) {
      const status = actor === anonymous ? 401 : 403;
      await refused(actor, 'pb_count_input', { p_process_id: w.processId }, status);
      await refused(actor, 'pb_store_result', store, status);
    }
  });

  it('refuse a result whose ballots changed since they were read, and bad input', async () => {
    const world = await buildCountWorld(db, { ballots: 20 });
    const input = await ok<CountInput>(serviceRole, 'pb_count_input', { p_process_id: world.processId });
    const result = countFile(input.ballot_file, { ...input.rule_options, rule: input.rule });
    const args = { p_process_id: world.processId, p_sha256: input.sha256, p_result: result, p_counted_by: world.person.officer };
    await refused(serviceRole, 'pb_store_result', { ...args, p_sha256: 'abc' }, 400, 'bad_sha256');
    await refused(serviceRole, 'pb_store_result', { ...args, p_result: { winners: 'all' } }, 400, 'bad_result');
    await refused(serviceRole, 'pb_store_result', { ...args, p_result: { ...result, rule: 'greedy' } }, 400, 'bad_result');
    await refused(serviceRole, 'pb_store_result', { ...args, p_counted_by: world.person.resident }, 403, 'not_process_officer');
    await refused(serviceRole, 'pb_store_result', { ...args, p_counted_by: w.person.officer }, 403, 'not_process_officer');
    await refused(serviceRole, 'pb_store_result', { ...args, p_process_id: randomUUID() }, 404, 'process_not_found');
    await addBallots(db, world, 1, 100000, 5, 'paper');
    await refused(serviceRole, 'pb_store_result', args, 409, 'ballots_changed');
    await setPhase(db, world.processId, 'voting');
    await refused(serviceRole, 'pb_count_input', { p_process_id: world.processId }, 409, 'wrong_phase');
    await refused(serviceRole, 'pb_store_result', args, 409, 'wrong_phase');
    await refused(serviceRole, 'pb_count_input', { p_process_id: randomUUID() }, 404, 'process_not_found');
  });
});

describe('api.pb_store_result keeps the very file that was read, without building it again', () => {
  it('stores the kept file byte for byte, the one whose sha256 was counted', async () => {
    const world = await buildCountWorld(db, { ballots: 25 });
    const { input, stored } = await countAndStore(world);
    const [row] = await db.query<{ f: string; s: string }>(
      'select ballot_file as f, ballot_file_sha256 as s from private.pb_results where id = $1',
      [stored.result_id],
    );
    expect(row!.f).toBe(input.ballot_file);
    expect(row!.s).toBe(sha(input.ballot_file));
    expect(row!.f).toBe(await file(world.processId));
  });

  it('refuses once anything the file is made of changed: a ballot, a project title, a category name', async () => {
    const world = await buildCountWorld(db, { ballots: 20 });
    const read = async () => {
      const input = await ok<{ ballot_file: string; rule: string; rule_options: Record<string, unknown>; sha256: string }>(
        serviceRole,
        'pb_count_input',
        { p_process_id: world.processId },
      );
      const result = countFile(input.ballot_file, { ...input.rule_options, rule: input.rule });
      return { p_process_id: world.processId, p_sha256: input.sha256, p_result: result, p_counted_by: world.person.officer };
    };
    const changes = [
      `update private.pb_ballots set proposal_ids = proposal_ids[2:] where id = (select id from private.pb_ballots where process_id = $1 and cardinality(proposal_ids) > 1 order by public_id limit 1)`,
      `update private.pb_proposals set title = title || ' (renamed)' where id = (select id from private.pb_proposals where process_id = $1 and status = 'shortlisted' order by number limit 1)`,
      `update private.pb_categories set name = name || ' (renamed)' where process_id = $1`,
    ];
    for (const change of changes) {
      const args = await read();
      await db.query(change, [world.processId]);
      await refused(serviceRole, 'pb_store_result', args, 409, 'ballots_changed');
    }
    // A newer read replaces the kept file: the older count is refused, the newer one stored.
    const older = await read();
    await addBallots(db, world, 1, 100000, 7, 'paper');
    const newer = await read();
    expect(newer.p_sha256).not.toBe(older.p_sha256);
    await refused(serviceRole, 'pb_store_result', older, 409, 'ballots_changed');
    expect(await ok(serviceRole, 'pb_store_result', newer)).toMatchObject({ sha256: newer.p_sha256 });
  });
});

describe('results: the officers preview, then everyone once published', () => {
  it('shows the latest count to the process officers only, before publishing', async () => {
    const world = await buildCountWorld(db, { ballots: 30, rule: 'greedy', ruleOptions: { seed: 3 } });
    await refused(world.actors.officer, 'pb_latest_result', { p_process_id: world.processId }, 404, 'not_counted');
    const { result, input } = await countAndStore(world);
    const latest = await ok<PbLatestResult>(world.actors.officer, 'pb_latest_result', { p_process_id: world.processId });
    expect(latest).toMatchObject({ process_id: world.processId, rule: 'greedy', sha256: input.sha256, ballots: 30, published_at: null });
    expect(latest.result.winners).toEqual(result.winners);
    expect(latest.counted_by.id).toBe(world.person.officer);
    expect(latest.projects.map((p) => p.project_id)).toEqual(world.proposals.map((p) => String(p.number)));
    expect(latest.projects[0]).toMatchObject({ proposal_id: world.proposals[0]!.id, number: 1, title: 'Benches; and "bins"' });
    await refused(anonymous, 'pb_latest_result', { p_process_id: world.processId }, 401, 'sign_in_needed');
    await refused(world.actors.resident, 'pb_latest_result', { p_process_id: world.processId }, 403, 'not_process_officer');
    await refused(world.actors.otherOfficer, 'pb_latest_result', { p_process_id: world.processId }, 403, 'not_process_officer');
    // Not public until published.
    for (const fn of ['pb_result', 'pb_published_ballot_file']) {
      for (const actor of [anonymous, world.actors.resident, world.actors.officer]) {
        await refused(actor, fn, { p_process_id: world.processId }, 409, 'results_not_published');
      }
    }
  });

  it('publishes the counted result and its very ballot file to everyone', async () => {
    const world = await buildCountWorld(db, { ballots: 40 });
    const { result, input } = await countAndStore(world);
    await publishLatest(db, world.processId, world.person.officer);
    for (const actor of [anonymous, world.actors.resident, serviceRole]) {
      const published = await ok<PbResult>(actor, 'pb_result', { p_process_id: world.processId });
      expect(published).toMatchObject({ process_id: world.processId, sha256: input.sha256, ballots: 40 });
      expect(published.published_at).not.toBeNull();
      expect(published.result.winners).toEqual(result.winners);
      expect(published).not.toHaveProperty('counted_by');
      const download = await ok<PbBallotFile>(actor, 'pb_published_ballot_file', { p_process_id: world.processId });
      expect(download).toMatchObject({ file_name: `${world.slug}.pb`, sha256: input.sha256, ballots: 40 });
      expect(download.ballot_file).toBe(input.ballot_file);
      expect(sha(download.ballot_file)).toBe(download.sha256);
      expect(countFile(download.ballot_file, published.options).winners).toEqual(published.result.winners);
    }
  });

  it('hides a draft process and answers 404 for one that does not exist', async () => {
    const draft = await buildCountWorld(db, { phase: 'draft', ballots: 0 });
    for (const fn of ['pb_result', 'pb_published_ballot_file']) {
      await refused(anonymous, fn, { p_process_id: draft.processId }, 404, 'process_not_found');
      await refused(w.actors.resident, fn, { p_process_id: randomUUID() }, 404, 'process_not_found');
    }
  });
});
