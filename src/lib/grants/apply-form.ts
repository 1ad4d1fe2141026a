// The online application's questions, task by task, as data: each field's label, hint and kind,
// turning what was typed into what api.apply_save_task takes (and back), and the checks the
// browser makes before sending (a missing answer, a date that is not real, an amount that is
// not a number). Every format rule is the database's (private.apply_check_task): its refusal
// comes back with the field, and fieldProblem puts the words next to it.
import type { ApiProblem } from '../api-call';
import { checkDateParts, EMPTY_DATE, partsFromIso, type DatePart, type DateParts } from '../date-input';
import { parsePounds } from '../money';
import { WORDS, wordsFor } from '../refusals/applications';
import type { ApplyTask } from './apply-tasks';
import { ORGANISATION_TYPES } from './application-form';

export { ORGANISATION_TYPES };

export type FieldKind = 'text' | 'textarea' | 'organisation_type' | 'date' | 'money' | 'lines' | 'confirm';

export interface FieldDef {
  name: string;
  label: string;
  kind: FieldKind;
  hint?: string;
  /** What to say when it is left empty; absent for optional fields. */
  required?: string;
  width?: '4' | '5' | '10' | '20' | '30';
  autoComplete?: string;
  type?: 'email' | 'tel';
}

export const TASK_FIELDS: Record<ApplyTask, FieldDef[]> = {
  organisation: [
    {
      name: 'organisation_name',
      label: 'Name of your organisation',
      kind: 'text',
      required: 'Enter the name of your organisation',
      autoComplete: 'organization',
    },
    { name: 'organisation_type', label: 'Type of organisation', kind: 'organisation_type', required: 'Choose the type of organisation' },
    {
      name: 'charity_number',
      label: 'Charity number (if you have one)',
      kind: 'text',
      width: '10',
      hint: 'Registered charities and CIOs must give it. It is 6 to 8 digits, like 1234567.',
    },
    {
      name: 'company_number',
      label: 'Company number (if you have one)',
      kind: 'text',
      width: '10',
      hint: 'Companies and community interest companies must give it. It is 8 characters, like 01234567 or SC123456.',
    },
    {
      name: 'address',
      label: 'Address of your organisation',
      kind: 'textarea',
      required: "Enter your organisation's address",
      autoComplete: 'street-address',
    },
    { name: 'postcode', label: 'Postcode', kind: 'text', width: '10', required: 'Enter the postcode', autoComplete: 'postal-code' },
  ],
  contact: [
    { name: 'contact_name', label: 'Full name', kind: 'text', required: "Enter the contact's full name", autoComplete: 'name' },
    {
      name: 'contact_role',
      label: 'Their role in the organisation (optional)',
      kind: 'text',
      hint: 'For example, secretary or project lead.',
    },
    {
      name: 'contact_email',
      label: 'Email address',
      kind: 'text',
      type: 'email',
      required: "Enter the contact's email address",
      autoComplete: 'email',
      hint: 'We will use this to tell you about your application.',
    },
    { name: 'contact_phone', label: 'Phone number (optional)', kind: 'text', type: 'tel', width: '20', autoComplete: 'tel' },
  ],
  project: [
    { name: 'project_title', label: 'Name of your project', kind: 'text', required: 'Enter the name of your project' },
    {
      name: 'description',
      label: 'What will your project do?',
      kind: 'textarea',
      required: 'Enter what your project will do',
      hint: 'Say what will happen, how often and who will run it. You can paste this from another document.',
    },
    {
      name: 'beneficiaries',
      label: 'Who will benefit?',
      kind: 'textarea',
      required: 'Enter who will benefit',
      hint: 'For example, carers of people with dementia in Banbury.',
    },
    {
      name: 'area',
      label: 'Where will it happen?',
      kind: 'text',
      required: 'Enter where the project will happen',
      hint: 'A town, village or part of Oxfordshire.',
    },
    { name: 'planned_start', label: 'When will it start?', kind: 'date', required: 'Enter the start date', hint: 'For example, 1 4 2027' },
    { name: 'planned_end', label: 'When will it end?', kind: 'date', required: 'Enter the end date', hint: 'For example, 31 3 2028' },
  ],
  money: [
    {
      name: 'amount_requested',
      label: 'How much are you asking for?',
      kind: 'money',
      required: 'Enter how much you are asking for',
      width: '10',
    },
    {
      name: 'budget_lines',
      label: 'What the money will pay for',
      kind: 'lines',
      hint: 'Add a line for each cost. The lines must add up to the amount you are asking for.',
    },
    {
      name: 'other_funding',
      label: 'Other funding for this project (optional)',
      kind: 'textarea',
      hint: 'Other grants, donations or help in kind, and whether you have been given them yet.',
    },
  ],
  outcomes: [
    {
      name: 'outcomes',
      label: 'What difference will your project make?',
      kind: 'textarea',
      required: 'Enter what difference your project will make',
      hint: 'What will be better for people, and how you will know.',
    },
  ],
  declaration: [
    { name: 'confirmed', label: 'I confirm that the information in this application is true', kind: 'confirm' },
    { name: 'declared_by', label: 'Your full name', kind: 'text', required: 'Enter your full name', autoComplete: 'name' },
  ],
};

