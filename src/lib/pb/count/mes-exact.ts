// Equal Shares for one fixed share per voter, in exact arithmetic, fast enough to stand in for
// the float count on a big election when the float count finds a comparison too close to call.
//
// The steps are exactly those of mes-reference.ts. The speed comes from keeping every voter's
// wallet as a whole number of 1/D units, with one denominator D shared by everyone, so sums and
// comparisons are plain BigInt integer arithmetic with no fractions to reduce. When a funded
// project's payment per point rho = X / R is not a whole number of units, every wallet is
// rescaled by R (D grows by that factor) so it becomes one. Points are scaled to whole numbers
// too: that divides every rho, and so every project's rho ÷ cost, by the same factor, which
// leaves the order of projects, and so the outcome, unchanged.

import { rat, toNumber, type Rational } from '../rational.ts';
import type { MesRun, WinnerPayment } from './mes-run.ts';
import { exactPoints, type Prepared } from './prepare.ts';

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

const lcm = (a: bigint, b: bigint) => (a / gcd(a, b)) * b;

/** A fraction num / den with den > 0, compared by cross-multiplying. */
type Ratio = { readonly num: bigint; readonly den: bigint };
const compare = (a: Ratio, b: Ratio) => {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
};

type Candidate = {
  readonly c: number;
  readonly cost0: bigint;
  readonly total: bigint;
  readonly rank: number;
  readonly pts: readonly bigint[] | null;
};

export function equalSharesExact(prep: Prepared, share: Rational): MesRun {
  let pointScale = 1n;
  prep.eligible.forEach((_, c) => exactPoints(prep, c)?.forEach((q) => (pointScale = lcm(pointScale, q.d))));
  let d0 = share.d;
  for (const p of prep.eligible) d0 = lcm(d0, p.cost.d);
  const weight = Array.from(prep.groupWeight, (x) => BigInt(x));
  const wallet: bigint[] = new Array<bigint>(weight.length).fill(share.n * (d0 / share.d));
  let scale = 1n; // D = d0 × scale

  const remaining: Candidate[] = [];
  prep.eligible.forEach((p, c) => {
    if (p.cost.n === 0n) return;
    const sup = prep.supporters[c] as Int32Array;
    const pts = exactPoints(prep, c)?.map((q) => q.n * (pointScale / q.d)) ?? null;
    let total = 0n;
    for (let i = 0; i < sup.length; i++) total += (weight[sup[i] as number] as bigint) * (pts ? (pts[i] as bigint) : 1n);
    remaining.push({ c, cost0: p.cost.n * (d0 / p.cost.d), total, rank: p.tieRank, pts });
  });
  // Lower bounds on rho ÷ cost (see mes-reference.ts); a ratio, so unchanged by rescaling.
  const bound = new Map<number, Ratio>(remaining.map((k) => [k.c, { num: 1n, den: k.total }]));
  const winners: number[] = [];
  const payments: WinnerPayment[] = [];

  for (;;) {
    remaining.sort((a, b) => compare(bound.get(a.c) as Ratio, bound.get(b.c) as Ratio) || a.rank - b.rank);
    let best: { cand: Candidate; key: Ratio; x: bigint; r: bigint } | null = null;
    for (const cand of [...remaining]) {
      if (best && compare(bound.get(cand.c) as Ratio, best.key) > 0) break;
      const sup = prep.supporters[cand.c] as Int32Array;
      const cost = cand.cost0 * scale;
      let money = 0n;
      for (let i = 0; i < sup.length; i++) money += (weight[sup[i] as number] as bigint) * (wallet[sup[i] as number] as bigint);
      if (money < cost) {
        remaining.splice(remaining.indexOf(cand), 1);
        continue;
      }
      // rho = x / r: move out, pass by pass, the supporters who cannot pay rho × points.
      const poor = new Uint8Array(sup.length);
      let x = cost;
      let r = cand.total;
      for (;;) {
        let nextX = x;
        let nextR = r;
        for (let i = 0; i < sup.length; i++) {
          if (poor[i]) continue;
          const g = sup[i] as number;
          const p = cand.pts ? (cand.pts[i] as bigint) : 1n;
          if ((wallet[g] as bigint) * r < x * p) {
            poor[i] = 1;
            nextX -= (weight[g] as bigint) * (wallet[g] as bigint);
            nextR -= (weight[g] as bigint) * p;
          }
        }
        if (nextR === r) break;
        x = nextX;
        r = nextR;
      }
      const key = { num: x, den: r * cost };
      bound.set(cand.c, key);
      const order = best ? compare(key, best.key) : -1;
      if (!best || order < 0 || (order === 0 && cand.rank < best.cand.rank)) best = { cand, key, x, r };
    }
    if (!best) break;

    // Rescale so that rho is a whole number of units, then pay.
    const g0 = gcd(best.x, best.r);
    const x = best.x / g0;
    const r = best.r / g0;
    if (r !== 1n) {
      for (let g = 0; g < wallet.length; g++) wallet[g] = (wallet[g] as bigint) * r;
      scale *= r;
    }
    const unit = d0 * scale;
    const sup = prep.supporters[best.cand.c] as Int32Array;
    let paidBy = 0;
    let maxPay = 0n;
    for (let i = 0; i < sup.length; i++) {
      const g = sup[i] as number;
      const have = wallet[g] as bigint;
      const due = x * (best.cand.pts ? (best.cand.pts[i] as bigint) : 1n);
      const pay = have < due ? have : due;
      if (pay > 0n) paidBy += Number(weight[g]);
      if (pay > maxPay) maxPay = pay;
      wallet[g] = have - pay;
    }
    winners.push(best.cand.c);
    payments.push({ rho: toNumber(rat(x * pointScale, unit)), supportersWhoPaid: paidBy, maxPayment: toNumber(rat(maxPay, unit)) });
    remaining.splice(remaining.indexOf(best.cand), 1);
  }
  const unit = d0 * scale;
  return { winners, payments, left: Float64Array.from(wallet, (n) => toNumber(rat(n, unit))), exact: true };
}
