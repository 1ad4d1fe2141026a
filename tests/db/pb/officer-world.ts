// A participatory-budgeting process built through the officers' api, with everyone the officer
// tests call as: its officer, an officer who runs another process, a resident, scrutiny and
// an anonymous caller. Proposals are written with SQL (residents' proposing is another part's
// function); every other step is the api. `buildOfficerWorld(db, upTo)` stops at that phase.
import { expect } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { anonymous, callAs, createUser, signedIn, type Actor, type CallResult } from '../../support/db.ts';

export interface OfficerWorld {
  tag: string;
  processId: string;
  otherProcessId: string;
  wardId: string;
  categoryId: string;
  /** Proposals P-001..P-006; the first four shortlisted from review on (costs 10k, 20k, 30k, 40k). */
  proposals: string[];
  stationId?: string;
  /** Plain codes of a batch of 10, issued in review. */
  codes: string[];
  actors: { anonymous: Actor; officer: Actor; otherOfficer: Actor; resident: Actor; scrutiny: Actor };
  person: { officer: string; otherOfficer: string; resident: string; scrutiny: string };
}

export type Upto = 'draft' | 'proposals' | 'review' | 'voting' | 'counting';

let counter = 0;

/** The data of a call that must succeed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the default lets the existing calls read answers untyped; a new call should name its wrapper's Result type (src/lib/api/).
export async function ok<T = any>(db: Database, actor: Actor, fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const result = await callAs(db, actor, fn, args);
  if (!result.ok) expect.fail(`${fn} refused (${result.status} ${result.code}): ${result.message} ${result.details ?? ''}`);
  return result.data as T;
}

export async function chainHead(db: Database): Promise<number> {
  const [row] = await db.query<{ last_id: string | null }>('select max(last_id) as last_id from private.audit_chain_head');
  return Number(row?.last_id ?? 0);
}

/** A refusal with this status (and key), which wrote nothing at all. */
export async function refused(db: Database, actor: Actor, fn: string, args: Record<string, unknown>, status: number, key?: string): Promise<CallResult & { ok: false }> {
  const before = await chainHead(db);
  const result = await callAs(db, actor, fn, args);
  expect(result, `${fn} should be refused`).toMatchObject({ ok: false, status });
  if (key) expect(JSON.parse((result as { details: string }).details).key, `${fn} refusal key`).toBe(key);
  expect(await chainHead(db), `${fn} refused but wrote something`).toBe(before);
  return result as CallResult & { ok: false };
}

/** A row's values as an audit event keeps them: null on the side the change has none (an insert's old values). */
type AuditValues = Record<string, unknown> | null;

export async function eventsSince(db: Database, after: number) {
  return db.query<{ id: string; action: string; table_name: string; row_id: string | null; actor: string | null; actor_role: string; details: AuditValues; new_values: AuditValues; old_values: AuditValues }>(
    'select id, action, table_name, row_id, actor, actor_role, details, new_values, old_values from private.audit_events where id > $1 order by id',
    [after],
  );
}

async function officerUser(db: Database, email: string): Promise<string> {
  const id = await createUser(db, email);
  await db.query('update private.people set is_officer = true where id = $1', [id]);
  return id;
}

