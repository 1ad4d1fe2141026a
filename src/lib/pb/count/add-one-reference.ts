// Add-one completion exactly as defined, one currency unit at a time, in exact fractions.
// Far too slow for big elections; kept so tests (and anyone auditing a result) can check that
// the fast version in add-one.ts gives the same answer.

import { add, cmp, fromNumber, mul, ratInt, type Rational } from '../rational.ts';
import { freeProjects, startingShare, type AddOneOptions } from './add-one.ts';
import { isExhaustive, totalCost } from './greedy.ts';
import { equalSharesReference } from './mes-reference.ts';
import type { MesRun } from './mes-run.ts';
import type { Prepared } from './prepare.ts';

export function addOneReference(prep: Prepared, options: AddOneOptions): { run: MesRun; steps: bigint; share: Rational } {
  const base = startingShare(prep);
  const step = fromNumber(options.step);
  const free = freeProjects(prep);
  const positive = prep.eligible.length - free.length;
  let k = 0n;
  let run = equalSharesReference(prep, base);
  for (;;) {
    const spent = totalCost(prep, run.winners);
    if (options.exhaustiveStop && isExhaustive(prep, new Set([...run.winners, ...free]), spent)) break;
    if (run.winners.length === positive) break; // every eligible project is funded: nothing left to add
    const share = add(base, mul(ratInt(k + 1n), step));
    const next = equalSharesReference(prep, share);
    if (cmp(totalCost(prep, next.winners), prep.budget) > 0) break;
    k += 1n;
    run = next;
  }
  return { run, steps: k, share: add(base, mul(ratInt(k), step)) };
}
