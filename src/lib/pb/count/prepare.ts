// Turns an instance and a profile into the compact arrays both rules count from: the projects
// still in the running after the minimum-support rules, their fixed tie-break ranks, and the
// voters grouped by identical ballots (identical voters are always treated identically, and
// grouping makes 100,000 ballots cheap to count).

import type { CountOptions, Instance, Profile, Project } from '../types.ts';
import { seededShuffle } from '../prng.ts';
import { add, cmp, fromNumber, mul, ratInt, ZERO, type Rational } from '../rational.ts';

export type Eligible = {
  readonly projectId: string;
  readonly cost: Rational;
  readonly costFloat: number;
  readonly votes: number;
  readonly support: Rational;
  /** 0 = first in a tie: lowest cost, then most support, then the seeded random order. */
  readonly tieRank: number;
};

export type Tally = { readonly votes: number; readonly support: Rational };

export type Prepared = {
  readonly kind: Profile['kind'];
  readonly voterCount: number;
  readonly budget: Rational;
  readonly projects: readonly Project[];
  readonly tally: ReadonlyMap<string, Tally>;
  readonly excluded: ReadonlyMap<string, string>;
  readonly tieOrder: readonly string[];
  readonly eligible: readonly Eligible[];
  readonly groupWeight: Float64Array;
  readonly groupVoters: readonly (readonly string[])[] | null;
  /** Per eligible project: the groups supporting it, and the points each gave (null: all 1). */
  readonly supporters: readonly Int32Array[];
  readonly points: readonly (Float64Array | null)[];
  /** Every point value is a whole number, so float sums of support are exact. */
  readonly integralPoints: boolean;
};

type Entry = { readonly project: number; readonly points: number };

function ballotEntries(profile: Profile, index: number, indexOf: ReadonlyMap<string, number>): Entry[] {
  const out: Entry[] = [];
  if (profile.kind === 'approval') {
    for (const id of profile.ballots[index]?.approved ?? []) {
      const project = indexOf.get(id);
      if (project !== undefined) out.push({ project, points: 1 });
    }
  } else {
    for (const e of profile.ballots[index]?.points ?? []) {
      const project = indexOf.get(e.projectId);
      if (project !== undefined && e.points > 0) out.push({ project, points: e.points });
    }
  }
  return out.sort((a, b) => a.project - b.project);
}

function tallyAll(instance: Instance, profile: Profile): Map<string, Tally> {
  const votes = new Map<string, number>();
  const support = new Map<string, Rational>();
  const add1 = (id: string, pts: Rational) => {
    votes.set(id, (votes.get(id) ?? 0) + 1);
    support.set(id, add(support.get(id) ?? ZERO, pts));
  };
  if (profile.kind === 'approval') {
    for (const b of profile.ballots) for (const id of b.approved) add1(id, ratInt(1));
  } else {
    for (const b of profile.ballots) for (const e of b.points) if (e.points > 0) add1(e.projectId, fromNumber(e.points));
  }
  const tally = new Map<string, Tally>();
  for (const p of instance.projects) tally.set(p.id, { votes: votes.get(p.id) ?? 0, support: support.get(p.id) ?? ZERO });
  return tally;
}

function exclusions(instance: Instance, tally: ReadonlyMap<string, Tally>, voters: number, options: CountOptions): Map<string, string> {
  const out = new Map<string, string>();
  const budget = fromNumber(instance.budget);
  for (const p of instance.projects) {
    const votes = tally.get(p.id)?.votes ?? 0;
    if (options.minVotes !== undefined && votes < options.minVotes) {
      out.set(p.id, `It needed at least ${options.minVotes} votes and had ${votes}.`);
    } else if (options.minShareK !== undefined && voters > 0) {
      // supporters / voters >= cost / (k * budget), cross-multiplied to stay exact.
      const k = fromNumber(options.minShareK);
      const lhs = mul(mul(ratInt(votes), k), budget);
      const rhs = mul(fromNumber(p.cost), ratInt(voters));
      if (cmp(lhs, rhs) < 0) {
        const needed = (100 * p.cost) / (options.minShareK * instance.budget);
        const had = (100 * votes) / voters;
        out.set(
          p.id,
          `It needed support from at least ${needed.toFixed(1)}% of voters (cost ÷ (${options.minShareK} × budget)) and had ${had.toFixed(1)}%.`,
        );
      }
    }
  }
  return out;
}

