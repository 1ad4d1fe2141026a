// Add-one completion, fast. The definition (see add-one-reference.ts, which does it literally):
// start every voter on budget ÷ voters; while the count at one more currency unit each still
// fits the budget, raise the share by that unit; with the exhaustive stop, stop as soon as no
// unfunded project would fit; and stop once every eligible project is funded.
//
// Why skipping is equivalent: each count at share b also reports `nextChange`, a safe lower
// bound on how far the share can grow before anything in that count could go differently (see
// mes-float.ts). Every step below b + nextChange therefore funds exactly the same projects, so
// it fits the budget, is exhaustive or not, and is complete or not exactly as the count at b
// was: the unit-by-unit loop would walk through all of them without stopping. We jump straight
// to the first step at or past b + nextChange, which is the first one that could differ. If the
// loop then stops there, the answer is the step before, whose outcome is the one at b (we
// recount there for its payments, and check it funds the same projects). A count the float
// version cannot decide is redone in exact arithmetic (mes-exact.ts) and gives no range, so
// the next step is then the very next unit.

import { add, cmp, div, fromNumber, mul, ratInt, toNumber, ZERO, type Rational } from '../rational.ts';
import { isExhaustive, totalCost } from './greedy.ts';
import { equalSharesExact } from './mes-exact.ts';
import type { MesRun } from './mes-run.ts';
import { equalSharesFloat } from './mes-float.ts';
import type { Prepared } from './prepare.ts';

export type CountStats = { counts: number; exactCounts: number };

export type Counted = { readonly run: MesRun; readonly nextChange: number };

/** One Equal Shares count at a fixed share: floats when safe, exact fractions otherwise. */
export function countAtShare(prep: Prepared, share: Rational, stats: CountStats): Counted {
  stats.counts++;
  const fast = equalSharesFloat(prep, toNumber(share));
  if (fast) return fast;
  stats.exactCounts++;
  return { run: equalSharesExact(prep, share), nextChange: 0 };
}

/** budget ÷ voters (0 when nobody voted: there is nobody to share it). */
export function startingShare(prep: Prepared): Rational {
  return prep.voterCount === 0 ? ZERO : div(prep.budget, ratInt(prep.voterCount));
}

/** Eligible projects that cost nothing: funded up front by every rule. */
export function freeProjects(prep: Prepared): number[] {
  return prep.eligible.flatMap((p, c) => (p.cost.n === 0n ? [c] : []));
}

export type AddOneOptions = { readonly exhaustiveStop: boolean; readonly step: number };

export type AddOneResult = {
  readonly run: MesRun;
  readonly steps: bigint;
  readonly share: Rational;
  readonly stats: CountStats;
};

function sameWinners(a: MesRun, b: MesRun): boolean {
  return a.winners.length === b.winners.length && a.winners.every((c, i) => b.winners[i] === c);
}

export function addOne(prep: Prepared, options: AddOneOptions): AddOneResult {
  const stats: CountStats = { counts: 0, exactCounts: 0 };
  const base = startingShare(prep);
  const step = fromNumber(options.step);
  const shareAt = (k: bigint) => add(base, mul(ratInt(k), step));
  const free = freeProjects(prep);
  const positive = prep.eligible.length - free.length;
  const fits = (run: MesRun) => cmp(totalCost(prep, run.winners), prep.budget) <= 0;

  let k = 0n;
  let current = countAtShare(prep, base, stats);
  let trustJumps = true;
  for (;;) {
    const funded = new Set([...current.run.winners, ...free]);
    if (options.exhaustiveStop && isExhaustive(prep, funded, totalCost(prep, current.run.winners))) break;
    if (current.run.winners.length === positive) break;
    const safe = (current.nextChange * (1 - 1e-12)) / options.step;
    const jump = trustJumps && Number.isFinite(safe) ? BigInt(Math.max(1, Math.ceil(safe))) : 1n;
    const next = countAtShare(prep, shareAt(k + jump), stats);
    if (!fits(next.run)) {
      if (jump === 1n) break;
      // The answer is the step just before; its count must match `current` (same projects).
      const last = countAtShare(prep, shareAt(k + jump - 1n), stats);
      if (sameWinners(last.run, current.run)) {
        return { run: last.run, steps: k + jump - 1n, share: shareAt(k + jump - 1n), stats };
      }
      trustJumps = false; // should never happen; fall back to the plain definition from here
      continue;
    }
    k += jump;
    current = next;
  }
  return { run: current.run, steps: k, share: shareAt(k), stats };
}
