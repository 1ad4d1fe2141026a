// The fast Equal Shares count for one fixed share per voter, in floating point. It follows the
// same steps as the exact version (mes-exact.ts) and gives up ("unsure") whenever a comparison
// is within rounding distance, so the caller can let exact fractions decide instead.
//
// It also answers the question add-one completion needs: up to what extra share t does this
// count stay the same? Everything in a count is a line in t while the same voters stay "poor"
// for each funded project, so we track value and slope and take the first t at which any
// deciding comparison could flip:
//  - each funded project's supporters stay on the same side of "can pay rho × points";
//  - each project found unaffordable stays unaffordable;
//  - every other project stays worse than the one funded. For these it is enough to use a lower
//    bound on their rho: holding any split into poor and rich fixed can only make rho smaller
//    (min(r, rho·p) <= either term), and rho only grows from round to round as voters spend,
//    so a value computed in an earlier round stays a valid bound.
// Below that t the funded projects, in order, are certainly the same.

import { firstCrossing, TAU } from './affine.ts';
import type { MesRun, WinnerPayment } from './mes-run.ts';
import { evaluate, newEvaluation, OK, UNAFFORDABLE, type Wallets } from './mes-float-eval.ts';
import type { Prepared } from './prepare.ts';

export type FloatCount = { readonly run: MesRun; readonly nextChange: number } | null;

type Context = { readonly ids: Int32Array; readonly cost: Float64Array; readonly total: Float64Array; readonly rank: Int32Array };

const contexts = new WeakMap<Prepared, Context>();

function context(prep: Prepared): Context {
  const cached = contexts.get(prep);
  if (cached) return cached;
  const ids = prep.eligible.flatMap((p, c) => (p.costFloat > 0 ? [c] : []));
  const total = ids.map((c) => {
    const sup = prep.supporters[c] as Int32Array;
    const pts = prep.points[c] ?? null;
    let sum = 0;
    for (let i = 0; i < sup.length; i++) sum += (prep.groupWeight[sup[i] as number] as number) * (pts ? (pts[i] as number) : 1);
    return sum;
  });
  const made: Context = {
    ids: Int32Array.from(ids),
    cost: Float64Array.from(ids, (c) => prep.eligible[c]?.costFloat ?? 0),
    total: Float64Array.from(total),
    rank: Int32Array.from(ids, (c) => prep.eligible[c]?.tieRank ?? 0),
  };
  contexts.set(prep, made);
  return made;
}

