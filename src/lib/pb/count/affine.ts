// Helpers for the fast Equal Shares count, which runs in floating point. Every quantity it
// tracks is a line in t, the amount added to each voter's share: value + slope × t. Alongside
// each value and slope it carries a "magnitude" (the sum of the sizes of everything that went
// into it), which bounds its rounding error: error < TAU × magnitude, with TAU far above what
// double precision actually loses even over millions of additions.

/** Relative tolerance: comparisons closer than this are "too close to call" in floats. */
export const TAU = 1e-9;

/**
 * A safe lower bound on the first t > 0 at which a condition value + slope × t (true at t = 0,
 * meaning >= 0) could stop holding, allowing for rounding in both numbers. 0 means "it could
 * change straight away"; Infinity means "never, while everything else stays the same".
 */
export function firstCrossing(value: number, slope: number, valueMag: number, slopeMag: number): number {
  const tolValue = TAU * valueMag;
  if (value <= tolValue) return 0;
  const worstSlope = slope - TAU * slopeMag;
  if (worstSlope >= 0) return Infinity;
  return (value - tolValue) / -worstSlope;
}
