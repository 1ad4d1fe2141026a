// The panel results, checked against the same sums done here in TypeScript from the raw scores:
// weighted totals out of 100, mean, spread, the mean of each kind of seat, their average (equal
// voices), the flag when the seats differ by more than the margin, and the ranking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationResult, RoundResults } from '../../../src/lib/api/results.ts';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';
import { ok, ROUNDS, seeded } from './support.ts';
import { buildWorld, fullScores, type World } from './world.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const officer = seeded('officer');

interface Counted {
  member: string;
  seat: 'community' | 'councillor';
  app: string;
  scores: Map<string, number>;
}
type Crit = { id: string; weight: number; maximum: number };

/** The results as the panel should see them, from scratch. */
function compute(criteria: Crit[], margin: number, counted: Counted[], apps: string[]) {
  const totalWeight = criteria.reduce((s, c) => s + c.weight, 0);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const out = apps.map((app) => {
    const rows = counted
      .filter((c) => c.app === app)
      .map((c) => ({
        seat: c.seat,
        total: (100 * criteria.reduce((s, cr) => s + (c.scores.get(cr.id)! / cr.maximum) * cr.weight, 0)) / totalWeight,
      }));
    const totals = rows.map((r) => r.total);
    const m = mean(totals);
    const community = mean(rows.filter((r) => r.seat === 'community').map((r) => r.total));
    const councillor = mean(rows.filter((r) => r.seat === 'councillor').map((r) => r.total));
    const balanced = community !== null && councillor !== null ? (community + councillor) / 2 : (community ?? councillor);
    const diff = community !== null && councillor !== null ? Math.abs(community - councillor) : null;
    return {
      app,
      members_scored: totals.length,
      mean: m,
      min: totals.length ? Math.min(...totals) : null,
      max: totals.length ? Math.max(...totals) : null,
      sd: m === null ? null : Math.sqrt(totals.reduce((s, t) => s + (t - m) ** 2, 0) / totals.length),
      community_mean: community,
      councillor_mean: councillor,
      balanced_mean: balanced,
      seat_difference: diff,
      seat_split_flag: diff !== null && diff > margin,
      rank: 0 as number | null,
    };
  });
  for (const r of out)
    r.rank = r.balanced_mean === null ? null : 1 + out.filter((o) => o.balanced_mean !== null && o.balanced_mean > r.balanced_mean!).length;
  return out;
}

/** Compares the api's answer (rounded to 2 places by Postgres) with the computed one. */
function expectAgree(actual: ApplicationResult[], expected: ReturnType<typeof compute>) {
  expect(actual).toHaveLength(expected.length);
  for (const e of expected) {
    const a = actual.find((x) => x.application_id === e.app)!;
    for (const key of ['mean', 'min', 'max', 'sd', 'community_mean', 'councillor_mean', 'balanced_mean', 'seat_difference'] as const) {
      const want = e[key];
      if (want === null) expect(a[key], `${a.reference} ${key}`).toBeNull();
      else expect(Math.abs(Number(a[key]) - want), `${a.reference} ${key}: ${a[key]} vs ${want}`).toBeLessThanOrEqual(0.0051);
    }
    expect(a, a.reference).toMatchObject({ members_scored: e.members_scored, seat_split_flag: e.seat_split_flag, rank: e.rank });
  }
  // Best first.
  const ranks = actual.map((a) => a.rank ?? Infinity);
  expect([...ranks].sort((x, y) => x - y)).toEqual(ranks);
}

describe('the seeded Sustainability Fund round at the panel', () => {
  it('agrees with the sums done from the raw scores', async () => {
    const criteria = await db.query<Crit>('select id, weight::float8 as weight, maximum from private.criteria where round_id = $1', [
      ROUNDS.sustainability,
    ]);
    const rows = await db.query<{ member: string; seat: Counted['seat']; app: string; criterion: string; score: number }>(
      `select s.member_id as member, m.seat, s.application_id as app, s.criterion_id as criterion, s.score
       from private.scores s join private.panel_members m on m.id = s.member_id
       join private.score_submissions sub on sub.member_id = s.member_id and sub.application_id = s.application_id and sub.submitted_at is not null
       where s.round_id = $1 and m.removed_at is null and m.seat is not null
         and not exists (select 1 from private.conflict_declarations d where d.member_id = s.member_id and d.application_id = s.application_id and d.has_conflict)`,
      [ROUNDS.sustainability],
    );
    const counted = new Map<string, Counted>();
    for (const r of rows) {
      const key = `${r.member}/${r.app}`;
      if (!counted.has(key)) counted.set(key, { member: r.member, seat: r.seat, app: r.app, scores: new Map() });
      counted.get(key)!.scores.set(r.criterion, r.score);
    }
    const apps = (await db.query<{ id: string }>('select id from private.applications where round_id = $1', [ROUNDS.sustainability])).map(
      (a) => a.id,
    );
    const results = await ok(db, officer, 'round_results', { p_round_id: ROUNDS.sustainability });
    expectAgree(results.applications, compute(criteria, Number(results.seat_margin), [...counted.values()], apps));
    const flagged = results.applications
      .filter((a: { seat_split_flag: boolean }) => a.seat_split_flag)
      .map((a: { reference: string }) => a.reference);
    expect(flagged).toContain('SUS26-003');
  });
});

