// One rounding rule for every score a person reads (the panel-day table, the report, its CSV):
// one decimal place, halves rounded up. The database keeps more places so rankings stay exact;
// showing "84.65" in one place and "84.7" in another made readers think the figures disagreed.

/** A score out of 100 to one decimal place ("84.7"), or `none` when there is no score. */
export function formatScore(n: number | string | null | undefined, none = '–'): string {
  if (n === null || n === undefined || n === '') return none;
  const value = Number(n);
  if (!Number.isFinite(value)) return none;
  // toFixed alone rounds 84.65 (stored as 84.6499…) down on some values; scaling with a nudge
  // rounds the decimal a person sees, half up.
  const tenths = Math.round(value * 10 + Math.sign(value) * 1e-9);
  return (tenths / 10).toFixed(1);
}
