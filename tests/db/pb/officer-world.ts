// A participatory-budgeting process built through the officers' api, with everyone the officer
// tests call as: its officer, an officer who runs another process, a resident, scrutiny and
// an anonymous caller. Proposals are written with SQL (residents' proposing is another part's
// function); every other step is the api. `buildOfficerWorld(db, upTo)` stops at that phase.
import type { Database } from '../../../supabase/local/database.ts';
import { anonymous, newPerson, type Actor } from '../../support/db.ts';
import { ok } from './support.ts';

export { chainHead, eventsSince, ok, refused } from './support.ts';

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

/** Writes a proposal as a resident's would be (submitted), returning its id. */
export async function addProposal(
  db: Database,
  w: Pick<OfficerWorld, 'processId' | 'wardId' | 'categoryId'>,
  authorId: string,
  n: number,
  cost: number,
): Promise<string> {
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
  const officer = await newPerson(db, `officer-${tag}@example.org`, { officer: true });
  const otherOfficer = await newPerson(db, `other-officer-${tag}@example.org`, { officer: true });
  const resident = await newPerson(db, `resident-${tag}@example.org`);
  const scrutiny = await newPerson(db, `scrutiny-${tag}@example.org`, { scrutiny: true });
  const person = { officer: officer.sub, otherOfficer: otherOfficer.sub, resident: resident.sub, scrutiny: scrutiny.sub };
  const actors = { anonymous, officer, otherOfficer, resident, scrutiny };
  const process = await ok(db, actors.officer, 'pb_create_process', {
    p_title: `Test chest ${tag}`,
    p_slug: `test-chest-${tag}`,
    p_area: 'Oxford',
    p_budget: 100000,
    p_eligibility: ['voting_code'],
    p_max_projects: 5,
  });
  const other = await ok(db, actors.otherOfficer, 'pb_create_process', {
    p_title: `Other chest ${tag}`,
    p_slug: `other-chest-${tag}`,
    p_area: 'Banbury',
    p_budget: 50000,
  });
  const ward = await ok(db, actors.officer, 'pb_add_ward', { p_process_id: process.id, p_name: 'Carfax' });
  const category = await ok(db, actors.officer, 'pb_add_category', { p_process_id: process.id, p_name: 'Parks' });
  const w: OfficerWorld = {
    tag,
    processId: process.id,
    otherProcessId: other.id,
    wardId: ward.id,
    categoryId: category.id,
    proposals: [],
    codes: [],
    actors,
    person,
  };
  if (upTo === 'draft') return w;
  await ok(db, actors.officer, 'pb_move_phase', { p_process_id: w.processId, p_to: 'proposals' });
  for (let n = 1; n <= 6; n++) w.proposals.push(await addProposal(db, w, person.resident, n, n * 10000));
  if (upTo === 'proposals') return w;
  await ok(db, actors.officer, 'pb_move_phase', { p_process_id: w.processId, p_to: 'review' });
  for (let i = 0; i < 4; i++) {
    await ok(db, actors.officer, 'pb_decide_feasibility', {
      p_proposal_id: w.proposals[i],
      p_feasible: true,
      p_checked_cost: (i + 1) * 10000,
    });
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
       where code_hash = private.pb_code_hash($1, $2) returning id`,
      [w.processId, code],
    );
    const [b] = await tx.query<{ id: string }>(
      `insert into private.pb_ballots (process_id, proposal_ids, channel) values ($1, $2, 'online') returning id`,
      [w.processId, proposalIds],
    );
    await tx.query('insert into private.pb_voters (process_id, code_id, ballot_id) values ($1, $2, $3)', [w.processId, c!.id, b!.id]);
  });
}
