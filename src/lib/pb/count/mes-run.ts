// What one Equal Shares count at a fixed share per voter produces, whichever engine ran it.

export type WinnerPayment = {
  /** Payment per vote (or per point) of the voters who could pay in full. */
  readonly rho: number;
  readonly supportersWhoPaid: number;
  readonly maxPayment: number;
};

export type MesRun = {
  /** Eligible project indices in the order they were funded (positive-cost projects only). */
  readonly winners: readonly number[];
  readonly payments: readonly WinnerPayment[];
  /** What each group of identical voters has left, per voter. */
  readonly left: Float64Array;
  readonly exact: boolean;
};