export interface BudgetLine {
  item: string;
  amount: string;
}

export type FieldValue = string | DateParts | BudgetLine[] | boolean;
export type TaskForm = Record<string, FieldValue>;
export type FieldErrors = Record<string, { message: string; parts?: DatePart[] }>;

const EMPTY_LINE: BudgetLine = { item: '', amount: '' };

/** The form for a task, filled from what the server holds (or empty). */
export function formFrom(task: ApplyTask, answers: Record<string, unknown> | undefined): TaskForm {
  const form: TaskForm = {};
  for (const f of TASK_FIELDS[task]) {
    const v = answers?.[f.name];
    if (f.kind === 'date') form[f.name] = typeof v === 'string' ? partsFromIso(v) : { ...EMPTY_DATE };
    else if (f.kind === 'lines')
      form[f.name] =
        Array.isArray(v) && v.length
          ? v.map((l: { item?: string; amount?: number }) => ({ item: l.item ?? '', amount: l.amount == null ? '' : String(l.amount) }))
          : [{ ...EMPTY_LINE }, { ...EMPTY_LINE }];
    else if (f.kind === 'confirm') form[f.name] = v === true;
    else if (f.kind === 'money') form[f.name] = typeof v === 'number' ? String(v) : '';
    else form[f.name] = typeof v === 'string' ? v : '';
  }
  return form;
}

