// The Method of Equal Shares (Peters and Skowron) in exact fractions, for one fixed share per
// voter, written as plainly as possible. This is the definition: the literal add-one loop and
// the tests use it to check the fast versions (mes-float.ts, mes-exact.ts).
//
// Each voter starts with `share`. Each round, for every project still in the running, find the
// smallest payment per point `rho` such that supporters paying min(what they have left,
// rho × their points) cover the cost; supporters who cannot pay that much pay all they have.
// Fund the project with the largest effective vote count cost ÷ rho (equivalently the smallest
// rho ÷ cost); ties go to the lower tie-break rank. Stop when no project is affordable.

import { add, cmp, div, mul, ratInt, sub, toNumber, ZERO, ONE, type Rational } from '../rational.ts';
import type { MesRun, WinnerPayment } from './mes-run.ts';
import { exactPoints, type Prepared } from './prepare.ts';

type Candidate = { readonly c: number; readonly cost: Rational; readonly total: Rational; readonly rank: number };

function pointsAt(prep: Prepared, c: number, i: number): Rational {
  return exactPoints(prep, c)?.[i] ?? ONE;
}

/** Smallest rho with sum of min(left, rho × points) = cost, found by moving the poor out. */
function affordRho(prep: Prepared, cand: Candidate, left: Rational[], weight: readonly bigint[]): Rational {
  const sup = prep.supporters[cand.c] as Int32Array;
  const poor = new Uint8Array(sup.length);
  let poorSum = ZERO;
  let rich = cand.total;
  let rho = div(cand.cost, rich);
  for (;;) {
    let moved = false;
    for (let i = 0; i < sup.length; i++) {
      if (poor[i]) continue;
      const g = sup[i] as number;
      const pts = pointsAt(prep, cand.c, i);
      const have = left[g] as Rational;
      if (cmp(have, mul(rho, pts)) < 0) {
        poor[i] = 1;
        const w = ratInt(weight[g] as bigint);
        poorSum = add(poorSum, mul(w, have));
        rich = sub(rich, mul(w, pts));
        moved = true;
      }
    }
    if (!moved) return rho;
    rho = div(sub(cand.cost, poorSum), rich);
  }
}

export function equalSharesReference(prep: Prepared, share: Rational): MesRun {
  const weight = Array.from(prep.groupWeight, (x) => BigInt(x));
  const left: Rational[] = new Array<Rational>(weight.length).fill(share);
  const remaining: Candidate[] = [];
  prep.eligible.forEach((p, c) => {
    if (p.cost.n === 0n) return;
    const sup = prep.supporters[c] as Int32Array;
    let total = ZERO;
    for (let i = 0; i < sup.length; i++) total = add(total, mul(ratInt(weight[sup[i] as number] as bigint), pointsAt(prep, c, i)));
    remaining.push({ c, cost: p.cost, total, rank: p.tieRank });
  });
  // A lower bound on each project's rho ÷ cost: it only grows as voters spend, so a project whose
  // old value is already worse than the best this round cannot win it (equalshares.net's trick).
  const bound = new Map<number, Rational>(remaining.map((k) => [k.c, div(ONE, k.total)]));
  const winners: number[] = [];
  const payments: WinnerPayment[] = [];

  for (;;) {
    remaining.sort((a, b) => cmp(bound.get(a.c) as Rational, bound.get(b.c) as Rational) || a.rank - b.rank);
    let best: Candidate | null = null;
    let bestKey = ZERO;
    let bestRho = ZERO;
    for (const cand of [...remaining]) {
      if (best && cmp(bound.get(cand.c) as Rational, bestKey) > 0) break;
      const sup = prep.supporters[cand.c] as Int32Array;
      let money = ZERO;
      for (let i = 0; i < sup.length; i++) {
        const g = sup[i] as number;
        money = add(money, mul(ratInt(weight[g] as bigint), left[g] as Rational));
      }
      if (cmp(money, cand.cost) < 0) {
        remaining.splice(remaining.indexOf(cand), 1);
        continue;
      }
      const rho = affordRho(prep, cand, left, weight);
      const key = div(rho, cand.cost);
      bound.set(cand.c, key);
      const order = best ? cmp(key, bestKey) : -1;
      if (!best || order < 0 || (order === 0 && cand.rank < best.rank)) {
        best = cand;
        bestKey = key;
        bestRho = rho;
      }
    }
    if (!best) break;
    const sup = prep.supporters[best.c] as Int32Array;
    let paidBy = 0;
    let maxPayment = ZERO;
    for (let i = 0; i < sup.length; i++) {
      const g = sup[i] as number;
      const have = left[g] as Rational;
      const due = mul(bestRho, pointsAt(prep, best.c, i));
      const pay = cmp(have, due) < 0 ? have : due;
      if (pay.n > 0n) paidBy += Number(weight[g]);
      if (cmp(pay, maxPayment) > 0) maxPayment = pay;
      left[g] = sub(have, pay);
    }
    winners.push(best.c);
    payments.push({ rho: toNumber(bestRho), supportersWhoPaid: paidBy, maxPayment: toNumber(maxPayment) });
    remaining.splice(remaining.indexOf(best), 1);
  }
  return { winners, payments, left: Float64Array.from(left, toNumber), exact: true };
}
