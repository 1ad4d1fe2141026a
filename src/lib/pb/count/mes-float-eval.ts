// One step of the fast Equal Shares count: how evenly a single project's cost could be shared
// among its supporters right now. Works in floats, says "unsure" whenever rounding could matter,
// and also returns how each number moves as every voter's share grows by t (see affine.ts).

import { TAU, firstCrossing } from './affine.ts';
import type { Prepared } from './prepare.ts';

/** What every voter group has left (r), its slope in t (s), and their rounding magnitudes. */
export type Wallets = {
  readonly r: Float64Array;
  readonly s: Float64Array;
  readonly rMag: Float64Array;
  readonly sMag: Float64Array;
  /** Scratch marks for "poor" supporters, stamped with a fresh number per evaluation. */
  readonly mark: Int32Array;
  stamp: number;
};

export const OK = 0;
export const UNAFFORDABLE = 1;
export const UNSURE = 2;

export type Evaluation = {
  status: number;
  /** Effective vote count cost ÷ rho, its rounding bound, and whether it is exact. */
  eff: number;
  effErr: number;
  exact: boolean;
  /** rho (payment per point) as value + slope × t, with magnitudes. */
  rho: number;
  rhoSlope: number;
  rhoMag: number;
  rhoSlopeMag: number;
  /** For an unaffordable project: first t at which it might become affordable. */
  crossing: number;
};

export function newEvaluation(): Evaluation {
  return { status: OK, eff: 0, effErr: 0, exact: false, rho: 0, rhoSlope: 0, rhoMag: 0, rhoSlopeMag: 0, crossing: Infinity };
}

/** Moves supporters who cannot pay rho × points into the poor set, in order of r ÷ points. */
function sortedSweep(sup: Int32Array, pts: Float64Array | null, w: Float64Array, wal: Wallets, acc: Float64Array, cost: number): void {
  const order: number[] = [];
  for (let i = 0; i < sup.length; i++) if (wal.mark[sup[i] as number] !== wal.stamp) order.push(i);
  const ratio = (i: number) => (wal.r[sup[i] as number] as number) / (pts ? (pts[i] as number) : 1);
  order.sort((a, b) => ratio(a) - ratio(b));
  for (const i of order) {
    const rho = (cost - (acc[0] as number)) / (acc[4] as number);
    if (!(ratio(i) < rho)) break;
    movePoor(sup[i] as number, pts ? (pts[i] as number) : 1, w, wal, acc);
  }
}

/** acc = [poorSum, poorMag, poorSlope, poorSlopeMag, richPoints]. */
function movePoor(g: number, p: number, w: Float64Array, wal: Wallets, acc: Float64Array): void {
  const wg = w[g] as number;
  wal.mark[g] = wal.stamp;
  acc[0] = (acc[0] as number) + wg * (wal.r[g] as number);
  acc[1] = (acc[1] as number) + wg * (wal.rMag[g] as number);
  acc[2] = (acc[2] as number) + wg * (wal.s[g] as number);
  acc[3] = (acc[3] as number) + wg * (wal.sMag[g] as number);
  acc[4] = (acc[4] as number) - wg * p;
}

const acc = new Float64Array(5);

export function evaluate(prep: Prepared, c: number, cost: number, totalPoints: number, wal: Wallets, out: Evaluation): void {
  const sup = prep.supporters[c] as Int32Array;
  const pts = prep.points[c] ?? null;
  const w = prep.groupWeight;
  const { r, rMag } = wal;
  let money = 0;
  let moneyMag = 0;
  for (let i = 0; i < sup.length; i++) {
    const g = sup[i] as number;
    const wg = w[g] as number;
    money += wg * (r[g] as number);
    moneyMag += wg * (rMag[g] as number);
  }
  const tol = TAU * (cost + moneyMag);
  if (money < cost - tol) {
    let slope = 0;
    let slopeMag = 0;
    for (let i = 0; i < sup.length; i++) {
      const g = sup[i] as number;
      slope += (w[g] as number) * (wal.s[g] as number);
      slopeMag += (w[g] as number) * (wal.sMag[g] as number);
    }
    out.status = UNAFFORDABLE;
    out.crossing = firstCrossing(cost - money, -slope, cost + moneyMag, slopeMag);
    return;
  }
  if (money <= cost + tol) {
    out.status = UNSURE;
    return;
  }
  wal.stamp++;
  acc.fill(0);
  acc[4] = totalPoints;
  let rho = cost / totalPoints;
  for (let round = 0; ; round++) {
    if (round === 6) {
      sortedSweep(sup, pts, w, wal, acc, cost);
      rho = (cost - (acc[0] as number)) / (acc[4] as number);
      break;
    }
    let moved = false;
    for (let i = 0; i < sup.length; i++) {
      const g = sup[i] as number;
      if (wal.mark[g] === wal.stamp) continue;
      const p = pts ? (pts[i] as number) : 1;
      if ((r[g] as number) < rho * p) {
        movePoor(g, p, w, wal, acc);
        moved = true;
      }
    }
    if (!moved) break;
    if (!((acc[4] as number) > 0)) {
      out.status = UNSURE;
      return;
    }
    rho = (cost - (acc[0] as number)) / (acc[4] as number);
  }
  const [poorSum = 0, poorMag = 0, poorSlope = 0, poorSlopeMag = 0, rich = 0] = acc;
  out.status = OK;
  out.rho = rho;
  out.rhoMag = (cost + poorMag) / rich;
  out.rhoSlope = -poorSlope / rich;
  out.rhoSlopeMag = poorSlopeMag / rich;
  // With nobody poor (or only voters with exactly nothing left) the effective vote count is the
  // supporters' total points: a whole number, exact in floats, so exact ties are seen as ties.
  out.exact = poorSum === 0 && prep.integralPoints;
  out.eff = poorSum === 0 ? rich : (rich * cost) / (cost - poorSum);
  out.effErr = out.exact ? 0 : TAU * out.eff * (2 + (cost + poorMag) / (cost - poorSum));
}
