// The comparison step from equalshares.net: count how many voters like the Equal Shares outcome
// better (more of their votes or points funded) and how many like the greedy outcome better,
// and keep greedy only if strictly more voters prefer it. Exact, since it decides the outcome.

import { add, cmp, ratInt, ZERO, type Rational } from '../rational.ts';
import { exactPoints, type Prepared } from './prepare.ts';

/** Satisfaction of each group with a set of funded eligible projects: votes or points. */
function groupSatisfaction(prep: Prepared, funded: Iterable<number>): Float64Array {
  const sat = new Float64Array(prep.groupWeight.length);
  for (const c of funded) {
    const sup = prep.supporters[c] as Int32Array;
    const pts = prep.points[c] ?? null;
    for (let i = 0; i < sup.length; i++) {
      const g = sup[i] as number;
      sat[g] = (sat[g] ?? 0) + (pts ? (pts[i] as number) : 1);
    }
  }
  return sat;
}

export type Preference = { readonly prefersEqualShares: number; readonly prefersGreedy: number };

function exactSatisfaction(prep: Prepared, funded: Iterable<number>): Rational[] {
  const sat: Rational[] = new Array<Rational>(prep.groupWeight.length).fill(ZERO);
  for (const c of funded) {
    const sup = prep.supporters[c] as Int32Array;
    const pts = exactPoints(prep, c);
    for (let i = 0; i < sup.length; i++) {
      const g = sup[i] as number;
      sat[g] = add(sat[g] as Rational, pts ? (pts[i] as Rational) : ratInt(1));
    }
  }
  return sat;
}

export function comparePreferences(prep: Prepared, equalShares: readonly number[], greedy: readonly number[]): Preference {
  let prefersEqualShares = 0;
  let prefersGreedy = 0;
  const weight = prep.groupWeight;
  if (prep.integralPoints) {
    // Whole-number satisfactions add up exactly in floats.
    const es = groupSatisfaction(prep, equalShares);
    const gr = groupSatisfaction(prep, greedy);
    for (let g = 0; g < weight.length; g++) {
      const d = (es[g] as number) - (gr[g] as number);
      if (d > 0) prefersEqualShares += weight[g] as number;
      else if (d < 0) prefersGreedy += weight[g] as number;
    }
  } else {
    const es = exactSatisfaction(prep, equalShares);
    const gr = exactSatisfaction(prep, greedy);
    for (let g = 0; g < weight.length; g++) {
      const d = cmp(es[g] as Rational, gr[g] as Rational);
      if (d > 0) prefersEqualShares += weight[g] as number;
      else if (d < 0) prefersGreedy += weight[g] as number;
    }
  }
  return { prefersEqualShares, prefersGreedy };
}
