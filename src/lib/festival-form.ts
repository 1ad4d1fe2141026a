// The festival booking form's answers and the checks made before anything is sent: the same
// rules the database applies (supabase/migrations/20261205000200_festival_bookings.sql), so a
// person hears about a problem on the page it belongs to. The database still decides.
import type { ApiProblem } from './api-call';
import type { FestivalAnswers, FestivalBooking } from './api/festival';
import type { NeedKind } from './festival-bookings';
import { WORDS as FESTIVAL_WORDS } from './refusals/festival';
import { WORDS as SHARED_WORDS } from './refusals/shared';

export type Answers = {
  name: string;
  email: string;
  /** The hidden field people never see; anything in it means a bot filled the form. */
  website: string;
  sessions: string[];
  needs: NeedKind[];
  interpreter: string;
  dietary: string;
  other: string;
};

export const EMPTY_ANSWERS: Answers = {
  name: '',
  email: '',
  website: '',
  sessions: [],
  needs: [],
  interpreter: '',
  dietary: '',
  other: '',
};

/** The question pages, in order, then checking the answers. */
export const STEPS = ['you', 'sessions', 'support'] as const;
export type Step = (typeof STEPS)[number];

/** The form's field ids: the error summary links to them. */
export type Field = 'name' | 'email' | 'sessions' | 'interpreter' | 'dietary' | 'other' | 'needs';
export type Errors = Partial<Record<Field, string>>;

export const STEP_OF_FIELD: Record<Field, Step> = {
  name: 'you',
  email: 'you',
  sessions: 'sessions',
  needs: 'support',
  interpreter: 'support',
  dietary: 'support',
  other: 'support',
};

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The problems on one page, as GOV.UK words them. */
export function checkStep(step: Step, a: Answers): Errors {
  const errors: Errors = {};
  if (step === 'you') {
    if (!a.name.trim()) errors.name = 'Enter your name';
    else if (a.name.trim().length > 120) errors.name = 'Your name must be 120 characters or fewer';
    if (!a.email.trim()) errors.email = 'Enter your email address';
    else if (!EMAIL.test(a.email.trim()) || a.email.trim().length > 254)
      errors.email = 'Enter an email address in the correct format, like name@example.com';
  }
  if (step === 'sessions' && a.sessions.length === 0) errors.sessions = 'Choose at least one session';
  if (step === 'support') {
    if (a.needs.includes('interpreter') && !a.interpreter.trim()) errors.interpreter = 'Tell us which interpreter you need';
    else if (a.interpreter.trim().length > 200) errors.interpreter = 'This must be 200 characters or fewer';
    if (a.needs.includes('dietary') && !a.dietary.trim()) errors.dietary = 'Tell us what you can and cannot eat';
    else if (a.dietary.trim().length > 500) errors.dietary = 'This must be 500 characters or fewer';
    if (a.other.trim().length > 1000) errors.other = 'This must be 1,000 characters or fewer';
  }
  return errors;
}

/** Every page's problems together, and the first page that has one. */
export function checkAll(a: Answers): { errors: Errors; first?: Step } {
  for (const step of STEPS) {
    const errors = checkStep(step, a);
    if (Object.keys(errors).length > 0) return { errors, first: step };
  }
  return { errors: {} };
}

/** What the database is sent: only the detail the chosen support needs. */
export function toApi(a: Answers): FestivalAnswers {
  return {
    p_sessions: a.sessions,
    p_needs: a.needs,
    p_interpreter: a.needs.includes('interpreter') ? a.interpreter.trim() : null,
    p_dietary: a.needs.includes('dietary') ? a.dietary.trim() : null,
    p_other: a.other.trim() || null,
  };
}

/** A booking's answers, to change them. */
export function answersFrom(b: FestivalBooking): Answers {
  return {
    ...EMPTY_ANSWERS,
    name: b.name,
    email: b.email,
    sessions: b.sessions.map((s) => s.key),
    needs: b.needs?.needs ?? [],
    interpreter: b.needs?.interpreter ?? '',
    dietary: b.needs?.dietary ?? '',
    other: b.needs?.other ?? '',
  };
}

const FIELDS = new Set<string>(['name', 'email', 'sessions', 'interpreter', 'dietary', 'other', 'needs']);

/** A refusal in words, with the field it concerns (chosen by its key and field, never its English). */
export function explainRefusal(problem: ApiProblem): { field?: Field; message: string } {
  const field = problem.field && FIELDS.has(problem.field) ? (problem.field as Field) : undefined;
  const words = (problem.key && (FESTIVAL_WORDS[problem.key] ?? SHARED_WORDS[problem.key])) || problem.message;
  return { field, message: words };
}
