// The lead's update form as data: the answers, the months a lead may choose, the check before
// sending (the same rules the database applies, from update-rules.ts, so the lead hears of a
// problem before pressing send) and the mapping to and from the API.
import { monthYear } from '../dates.ts';
import type { ProjectUpdate, UpdateFields } from '../api/project-updates.ts';
import { UPDATE_LIMITS, updateSaysSomething, youSaidIsTheirs } from './update-rules.ts';
import { WORDS } from '../refusals/project-updates.ts';

export type Answers = { month: string; title: string; text: string; weAsked: string; youSaid: string; weDid: string; next: string };
export type Field = keyof Answers;
export type Errors = Partial<Record<Field, string>>;

/** The fields in the order the form and the check page show them, with their labels. */
export const FIELDS: { field: Field; label: string; hint?: string; long?: boolean }[] = [
  { field: 'month', label: 'Which month is this update about?' },
  { field: 'title', label: 'Title', hint: 'A short headline, like "Riders chose the new routes".' },
  { field: 'text', label: 'What happened this month', hint: 'In plain English, as you would tell a neighbour.', long: true },
  { field: 'weAsked', label: 'We asked', hint: 'What the project asked people, if it asked something this month.', long: true },
  { field: 'youSaid', label: 'You said', hint: 'What people who use services, carers or the public told you, in their words.', long: true },
  { field: 'weDid', label: 'We did', hint: 'What the council or the project did about it.', long: true },
  { field: 'next', label: 'What happens next', long: true },
];

/** Answer field ↔ the database's field name in refusals (detail.field). */
export const API_FIELD: Record<Field, string> = {
  month: 'month',
  title: 'title',
  text: 'text',
  weAsked: 'we_asked',
  youSaid: 'you_said',
  weDid: 'we_did',
  next: 'next',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** This month and the eleven before it, newest first, as "YYYY-MM-01" with "December 2026". */
export function monthChoices(now = new Date()): { value: string; label: string }[] {
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(now.getFullYear(), now.getMonth() - i, 1));
    const value = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-01`;
    return { value, label: monthYear(value) };
  });
}

export const emptyAnswers = (now = new Date()): Answers => ({
  month: monthChoices(now)[0]!.value,
  title: '',
  text: '',
  weAsked: '',
  youSaid: '',
  weDid: '',
  next: '',
});

export function answersFrom(u: ProjectUpdate): Answers {
  return {
    month: u.month,
    title: u.title ?? '',
    text: u.text ?? '',
    weAsked: u.we_asked ?? '',
    youSaid: u.you_said ?? '',
    weDid: u.we_did ?? '',
    next: u.next ?? '',
  };
}

export function toApiFields(slug: string, a: Answers): UpdateFields {
  return {
    p_project_slug: slug,
    p_month: a.month,
    p_title: a.title,
    p_text: a.text,
    p_we_asked: a.weAsked,
    p_you_said: a.youSaid,
    p_we_did: a.weDid,
    p_next: a.next,
  };
}

/** Problems a draft can be saved with are only lengths; `sending` adds the rules of a sent update. */
export function checkAnswers(a: Answers, sending: boolean): Errors {
  const errors: Errors = {};
  const t = (f: Field) => a[f].trim();
  for (const { field, label } of FIELDS) {
    const max = field === 'month' ? undefined : UPDATE_LIMITS[field];
    if (max && t(field).length > max) errors[field] = `${label} must be ${max} characters or fewer`;
  }
  if (!sending) return errors;
  if (!t('title')) errors.title ??= 'Give the update a title';
  if (!updateSaysSomething({ text: t('text'), weAsked: t('weAsked'), youSaid: t('youSaid'), weDid: t('weDid') }))
    errors.text ??= WORDS.update_empty!;
  if (t('youSaid') && !youSaidIsTheirs(t('youSaid'))) errors.youSaid ??= WORDS.you_said_is_ours!;
  return errors;
}

/** The answer field a refusal concerns, from its detail.field. */
export function fieldOfRefusal(apiField: string | undefined): Field | undefined {
  return (Object.keys(API_FIELD) as Field[]).find((f) => API_FIELD[f] === apiField);
}