/** An amount as typed: the number, or the text itself so the database refuses it by its field. */
const pounds = (text: string): number | string => {
  const n = parsePounds(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text.trim();
};

/** What the browser checks before sending: missing answers, real dates, amounts that are numbers. */
export function checkTask(task: ApplyTask, form: TaskForm): FieldErrors {
  const errors: FieldErrors = {};
  for (const f of TASK_FIELDS[task]) {
    const v = form[f.name];
    if (f.kind === 'date') {
      const checked = checkDateParts(v as DateParts, f.name === 'planned_start' ? 'The start date' : 'The end date', true);
      if (!checked.ok) errors[f.name] = { message: checked.message, parts: checked.parts };
    } else if (f.kind === 'lines') {
      const lines = (v as BudgetLine[]).filter((l) => l.item.trim() || l.amount.trim());
      if (lines.length === 0) errors.budget_lines = { message: WORDS.budget_lines_needed! };
      (v as BudgetLine[]).forEach((l, i) => {
        if (!l.item.trim() && !l.amount.trim()) return;
        if (!l.item.trim()) errors[`budget_item_${i + 1}`] = { message: `Enter what line ${i + 1} is for` };
        if (!l.amount.trim()) errors[`budget_amount_${i + 1}`] = { message: `Enter the cost of line ${i + 1}` };
        else if (typeof pounds(l.amount) !== 'number') errors[`budget_amount_${i + 1}`] = { message: WORDS.budget_amount_not_valid! };
      });
    } else if (f.kind === 'confirm') {
      if (v !== true) errors[f.name] = { message: WORDS.declaration_needed! };
    } else if (f.required && !(v as string).trim()) {
      errors[f.name] = { message: f.required };
    } else if (f.kind === 'money' && (v as string).trim() && typeof pounds(v as string) !== 'number') {
      errors[f.name] = { message: WORDS.amount_requested_not_valid! };
    }
  }
  return errors;
}

/** What api.apply_save_task takes for the task (call after checkTask found nothing). */
export function answersFrom(task: ApplyTask, form: TaskForm): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of TASK_FIELDS[task]) {
    const v = form[f.name];
    if (f.kind === 'date') {
      const checked = checkDateParts(v as DateParts, f.label, true);
      out[f.name] = checked.ok ? checked.iso : '';
    } else if (f.kind === 'lines') {
      out[f.name] = (v as BudgetLine[])
        .filter((l) => l.item.trim() || l.amount.trim())
        .map((l) => ({ item: l.item.trim(), amount: pounds(l.amount) }));
    } else if (f.kind === 'money') out[f.name] = pounds(v as string);
    else if (f.kind === 'confirm') out[f.name] = v === true;
    else out[f.name] = (v as string).trim();
  }
  return out;
}

/** The field a refusal is about, with its words, or undefined for a refusal about the whole form. */
export function fieldProblem(task: ApplyTask, problem: ApiProblem): { field: string; message: string } | undefined {
  const field = problem.field;
  if (!field) return undefined;
  const def = TASK_FIELDS[task].find((f) => f.name === field);
  if (problem.key === 'required') return { field, message: def?.required ?? wordsFor(problem) };
  if (problem.key === 'too_long') {
    const max = Number(problem.facts?.max);
    return { field, message: `${def?.label ?? 'This answer'} must be ${max.toLocaleString('en-GB')} characters or fewer` };
  }
  return { field, message: wordsFor(problem) };
}

/** The id of the box an error about `field` links to. */
export function fieldAnchor(field: string, parts?: DatePart[]): string {
  if (field === 'planned_start' || field === 'planned_end') return `f-${field}-${parts?.[0] ?? 'day'}`;
  if (field === 'budget_lines') return 'f-budget_item_1';
  if (field === 'organisation_type') return 'f-organisation_type';
  return `f-${field}`;
}

/** An answer as the check-your-answers page shows it. */
export function answerText(def: FieldDef, answers: Record<string, unknown> | undefined): string {
  const v = answers?.[def.name];
  if (v == null || v === '') return '';
  if (def.kind === 'date' && typeof v === 'string') return formatDay(v);
  if (def.kind === 'money' && typeof v === 'number') return poundsText(v);
  if (def.kind === 'lines' && Array.isArray(v))
    return v.map((l: { item: string; amount: number }) => `${l.item}: ${poundsText(l.amount)}`).join('\n');
  if (def.kind === 'confirm') return v === true ? 'Yes' : 'No';
  return String(v);
}

export const poundsText = (n: number) =>
  `£${n.toLocaleString('en-GB', { minimumFractionDigits: n % 1 ? 2 : 0, maximumFractionDigits: 2 })}`;

/** "27 March 2027" from "2027-03-27". */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "11:59pm on Friday 29 January 2027": the last moment to send (the end of the closing day). */
export function formatDeadline(closesOn: string): string {
  const day = new Date(`${closesOn.slice(0, 10)}T12:00:00Z`);
  const weekday = day.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
  return `11:59pm on ${weekday} ${formatDay(closesOn)}`;
}

/** "14:02" in Oxfordshire's time, for "Draft saved at". */
export function formatTime(at: string): string {
  return new Date(at).toLocaleString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    day: 'numeric',
    month: 'long',
    timeZone: 'Europe/London',
  });
}
