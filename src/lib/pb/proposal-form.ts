// The "propose a project" form: its question pages in order, what each asks, and the checks a
// browser can make before sending (the database makes the same ones and has the last word: its
// limits are in supabase/migrations/20261204000000_pb_schema.sql and pb_propose). Answers are
// kept as typed text, so nothing a person typed is changed or lost by a check.
import { z } from 'zod';
import { parsePounds, formatPounds } from '../money';

/** The database's length limits (private.pb_text in pb_propose / pb_edit_proposal). */
export const LIMITS = { title: 120, summary: 300, details: 4000, beneficiaries: 1000 } as const;

/** The question pages, one thing a page, in the order they are asked. */
export const STEPS = ['title', 'details', 'beneficiaries', 'cost', 'ward', 'category'] as const;
export type Step = (typeof STEPS)[number];
export type Page = Step | 'check' | 'done';

export type Answers = {
  title: string;
  summary: string;
  details: string;
  beneficiaries: string;
  cost: string;
  /** A ward's id, 'none' for the whole area, or '' for not answered yet. */
  ward: string;
  category: string;
};
export type Field = keyof Answers;

export const EMPTY_ANSWERS: Answers = { title: '', summary: '', details: '', beneficiaries: '', cost: '', ward: '', category: '' };

/** What the form knows of the process it proposes to. */
export type FormContext = { budget: number; wards: { id: string }[]; categories: { id: string }[] };

/** The fields each page asks for. */
export const STEP_FIELDS: Record<Step, readonly Field[]> = {
  title: ['title', 'summary'],
  details: ['details'],
  beneficiaries: ['beneficiaries'],
  cost: ['cost'],
  ward: ['ward'],
  category: ['category'],
};

/** The pages this process asks: no ward page when it lists no wards, likewise categories. */
export function stepsFor(context: FormContext): Step[] {
  return STEPS.filter((s) => (s === 'ward' ? context.wards.length > 0 : s === 'category' ? context.categories.length > 0 : true));
}

export const stepOfField = (field: Field): Step => STEPS.find((s) => STEP_FIELDS[s].includes(field))!;

/** The page after this one, or the check-your-answers page. */
export function nextPage(step: Step, context: FormContext): Page {
  const steps = stepsFor(context);
  return steps[steps.indexOf(step) + 1] ?? 'check';
}

export function previousPage(step: Step, context: FormContext): Step | undefined {
  const steps = stepsFor(context);
  return steps[steps.indexOf(step) - 1];
}

const chars = (n: number) => n.toLocaleString('en-GB');
const text = (label: string, max: number, required = true) => {
  const base = z.string().transform((s) => s.trim());
  const limited = base.refine((s) => s.length <= max, `${label} must be ${chars(max)} characters or fewer`);
  return required ? limited.refine((s) => s.length > 0, `Enter ${label.toLowerCase()}`) : limited;
};

/** What is wrong with a typed cost, or undefined when it is a whole number of pence above £0 and within the budget. */
export function costProblem(typed: string, budget: number): string | undefined {
  const clean = typed.trim();
  if (!clean) return 'Enter roughly how much your project would cost, in pounds';
  if (!/^-?\s*£?\s*[\d,\s]*\.?\d*$/.test(clean) || !/\d/.test(clean)) return 'Enter the cost as a number, like 2500';
  const amount = parsePounds(clean);
  if (!Number.isFinite(amount)) return 'Enter the cost as a number, like 2500';
  if (amount <= 0) return 'The cost must be more than £0';
  if (Math.round(amount * 100) !== amount * 100) return 'Enter the cost in pounds and pence, like 2500 or 2500.50';
  if (amount > budget) return `A project cannot cost more than the whole budget of ${formatPounds(budget)}`;
  return undefined;
}

/** The zod schema of every answer, for one process (its budget, wards and categories). */
export function answersSchema(context: FormContext) {
  const wards = context.wards.map((w) => w.id);
  const categories = context.categories.map((c) => c.id);
  return z.object({
    title: text('A title for your project', LIMITS.title),
    summary: text('A short summary', LIMITS.summary),
    details: text('What your project would do', LIMITS.details),
    beneficiaries: text('Who would benefit', LIMITS.beneficiaries, false),
    cost: z.string().superRefine((s, ctx) => {
      const problem = costProblem(s, context.budget);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    ward: z
      .string()
      .refine((s) => wards.length === 0 || s === 'none' || wards.includes(s), 'Choose the part of the area your project is for'),
    category: z.string().refine((s) => categories.length === 0 || categories.includes(s), 'Choose the kind of project it is'),
  });
}

export type Errors = Partial<Record<Field, string>>;

function errorsOf(answers: Answers, context: FormContext, fields: readonly Field[]): Errors {
  const result = answersSchema(context).safeParse(answers);
  if (result.success) return {};
  const errors: Errors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as Field;
    if (fields.includes(field) && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** The problems on one question page (empty when it may move on). */
export const checkStep = (step: Step, answers: Answers, context: FormContext): Errors => errorsOf(answers, context, STEP_FIELDS[step]);

/** The problems anywhere in the form, for the check-your-answers page. */
export const checkAll = (answers: Answers, context: FormContext): Errors =>
  errorsOf(
    answers,
    context,
    stepsFor(context).flatMap((s) => STEP_FIELDS[s]),
  );

/** The first page with a problem, to send the person back to. */
export function firstStepWithProblem(errors: Errors, context: FormContext): Step | undefined {
  return stepsFor(context).find((s) => STEP_FIELDS[s].some((f) => errors[f]));
}

/** The answers as pb_propose / pb_edit_proposal take them. */
export function toApiFields(answers: Answers) {
  return {
    p_title: answers.title.trim(),
    p_summary: answers.summary.trim(),
    p_details: answers.details.trim(),
    p_beneficiaries: answers.beneficiaries.trim() || null,
    p_estimated_cost: parsePounds(answers.cost.trim()),
    p_ward_id: answers.ward && answers.ward !== 'none' ? answers.ward : null,
    p_category_id: answers.category || null,
  };
}

/** A proposal's saved answers, to edit it with the same pages. */
export function answersFrom(p: {
  title: string;
  summary: string;
  details: string;
  beneficiaries: string;
  estimated_cost: number;
  ward: { id: string } | null;
  category: { id: string } | null;
}): Answers {
  return {
    title: p.title,
    summary: p.summary,
    details: p.details,
    beneficiaries: p.beneficiaries,
    cost: String(p.estimated_cost),
    ward: p.ward?.id ?? 'none',
    category: p.category?.id ?? '',
  };
}

/** The form's field for a database refusal's field (detail.field), or undefined for the whole form. */
export function fieldOfRefusal(dbField: string | undefined): Field | undefined {
  const map: Record<string, Field> = {
    title: 'title',
    summary: 'summary',
    details: 'details',
    beneficiaries: 'beneficiaries',
    estimated_cost: 'cost',
    ward_id: 'ward',
    category_id: 'category',
  };
  return dbField ? map[dbField] : undefined;
}

/** Field labels, for error messages made from a refusal's facts. */
export const FIELD_NAMES: Record<Field, string> = {
  title: 'The title',
  summary: 'The summary',
  details: 'What your project would do',
  beneficiaries: 'Who would benefit',
  cost: 'The cost',
  ward: 'The part of the area',
  category: 'The kind of project',
};
