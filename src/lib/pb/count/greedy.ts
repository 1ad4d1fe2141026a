// The greedy rule: most-supported project first; fund each one that still fits in what is left
// of the budget, skip the ones that do not, and carry on. Also used to fill what Equal Shares
// leaves unspent (the "u" in add1u). Every sum and comparison here is exact.

import { add, cmp, sub, ZERO, type Rational } from '../rational.ts';
import type { Prepared } from './prepare.ts';

/** Eligible project indices, most support first; ties by the fixed tie-break rank. */
export function greedyOrder(prep: Prepared): number[] {
  return prep.eligible
    .map((_, i) => i)
    .sort((a, b) => {
      const pa = prep.eligible[a];
      const pb = prep.eligible[b];
      if (!pa || !pb) return 0;
      return cmp(pb.support, pa.support) || pa.tieRank - pb.tieRank;
    });
}

export type GreedyFill = { readonly added: number[]; readonly spent: Rational };

/** Adds, in greedy order, every project not yet funded that still fits. */
export function greedyFill(prep: Prepared, funded: ReadonlySet<number>, spent: Rational): GreedyFill {
  const added: number[] = [];
  let total = spent;
  for (const c of greedyOrder(prep)) {
    const project = prep.eligible[c];
    if (!project || funded.has(c)) continue;
    if (cmp(add(total, project.cost), prep.budget) <= 0) {
      added.push(c);
      total = add(total, project.cost);
    }
  }
  return { added, spent: total };
}

export function greedyWinners(prep: Prepared): GreedyFill {
  return greedyFill(prep, new Set(), ZERO);
}

export function totalCost(prep: Prepared, projects: Iterable<number>): Rational {
  let total = ZERO;
  for (const c of projects) total = add(total, prep.eligible[c]?.cost ?? ZERO);
  return total;
}

/** True when no unfunded eligible project would fit in what is left of the budget. */
export function isExhaustive(prep: Prepared, funded: ReadonlySet<number>, spent: Rational): boolean {
  const left = sub(prep.budget, spent);
  return prep.eligible.every((p, c) => funded.has(c) || cmp(p.cost, left) > 0);
}
