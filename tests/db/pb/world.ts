// A PB process built directly with SQL as the database owner, for any PB test: skips the officers'
// functions, so a test of residents (or of counting) does not depend on them.
//
//   const w = await buildPbWorld(db, { phase: 'voting', budget: 10000, shortlist: [4000, 3000, 2500] });
//   w.processId, w.slug, w.wards[0].id, w.categories[0].id
//   w.shortlist[i] = { id, checkedCost }          shortlisted proposals, in number order
//   w.officer (an Actor in pb_process_officers), w.resident / w.other (plain residents)
//   await addCodes(db, w, 3) → ['7KQM-3XWP-HT9C', …] (stored hashed, as officers issue them)
//   await addProposal(db, w, { status: 'hidden', status_reason: '…', author_id: w.person.resident })
//   await makeEligible(db, w, personId) (a declared postcode, without calling the API)
//   await newResident(db, 'label') → an Actor of a fresh signed-in user
import type { Database } from '../../../supabase/local/database.ts';
import { newPerson, type Actor } from '../../support/db.ts';

export type PbPhase = 'draft' | 'proposals' | 'review' | 'voting' | 'counting' | 'results';

export interface PbWorldOptions {
  phase?: PbPhase;
  budget?: number;
  /** Checked costs of the shortlisted proposals to create (status shortlisted). */
  shortlist?: number[];
  minProjects?: number;
  maxProjects?: number | null;
  eligibility?: ('voting_code' | 'postcode')[];
  postcodePrefixes?: string[];
  wards?: string[];
  categories?: string[];
}

export interface PbWorld {
  tag: string;
  processId: string;
  slug: string;
  budget: number;
  wards: { id: string; name: string }[];
  categories: { id: string; name: string }[];
  shortlist: { id: string; checkedCost: number }[];
  officer: Actor;
  resident: Actor;
  other: Actor;
  person: { officer: string; resident: string; other: string };
}

let counter = 0;
const uniqueTag = () => `${(counter += 1)}${Math.random().toString(36).slice(2, 8)}`;

/** A fresh auth user (and so a private.people row), as a signed-in actor. */
export async function newResident(db: Database, label = 'resident'): Promise<Actor & { sub: string }> {
  const email = `${label}-${uniqueTag()}@example.org`.toLowerCase();
  return newPerson(db, email);
}

export async function buildPbWorld(db: Database, options: PbWorldOptions = {}): Promise<PbWorld> {
  const tag = uniqueTag();
  const slug = `pb-test-${tag}`;
  const budget = options.budget ?? 10000;
  const officer = await newPerson(db, `officer-${uniqueTag()}@example.org`, { officer: true });
  const [resident, other] = [await newResident(db, 'resident'), await newResident(db, 'other')];
  const [process] = await db.query<{ id: string }>(
    `insert into private.pb_processes (slug, title, description, area, budget, phase, min_projects, max_projects, eligibility, postcode_prefixes, created_by)
     values ($1, $2, 'A process made by a test.', 'Testshire', $3, $4, $5, $6, $7, $8, $9) returning id`,
    [
      slug,
      `Test process ${tag}`,
      budget,
      options.phase ?? 'voting',
      options.minProjects ?? 1,
      options.maxProjects ?? null,
      options.eligibility ?? ['voting_code', 'postcode'],
      options.postcodePrefixes ?? ['OX1', 'OX44', 'OX2 6'],
      officer.sub,
    ],
  );
  const processId = process!.id;
  await db.query('insert into private.pb_process_officers (process_id, person_id) values ($1, $2)', [processId, officer.sub]);
  await db.query(
    `insert into private.pb_process_phases (process_id, phase, starts_at, ends_at)
     select $1, p, now() + (i - 4) * interval '7 days', now() + (i - 3) * interval '7 days'
     from unnest(enum_range(null::private.pb_phase)) with ordinality as u (p, i) where p <> 'draft'`,
    [processId],
  );
  const wards = [];
  for (const name of options.wards ?? ['North', 'South']) {
    const [row] = await db.query<{ id: string }>('insert into private.pb_wards (process_id, name) values ($1, $2) returning id', [
      processId,
      name,
    ]);
    wards.push({ id: row!.id, name });
  }
  const categories = [];
  for (const name of options.categories ?? ['Parks', 'Youth']) {
    const [row] = await db.query<{ id: string }>('insert into private.pb_categories (process_id, name) values ($1, $2) returning id', [
      processId,
      name,
    ]);
    categories.push({ id: row!.id, name });
  }
  const w: PbWorld = {
    tag,
    processId,
    slug,
    budget,
    wards,
    categories,
    shortlist: [],
    officer,
    resident,
    other,
    person: { officer: officer.sub, resident: resident.sub, other: other.sub },
  };
  for (const cost of options.shortlist ?? [4000, 3000, 2500, 1500]) {
    const id = await addProposal(db, w, { status: 'shortlisted', checked_cost: cost, estimated_cost: cost });
    w.shortlist.push({ id, checkedCost: cost });
  }
  return w;
}

/** A proposal of the world's process, numbered next; any column may be given. Returns its id. */
export async function addProposal(db: Database, w: PbWorld, columns: Record<string, unknown> = {}): Promise<string> {
  const values: Record<string, unknown> = {
    process_id: w.processId,
    title: `Proposal ${uniqueTag()}`,
    summary: 'A short summary.',
    details: 'What it would do.',
    estimated_cost: 1000,
    ward_id: w.wards[0]?.id ?? null,
    category_id: w.categories[0]?.id ?? null,
    ...columns,
  };
  const names = Object.keys(values);
  const [row] = await db.query<{ id: string }>(
    `insert into private.pb_proposals (number, ${names.join(', ')})
     values ((select coalesce(max(number), 0) + 1 from private.pb_proposals where process_id = $1), ${names.map((_, i) => `$${i + 2}`).join(', ')})
     returning id`,
    [w.processId, ...names.map((n) => values[n])],
  );
  return row!.id;
}

/** Voting codes for the world's process, stored hashed in a new batch; returns the codes. */
export async function addCodes(db: Database, w: PbWorld, count: number): Promise<string[]> {
  const [batch] = await db.query<{ id: string }>(
    `insert into private.pb_code_batches (process_id, label, size, issued_by) values ($1, $2, $3, $4) returning id`,
    [w.processId, `Batch ${uniqueTag()}`, count, w.person.officer],
  );
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const [row] = await db.query<{ code: string }>('select private.pb_new_code(12) as code');
    await db.query('insert into private.pb_voting_codes (process_id, batch_id, code_hash) values ($1, $2, private.pb_code_hash($1, $3))', [
      w.processId,
      batch!.id,
      row!.code,
    ]);
    codes.push(row!.code);
  }
  return codes;
}

/** Makes a person eligible in the world's process by a declared postcode, without the API. */
export async function makeEligible(db: Database, w: PbWorld, personId: string): Promise<void> {
  await db.query(
    `insert into private.pb_eligible_people (process_id, person_id, method, postcode) values ($1, $2, 'postcode', 'OX1 1AA')`,
    [w.processId, personId],
  );
}

/** Moves the world's process to a phase directly (no preconditions checked). */
export async function setPhase(db: Database, w: PbWorld, phase: PbPhase): Promise<void> {
  await db.query('update private.pb_processes set phase = $2, phase_changed_at = now() where id = $1', [w.processId, phase]);
}