/** Returns null when rounding could change the outcome; otherwise the count and its stable range. */
export function equalSharesFloat(prep: Prepared, share: number): FloatCount {
  const ctx = context(prep);
  const groups = prep.groupWeight.length;
  const wal: Wallets = {
    r: new Float64Array(groups).fill(share),
    s: new Float64Array(groups).fill(1),
    rMag: new Float64Array(groups).fill(share),
    sMag: new Float64Array(groups).fill(1),
    mark: new Int32Array(groups),
    stamp: 0,
  };
  const m = ctx.ids.length;
  // Per project (local index): best known effective vote count (an upper bound), and the line
  // key = rho ÷ cost as a lower bound, both from its latest evaluation.
  const eff = Float64Array.from(ctx.total);
  const effErr = Float64Array.from(ctx.total, (x) => (prep.integralPoints ? 0 : TAU * x));
  const effExact = new Uint8Array(m).fill(prep.integralPoints ? 1 : 0);
  const key = Float64Array.from(ctx.total, (x) => 1 / x);
  const keyMag = Float64Array.from(key);
  const keySlope = new Float64Array(m);
  const keySlopeMag = new Float64Array(m);
  let remaining = Array.from({ length: m }, (_, i) => i);
  const winners: number[] = [];
  const payments: WinnerPayment[] = [];
  const ev = newEvaluation();
  let nextChange = Infinity;

  for (;;) {
    remaining.sort((a, b) => (eff[b] as number) - (eff[a] as number) || (ctx.rank[a] as number) - (ctx.rank[b] as number));
    let best = -1;
    let bestRho = 0;
    let bestRhoMag = 0;
    let bestSlope = 0;
    let bestSlopeMag = 0;
    const dropped = new Set<number>();
    for (const k of remaining) {
      if (best >= 0 && (eff[k] as number) + (effErr[k] as number) < (eff[best] as number) - (effErr[best] as number)) break;
      const cost = ctx.cost[k] as number;
      evaluate(prep, ctx.ids[k] as number, cost, ctx.total[k] as number, wal, ev);
      if (ev.status === UNAFFORDABLE) {
        dropped.add(k);
        nextChange = Math.min(nextChange, ev.crossing);
        continue;
      }
      if (ev.status !== OK) return null;
      eff[k] = ev.eff;
      effErr[k] = ev.effErr;
      effExact[k] = ev.exact ? 1 : 0;
      key[k] = ev.rho / cost;
      keyMag[k] = ev.rhoMag / cost;
      keySlope[k] = ev.rhoSlope / cost;
      keySlopeMag[k] = ev.rhoSlopeMag / cost;
      let better = best < 0;
      if (!better) {
        const diff = ev.eff - (eff[best] as number);
        if (ev.exact && effExact[best]) better = diff > 0 || (diff === 0 && (ctx.rank[k] as number) < (ctx.rank[best] as number));
        else if (Math.abs(diff) <= ev.effErr + (effErr[best] as number)) return null;
        else better = diff > 0;
      }
      if (better) {
        best = k;
        bestRho = ev.rho;
        bestRhoMag = ev.rhoMag;
        bestSlope = ev.rhoSlope;
        bestSlopeMag = ev.rhoSlopeMag;
      }
    }
    if (dropped.size > 0) remaining = remaining.filter((k) => !dropped.has(k));
    if (best < 0) break;

    // Pay for the winner, checking each supporter is clearly poor or clearly rich.
    const c = ctx.ids[best] as number;
    const sup = prep.supporters[c] as Int32Array;
    const pts = prep.points[c] ?? null;
    let paidBy = 0;
    let maxPayment = 0;
    for (let i = 0; i < sup.length; i++) {
      const g = sup[i] as number;
      const p = pts ? (pts[i] as number) : 1;
      const have = wal.r[g] as number;
      const due = bestRho * p;
      const gap = have - due;
      const gapMag = (wal.rMag[g] as number) + bestRhoMag * p;
      if (Math.abs(gap) <= TAU * gapMag) return null;
      const gapSlope = (wal.s[g] as number) - bestSlope * p;
      const gapSlopeMag = (wal.sMag[g] as number) + bestSlopeMag * p;
      const pay = gap < 0 ? have : due;
      if (pay > 0) paidBy += prep.groupWeight[g] as number;
      if (pay > maxPayment) maxPayment = pay;
      if (gap < 0) {
        nextChange = Math.min(nextChange, firstCrossing(-gap, -gapSlope, gapMag, gapSlopeMag));
        wal.r[g] = 0;
        wal.s[g] = 0;
        wal.rMag[g] = 0;
        wal.sMag[g] = 0;
      } else {
        nextChange = Math.min(nextChange, firstCrossing(gap, gapSlope, gapMag, gapSlopeMag));
        wal.r[g] = gap;
        wal.s[g] = gapSlope;
        wal.rMag[g] = gapMag;
        wal.sMag[g] = gapSlopeMag;
      }
    }
    winners.push(c);
    payments.push({ rho: bestRho, supportersWhoPaid: paidBy, maxPayment });

    // Every other project must stay behind the winner: its key (a lower bound) above the winner's.
    const cost = ctx.cost[best] as number;
    for (const k of remaining) {
      if (k === best) continue;
      const slopeMag = (keySlopeMag[k] as number) + bestSlopeMag / cost;
      if (slopeMag === 0) continue; // both keys are constant in t, so the order decided now holds
      const gap = (key[k] as number) - bestRho / cost;
      const gapSlope = (keySlope[k] as number) - bestSlope / cost;
      nextChange = Math.min(nextChange, firstCrossing(gap, gapSlope, (keyMag[k] as number) + bestRhoMag / cost, slopeMag));
    }
    remaining = remaining.filter((k) => k !== best);
  }
  return { run: { winners, payments, left: wal.r, exact: false }, nextChange };
}
