// Dates as readers expect them ("14 May 2019") and as machines do (2019-05-14). Content dates are
// calendar days, so both work in UTC: a build in any time zone shows the same day.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** "2019-05-14" or a Date → "14 May 2019". */
export function longDate(value: Date | string): string {
  const [y, m, d] = (typeof value === 'string' ? value : isoDay(value)).split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

/** "2019-05-14" → "May 2019". */
export function monthYear(value: Date | string): string {
  const [y, m] = (typeof value === 'string' ? value : isoDay(value)).split('-').map(Number);
  return `${MONTHS[m! - 1]} ${y}`;
}

/** A Date → "2019-05", for <time datetime> when only the month is known. */
export const isoMonth = (date: Date): string => isoDay(date).slice(0, 7);

/** How exactly a date is known: the day, only the month, or only the year. */
export type DatePrecision = 'day' | 'month' | 'year';

/** A date as text and as a <time datetime> value, no more exact than the source allows. */
export function dateAt(date: Date, precision: DatePrecision = 'day'): { text: string; datetime: string } {
  if (precision === 'year') return { text: String(date.getUTCFullYear()), datetime: String(date.getUTCFullYear()) };
  if (precision === 'month') return { text: monthYear(date), datetime: isoMonth(date) };
  return { text: longDate(date), datetime: isoDay(date) };
}
