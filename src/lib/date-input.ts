// GOV.UK's date input (day, month and year boxes) as data: checking what was typed, with GOV.UK's
// own error wording, and turning a stored date back into the three boxes. Pure, so the rules are
// unit tested and any form (budgeting phases, grant deadlines) can share them.

export type DateParts = { day: string; month: string; year: string };
export type DatePart = keyof DateParts;

export type DateCheck =
  | { ok: true; /** "2027-03-14", or null when every box was left empty (and that is allowed). */ iso: string | null }
  | { ok: false; message: string; /** The boxes to mark in error; the first is where the summary links. */ parts: DatePart[] };

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

const NAMES: Record<DatePart, string> = { day: 'a day', month: 'a month', year: 'a year' };
const PARTS: DatePart[] = ['day', 'month', 'year'];

/** Checks the three boxes. `label` names the date in messages, like "The start date". */
export function checkDateParts(parts: DateParts, label: string, required = false): DateCheck {
  const value = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  const missing = PARTS.filter((p) => value[p] === '');
  if (missing.length === 3)
    return required ? { ok: false, message: `Enter ${lower(label)}`, parts: ['day', 'month', 'year'] } : { ok: true, iso: null };
  if (missing.length > 0) {
    const words = missing.map((p) => NAMES[p]);
    return { ok: false, message: `${label} must include ${words.join(' and ')}`, parts: missing };
  }
  const notNumber = PARTS.filter((p) => !/^\d+$/.test(value[p]));
  if (notNumber.length > 0) return { ok: false, message: `${label} must be a real date`, parts: notNumber };
  if (value.year.length !== 4) return { ok: false, message: 'Year must include 4 numbers', parts: ['year'] };
  const [d, m, y] = [Number(value.day), Number(value.month), Number(value.year)];
  if (m < 1 || m > 12) return { ok: false, message: `${label} must be a real date`, parts: ['month'] };
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > last) return { ok: false, message: `${label} must be a real date`, parts: ['day'] };
  return { ok: true, iso: `${y}-${pad(m)}-${pad(d)}` };
}

/** A stored timestamp or day ("2027-03-14T00:00:00Z", "2027-03-14") as the three boxes. */
export function partsFromIso(value: string | null | undefined): DateParts {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!m) return { ...EMPTY_DATE };
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! };
}

const pad = (n: number) => String(n).padStart(2, '0');
const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