/** Writes a proposal as a resident's would be (submitted), returning its id. */
export async function addProposal(db: Database, w: Pick<OfficerWorld, 'processId' | 'wardId' | 'categoryId'>, authorId: string, n: number, cost: number): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `insert into private.pb_proposals (process_id, number, author_id, title, summary, details, estimated_cost, ward_id, category_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [w.processId, n, authorId, `Project ${n}`, `Summary of project ${n}.`, `What project ${n} would do.`, cost, w.wardId, w.categoryId],
  );
  return row!.id;
}

export async function buildOfficerWorld(db: Database, upTo: Upto = 'review'): Promise<OfficerWorld> {
  counter += 1;
  const tag = `o${counter}${Math.random().toString(36).slice(2, 7)}`;
  const person = {
    officer: await officerUser(db, `officer-${tag}@example.org`),
    otherOfficer: await officerUser(db, `other-officer-${tag}@example.org`),
    resident: await createUser(db, `resident-${tag}@example.org`),
    scrutiny: await createUser(db, `scrutiny-${tag}@example.org`),
  };
  await db.query('update private.people set is_scrutiny = true where id = $1', [person.scrutiny]);
  const actors = {
    anonymous,
    officer: signedIn(person.officer, `officer-${tag}@example.org`),
    otherOfficer: signedIn(person.otherOfficer, `other-officer-${tag}@example.org`),
    resident: signedIn(person.resident, `resident-${tag}@example.org`),
    scrutiny: signedIn(person.scrutiny, `scrutiny-${tag}@example.org`),
  };
  const process = await ok(db, actors.officer, 'pb_create_process', {
    p_title: `Test chest ${tag}`, p_slug: `test-chest-${tag}`, p_area: 'Oxford', p_budget: 100000,
    p_eligibility: ['voting_code'], p_max_projects: 5,
  });
  const other = await ok(db, actors.otherOfficer, 'pb_create_process', {
    p_title: `Other chest ${tag}`, p_slug: `other-chest-${tag}`, p_area: 'Banbury', p_budget: 50000,
  });
  const ward = await ok(db, actors.officer, 'pb_add_ward', { p_process_id: process.id, p_name: 'Carfax' });
  const category = await ok(db, actors.officer, 'pb_add_category', { p_process_id: process.id, p_name: 'Parks' });
  const w: OfficerWorld = {
    tag, processId: process.id, otherProcessId: other.id, wardId: ward.id, categoryId: category.id,
    proposals: [], codes: [], actors, person,
  };
  if (upTo === 'draft') return w;
  await ok(db, actors.officer, 'pb_move_phase', { p_process_id: w.processId, p_to: 'proposals' });
  for (let n = 1; n <= 6; n++) w.proposals.push(await addProposal(db, w, person.resident, n, n * 10000));
  if (upTo === 'proposals') return w;
  await ok(db, actors.officer, 'pb_move_phase', { p_process_id: w.processId, p_to: 'review' });
  for (let i = 0; i < 4; i++) {
    await ok(db, actors.officer, 'pb_decide_feasibility', { p_proposal_id: w.proposals[i], p_feasible: true, p_checked_cost: (i + 1) * 10000 });
    await ok(db, actors.officer, 'pb_set_shortlisted', { p_proposal_id: w.proposals[i], p_shortlisted: true });
  }
  const batch = await ok(db, actors.officer, 'pb_issue_codes', { p_process_id: w.processId, p_label: 'Letters', p_count: 10 });
  w.codes = batch.codes;
  w.stationId = (await ok(db, actors.officer, 'pb_add_station', { p_process_id: w.processId, p_name: 'Town Hall' })).id;
  if (upTo === 'review') return w;
  await ok(db, actors.officer, 'pb_move_phase', { p_process_id: w.processId, p_to: 'voting' });
  if (upTo === 'voting') return w;
  await ok(db, actors.officer, 'pb_move_phase', { p_process_id: w.processId, p_to: 'counting' });
  return w;
}

/** Casts an online ballot as a resident would, by SQL (the residents' vote is another part's function). */
export async function castOnline(db: Database, w: OfficerWorld, code: string, proposalIds: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    const [c] = await tx.query<{ id: string }>(
      `update private.pb_voting_codes set used_at = now(), used_channel = 'online'
       where code_hash = private.pb_code_hash($1, $2) returning id`, [w.processId, code]);
    const [b] = await tx.query<{ id: string }>(
      `insert into private.pb_ballots (process_id, proposal_ids, channel) values ($1, $2, 'online') returning id`, [w.processId, proposalIds]);
    await tx.query('insert into private.pb_voters (process_id, code_id, ballot_id) values ($1, $2, $3)', [w.processId, c!.id, b!.id]);
  });
}