describe('a round scored by hand', () => {
  let w: World;
  /** An officer sees every application's results (none hidden for a conflict), with each member's total. */
  type OfficerResult = ApplicationResult & Required<Pick<ApplicationResult, 'per_member'>>;
  let results: Omit<RoundResults, 'applications'> & { applications: OfficerResult[] };
  const resultOf = (app: string | undefined): OfficerResult => {
    const found = results.applications.find((a) => a.application_id === app);
    if (!found) throw new Error(`no result for application ${app}`);
    return found;
  };
  const counted: Counted[] = [];
  const seatOf = { community: 'community', councillor: 'councillor', chair: 'councillor', conflicted: 'community' } as const;
  const record = (kind: keyof typeof seatOf, app: string, scores: { criterion_id: string; score: number }[]) =>
    counted.push({ member: w.member[kind], seat: seatOf[kind], app, scores: new Map(scores.map((s) => [s.criterion_id, s.score])) });
  const as = (values: number[]) => values.map((score, i) => ({ criterion_id: w.criteria[i]!.id, score }));

  beforeAll(async () => {
    w = await buildWorld(db, 'scoring');
    // Already submitted by buildWorld.
    for (const k of ['community', 'councillor', 'chair'] as const) record(k, w.apps[3]!, fullScores(w, 2));
    for (const k of ['community', 'councillor'] as const) record(k, w.apps[4]!, fullScores(w, 3));
    const plan: [keyof typeof seatOf, number, number[]][] = [
      ['community', 0, [4, 3, 5]],
      ['councillor', 0, [2, 0, 0]],
      ['chair', 0, [0, 3, 5]],
      // Identical scores for applications 2 and 3 (index 1 and 2): they must share a rank.
      ['community', 1, [3, 2, 1]],
      ['councillor', 1, [1, 1, 4]],
      ['chair', 1, [2, 2, 2]],
      ['community', 2, [3, 2, 1]],
      ['councillor', 2, [1, 1, 4]],
      ['chair', 2, [2, 2, 2]],
      ['chair', 4, [4, 0, 3]],
      ['community', 5, [1, 3, 2]],
      ['conflicted', 5, [4, 3, 0]],
      ['chair', 5, [3, 3, 3]],
    ];
    for (const [kind, i, values] of plan) {
      await ok(db, w.actors[kind], 'submit_scores', { p_application_id: w.apps[i], p_scores: as(values) });
      record(kind, w.apps[i]!, as(values));
    }
    // Not counted: a draft never submitted, and a member removed after submitting.
    await ok(db, w.actors.councillor, 'save_draft_scores', { p_application_id: w.apps[5], p_scores: as([4, 3, 5]) });
    const spare = { role: 'authenticated' as const, sub: w.person.spareMember };
    await ok(db, spare, 'accept_confidentiality', { p_round_id: w.roundId });
    await ok(db, spare, 'declare_interest', { p_application_id: w.apps[0], p_has_conflict: false });
    await ok(db, spare, 'submit_scores', { p_application_id: w.apps[0], p_scores: as([0, 0, 0]) });
    await ok(db, officer, 'remove_panel_member', { p_member_id: w.member.spare, p_reason: 'Left the panel.' });
    await ok(db, officer, 'move_round', { p_round_id: w.roundId, p_to: 'panel', p_force_reason: 'Testing the sums.' });
    results = await ok(db, officer, 'round_results', { p_round_id: w.roundId });
  });

  it('works out the first application as a person would', () => {
    // Totals: community 100; councillor 100 × (2/4 × 50) / 100 = 25; chair (councillor seat) (3/3 × 30 + 5/5 × 20) = 50.
    const first = resultOf(w.apps[0]);
    expect(first).toMatchObject({
      members_scored: 3,
      mean: 58.33,
      min: 25,
      max: 100,
      sd: 31.18,
      community_mean: 100,
      councillor_mean: 37.5,
      balanced_mean: 68.75,
      seat_difference: 62.5,
      seat_split_flag: true,
      conflicts: 1,
    });
    expect(first.per_member.map((m) => m.total).sort((a, b) => a - b)).toEqual([25, 50, 100]);
  });

  it('agrees with the independent computation for every application', () => {
    expectAgree(results.applications, compute(w.criteria, 10, counted, w.apps));
  });

  it('gives tied applications the same rank', () => {
    const [second, third] = [resultOf(w.apps[1]), resultOf(w.apps[2])];
    expect(second.balanced_mean).toBe(third.balanced_mean);
    expect(second.rank).toBe(third.rank);
  });

  it('leaves out drafts, removed members and conflicted members', () => {
    const sixth = resultOf(w.apps[5]);
    expect(sixth.per_member.map((m) => m.member_id).sort()).toEqual([w.member.community, w.member.conflicted, w.member.chair].sort());
    const first = resultOf(w.apps[0]);
    expect(first.per_member.map((m) => m.member_id)).not.toContain(w.member.spare);
  });
});
