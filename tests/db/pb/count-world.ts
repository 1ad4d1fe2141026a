// Processes with ballots for the counting tests, written with SQL as the database owner (the
// officers' and residents' functions are other parts' work): a process in the phase asked for,
// its officer, an officer of another process and a resident; a shortlist with checked costs,
// wards and categories whose names need quoting in a .pb file; and seeded random ballots that
// fit the budget. `publishLatest` does what moving to results does: publish the latest count.
import type { Database } from '../../../supabase/local/database.ts';
import { newPerson, type Actor } from '../../support/db.ts';
import { mulberry32 } from '../../../src/lib/pb/prng.ts';

type Db = Database;

export type CountPhase = 'draft' | 'proposals' | 'review' | 'voting' | 'counting' | 'results';

export interface CountWorldOptions {
  phase?: CountPhase;
  projects?: number;
  ballots?: number;
  budget?: number;
  rule?: 'equal-shares' | 'greedy';
  ruleOptions?: Record<string, unknown>;
  seed?: number;
}

export interface CountWorld {
  tag: string;
  processId: string;
  otherProcessId: string;
  slug: string;
  /** Shortlisted proposals in number order (number = index + 1). */
  proposals: { id: string; number: number; cost: number }[];
  person: { officer: string; otherOfficer: string; resident: string };
  actors: { officer: Actor; otherOfficer: Actor; resident: Actor };
}

let counter = 0;

async function one<T>(db: Db, text: string, params: unknown[]): Promise<T> {
  const [row] = await db.query<Record<string, unknown>>(text, params);
  return row as T;
}

async function insertProcess(
  db: Db,
  tag: string,
  slug: string,
  o: Required<Pick<CountWorldOptions, 'phase' | 'budget' | 'rule' | 'ruleOptions'>>,
  officer: string,
) {
  const { id } = await one<{ id: string }>(
    db,
    `insert into private.pb_processes (slug, title, description, area, budget, phase, rule, rule_options, min_projects, max_projects, created_by)
     values ($1, $2, 'A test of counting.', $3, $4, $5, $6, $7, 0, 20, $8) returning id`,
    [slug, `Count chest ${tag}; "the test"`, ' Oxford; city ', o.budget, o.phase, o.rule, JSON.stringify(o.ruleOptions), officer],
  );
  await db.query('insert into private.pb_process_officers (process_id, person_id) values ($1, $2)', [id, officer]);
  return id;
}