export function prepare(instance: Instance, profile: Profile, options: CountOptions, groupIdentical = true): Prepared {
  const voterCount = profile.ballots.length;
  const tally = tallyAll(instance, profile);
  const excluded = exclusions(instance, tally, voterCount, options);
  const tieOrder = seededShuffle([...instance.projects.map((p) => p.id)].sort(), options.seed ?? 1);
  const randomPos = new Map(tieOrder.map((id, i) => [id, i]));

  const candidates = instance.projects
    .filter((p) => !excluded.has(p.id) && (tally.get(p.id)?.votes ?? 0) > 0)
    .map((p) => {
      const t = tally.get(p.id) as Tally;
      const cost = fromNumber(p.cost);
      return { projectId: p.id, cost, costFloat: p.cost, votes: t.votes, support: t.support };
    });
  const ranked = [...candidates].sort(
    (a, b) => cmp(a.cost, b.cost) || cmp(b.support, a.support) || (randomPos.get(a.projectId) ?? 0) - (randomPos.get(b.projectId) ?? 0),
  );
  const rankOf = new Map(ranked.map((c, i) => [c.projectId, i]));
  const eligible: Eligible[] = candidates.map((c) => ({ ...c, tieRank: rankOf.get(c.projectId) ?? 0 }));
  const indexOf = new Map(eligible.map((e, i) => [e.projectId, i]));

  // Group identical ballots (restricted to eligible projects).
  const groupOf = new Map<string, number>();
  const groupEntries: Entry[][] = [];
  const weights: number[] = [];
  const voters: string[][] = [];
  for (let i = 0; i < voterCount; i++) {
    const entries = ballotEntries(profile, i, indexOf);
    const key = groupIdentical ? entries.map((e) => `${e.project}:${e.points}`).join(',') : String(i);
    let g = groupOf.get(key);
    if (g === undefined) {
      g = groupEntries.length;
      groupOf.set(key, g);
      groupEntries.push(entries);
      weights.push(0);
      voters.push([]);
    }
    weights[g] = (weights[g] ?? 0) + 1;
    if (options.includeVoterDetails) voters[g]?.push(profile.ballots[i]?.voterId ?? '');
  }

  const count = new Int32Array(eligible.length);
  for (const entries of groupEntries) for (const e of entries) count[e.project] = (count[e.project] ?? 0) + 1;
  const supporters = eligible.map((_, c) => new Int32Array(count[c] ?? 0));
  const points = eligible.map((_, c) => (profile.kind === 'points' ? new Float64Array(count[c] ?? 0) : null));
  const fill = new Int32Array(eligible.length);
  let integralPoints = true;
  groupEntries.forEach((entries, g) => {
    for (const e of entries) {
      const at = fill[e.project] ?? 0;
      (supporters[e.project] as Int32Array)[at] = g;
      const pts = points[e.project];
      if (pts) pts[at] = e.points;
      if (!Number.isInteger(e.points)) integralPoints = false;
      fill[e.project] = at + 1;
    }
  });

  return {
    kind: profile.kind,
    voterCount,
    budget: fromNumber(instance.budget),
    projects: instance.projects,
    tally,
    excluded,
    tieOrder,
    eligible,
    groupWeight: Float64Array.from(weights),
    groupVoters: options.includeVoterDetails ? voters : null,
    supporters,
    points,
    integralPoints,
  };
}

const exactPointsCache = new WeakMap<Prepared, Array<readonly Rational[] | null>>();

/** The points of project c's supporters as exact fractions (null for approval), made on first use. */
export function exactPoints(prep: Prepared, c: number): readonly Rational[] | null {
  let cache = exactPointsCache.get(prep);
  if (!cache) {
    cache = [];
    exactPointsCache.set(prep, cache);
  }
  const pts = prep.points[c];
  if (!pts) return null;
  let made = cache[c];
  if (!made) {
    made = Array.from(pts, (x) => (Number.isInteger(x) ? ratInt(x) : fromNumber(x)));
    cache[c] = made;
  }
  return made;
}
