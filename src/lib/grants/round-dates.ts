// The two dates a panel member plans around: the scoring deadline and the panel meeting. A
// plain warning when scoring closes today or tomorrow, so nobody misses it. Days are UTC, as the
// site's other dates (the deadline is stored as a moment, shown as its day).
import { isoDay, longDate } from '../dates';

const DAY = 24 * 60 * 60 * 1000;

/** "5 December": the day and month, for a date close enough that the year goes without saying. */
const dayMonth = (iso: string) => longDate(iso).replace(/ \d{4}$/, '');

/** "Scoring closes tomorrow, 5 December" (or today); undefined when the deadline is further off or past. */
export function deadlineWarning(deadline: string | null | undefined, now = new Date()): string | undefined {
  if (!deadline || new Date(deadline).getTime() < now.getTime()) return undefined;
  const day = deadline.slice(0, 10);
  if (day === isoDay(now)) return `Scoring closes today, ${dayMonth(day)}`;
  if (day === isoDay(new Date(now.getTime() + DAY))) return `Scoring closes tomorrow, ${dayMonth(day)}`;
  return undefined;
}
