// Checks the officers' and scrutiny's small forms make before anything is sent: the Cabinet's
// decision, a review meeting, and the audit viewer's dates. Each problem is keyed by the field it
// belongs to, so the screen shows it next to that field and in the error summary. The database
// checks again and has the last word; fieldFor() places its refusals next to a field too.
import { checkDateParts, type DatePart, type DateParts } from '../date-input';
import { formatPounds, parsePounds } from '../money';

export type Problems<K extends string> = Partial<Record<K, string>>;

/** True for a real calendar date written as YYYY-MM-DD (what a date input gives). */
export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Today as YYYY-MM-DD in the person's own time zone. */
export function todayHere(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The boxes of a date input to mark when its problem is not about one box (a date in the future). */
const ALL_BOXES: DatePart[] = ['day', 'month', 'year'];

export interface DecisionFields {
  decision: 'award' | 'not_award';
  amount: string;
  /** GOV.UK's date input: day, month and year boxes. */
  date: DateParts;
  minute: string;
  confirmMore: boolean;
}
export type DecisionField = 'amount' | 'date' | 'minute';

export function checkCabinetDecision(
  f: DecisionFields,
  amountRequested: number,
  today = todayHere(),
):
  | { ok: true; amount: number | null; date: string }
  | { ok: false; problems: Problems<DecisionField>; /** The date boxes in error, when the date is. */ dateParts?: DatePart[] } {
  const problems: Problems<DecisionField> = {};
  let dateParts: DatePart[] | undefined;
  let amount: number | null = null;
  if (f.decision === 'award') {
    amount = parsePounds(f.amount);
    if (!f.amount.trim()) problems.amount = 'Enter the amount Cabinet awarded, in pounds, like 5000';
    else if (!Number.isFinite(amount) || amount <= 0) problems.amount = 'Enter the amount as a number of pounds greater than 0, like 5000';
    else if (amount > amountRequested && !f.confirmMore) {
      problems.amount = `That is more than the ${formatPounds(Number(amountRequested), true)} asked for. Check the amount, or tick the box to confirm Cabinet awarded more`;
    }
  }
  const date = checkDateParts(f.date, 'The date of the Cabinet meeting', true);
  if (!date.ok) [problems.date, dateParts] = [date.message, date.parts];
  else if (date.iso! > today) {
    problems.date = 'The Cabinet meeting date cannot be in the future. Record the decision once Cabinet has met';
    dateParts = ALL_BOXES;
  }
  if (!f.minute.trim()) problems.minute = 'Enter the minute reference, like CAB/2027/14';
  else if (f.minute.trim().length > 100) problems.minute = 'Keep the minute reference to 100 characters or fewer';
  if (Object.keys(problems).length) return dateParts ? { ok: false, problems, dateParts } : { ok: false, problems };
  return { ok: true, amount, date: date.ok ? date.iso! : '' };
}

export type MeetingField = 'title' | 'date' | 'notes';

/** The meeting's problems by field; `date` (a day like 2027-02-01) once the date boxes are right. */
export function checkReviewMeeting(f: { title: string; date: DateParts; notes: string }): {
  problems: Problems<MeetingField>;
  dateParts?: DatePart[];
  date?: string;
} {
  const problems: Problems<MeetingField> = {};
  if (!f.title.trim()) problems.title = 'Enter which meeting it was, like Review meeting 1 of 5';
  else if (f.title.trim().length > 200) problems.title = 'Keep the name of the meeting to 200 characters or fewer';
  const date = checkDateParts(f.date, 'The date of the meeting', true);
  if (f.notes.trim().length > 6000) problems.notes = 'Keep the notes to 6000 characters or fewer';
  if (!date.ok) return { problems: { ...problems, date: date.message }, dateParts: date.parts };
  return { problems, date: date.iso! };
}

export type DateRangeField = 'from' | 'to';

/** The audit viewer's dates: each real if given, and "from" not after "to". */
export function checkDateRange(from: string, to: string): Problems<DateRangeField> {
  const problems: Problems<DateRangeField> = {};
  if (from && !isRealDate(from)) problems.from = 'Enter a real "from" date, like 1 March 2027, or leave it empty';
  if (to && !isRealDate(to)) problems.to = 'Enter a real "to" date, like 31 March 2027, or leave it empty';
  if (!problems.from && !problems.to && from && to && from > to)
    problems.from = 'The "from" date must be before the "to" date, or the same day';
  return problems;
}

/** Which of the form's fields a refusal from the database is about (the field it names); undefined for the summary. */
export function fieldFor<K extends string>(problem: { field?: string }, fields: readonly K[]): K | undefined {
  return fields.find((k) => k === problem.field);
}