/** A process with its shortlist and ballots (written while it was voting, then moved on). */
export async function buildCountWorld(db: Db, options: CountWorldOptions = {}): Promise<CountWorld> {
  counter += 1;
  const tag = `c${counter}${Math.random().toString(36).slice(2, 7)}`;
  const o = {
    phase: options.phase ?? 'counting',
    projects: options.projects ?? 8,
    ballots: options.ballots ?? 60,
    budget: options.budget ?? 100000,
    rule: options.rule ?? 'equal-shares',
    ruleOptions: options.ruleOptions ?? { completion: 'add1u', compareWithGreedy: true, seed: 1 },
    seed: options.seed ?? 7,
  } as const;
  const actors = {
    officer: await newPerson(db, `count-officer-${tag}@example.org`, { officer: true }),
    otherOfficer: await newPerson(db, `count-other-${tag}@example.org`, { officer: true }),
    resident: await newPerson(db, `count-resident-${tag}@example.org`),
  };
  const person = { officer: actors.officer.sub, otherOfficer: actors.otherOfficer.sub, resident: actors.resident.sub };
  const slug = `count-chest-${tag}`;
  const processId = await insertProcess(db, tag, slug, o, person.officer);
  const otherProcessId = await insertProcess(db, `${tag}x`, `${slug}-other`, { ...o, phase: 'counting' }, person.otherOfficer);

  const wards = [
    (
      await one<{ id: string }>(db, `insert into private.pb_wards (process_id, name) values ($1, 'Carfax; "Old Town"') returning id`, [
        processId,
      ])
    ).id,
    (
      await one<{ id: string }>(db, `insert into private.pb_wards (process_id, name) values ($1, 'Blackbird Leys') returning id`, [
        processId,
      ])
    ).id,
  ];
  const categories = [
    (
      await one<{ id: string }>(
        db,
        `insert into private.pb_categories (process_id, name) values ($1, 'Parks, play and green spaces') returning id`,
        [processId],
      )
    ).id,
    (
      await one<{ id: string }>(db, `insert into private.pb_categories (process_id, name) values ($1, 'Young people') returning id`, [
        processId,
      ])
    ).id,
  ];
  const random = mulberry32(o.seed);
  const proposals: CountWorld['proposals'] = [];
  for (let n = 1; n <= o.projects; n++) {
    const cost = 1000 * (3 + Math.floor(random() * 30)) + (n % 3 === 0 ? 0.5 : 0);
    const { id } = await one<{ id: string }>(
      db,
      `insert into private.pb_proposals (process_id, number, author_id, title, summary, details, estimated_cost, ward_id, category_id, status, checked_cost)
       values ($1, $2, $3, $4, 'A summary.', 'What it would do.', $5, $6, $7, 'shortlisted', $5) returning id`,
      [
        processId,
        n,
        person.resident,
        n === 1 ? 'Benches; and "bins"' : `Project ${n}`,
        cost,
        n % 4 === 0 ? null : wards[n % 2],
        n % 5 === 0 ? null : categories[n % 2],
      ],
    );
    proposals.push({ id, number: n, cost });
  }
  // One more proposal that is not on the shortlist: it must not appear in the file.
  await db.query(
    `insert into private.pb_proposals (process_id, number, author_id, title, summary, details, estimated_cost, status, status_reason)
     values ($1, $2, $3, 'Not feasible', 'A summary.', 'What it would do.', 5000, 'not_feasible', 'Too dear.')`,
    [processId, o.projects + 1, person.resident],
  );
  await addBallots(db, { processId, proposals }, o.ballots, o.budget, o.seed + 1);
  return {
    tag,
    processId,
    otherProcessId,
    slug,
    proposals,
    person,
    actors,
  };
}

/** Seeded ballots of 0–6 projects that fit the budget, some far more popular than others. */
export async function addBallots(
  db: Db,
  w: Pick<CountWorld, 'processId' | 'proposals'>,
  count: number,
  budget: number,
  seed: number,
  channel: 'online' | 'paper' = 'online',
): Promise<void> {
  const random = mulberry32(seed);
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const want = Math.floor(random() * 7);
    const chosen: string[] = [];
    let total = 0;
    for (let tries = 0; tries < 20 && chosen.length < want; tries++) {
      const p = w.proposals[Math.floor(random() ** 2 * w.proposals.length)]!;
      if (!chosen.includes(p.id) && total + p.cost <= budget) {
        chosen.push(p.id);
        total += p.cost;
      }
    }
    rows.push(chosen);
  }
  let station: string | null = null;
  if (channel === 'paper') {
    station = (
      await one<{ id: string }>(db, `insert into private.pb_polling_stations (process_id, name) values ($1, $2) returning id`, [
        w.processId,
        `Station ${seed}`,
      ])
    ).id;
  }
  await db.query(
    `insert into private.pb_ballots (process_id, proposal_ids, channel, station_id)
     select $1, array(select jsonb_array_elements_text(x)::uuid), $3, $4 from jsonb_array_elements($2::jsonb) as x`,
    [w.processId, JSON.stringify(rows), channel, station],
  );
}

export async function setPhase(db: Db, processId: string, phase: CountPhase): Promise<void> {
  await db.query('update private.pb_processes set phase = $2, phase_changed_at = now() where id = $1', [processId, phase]);
}

/** What api.pb_move_phase to results does: publish the latest stored count. */
export async function publishLatest(db: Db, processId: string, by: string): Promise<void> {
  await db.query(
    `update private.pb_results set published_at = now(), published_by = $2
     where id = (select id from private.pb_results where process_id = $1 order by counted_at desc, id limit 1)`,
    [processId, by],
  );
  await setPhase(db, processId, 'results');
}
