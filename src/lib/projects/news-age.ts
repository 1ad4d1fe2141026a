// How current the project news is, said plainly: the updates come from the projects, and a
// reader should know at once when the newest one is from, not guess from a list of dates.
import { monthYear } from '../dates.ts';

/** Whole years from `then` to `now` (UTC calendar months, as content dates are). */
export function wholeYearsBetween(then: Date, now: Date): number {
  const months = (now.getUTCFullYear() - then.getUTCFullYear()) * 12 + (now.getUTCMonth() - then.getUTCMonth());
  return Math.max(0, Math.floor(months / 12));
}

/** "The newest update is from July 2020, over 6 years ago. …" (or "this month", "this year"). */
export function newsAgeText(newest: Date, now: Date): string {
  const from = `The newest project update is from ${monthYear(newest)}`;
  const years = wholeYearsBetween(newest, now);
  if (years === 0) return `${from}.`;
  const ago = years === 1 ? 'over a year ago' : `over ${years} years ago`;
  return `${from}, ${ago}. We have had no newer news from the projects, so some of it may be out of date.`;
}
