// The officers' eligibility editor and round dates say the database's refusals in their own words,
// by the refusal's key, next to the field it concerns (never by matching the database's English).
import type { ApiProblem } from '../api-call';
import { WORDS as ELIGIBILITY } from '../refusals/eligibility';
import { WORDS as GRANTS } from '../refusals/grants';
import { WORDS as SHARED } from '../refusals/shared';

/** The fields a form shows errors beside; 'form' is the whole form. */
export type EditorField = 'question' | 'hint' | 'answers' | 'opens_on' | 'closes_on' | 'form';
const FIELDS: readonly EditorField[] = ['question', 'hint', 'answers', 'opens_on', 'closes_on'];

/** Words for the refusal, and where to show them; undefined when it is not a refusal (offline, signed out, a fault). */
export function explainEditorRefusal(problem: ApiProblem): { field: EditorField; message: string } | undefined {
  if (problem.offline || problem.signedOut || !problem.key) return undefined;
  const words = ELIGIBILITY[problem.key] ?? GRANTS[problem.key] ?? SHARED[problem.key] ?? problem.message;
  const field = FIELDS.find((f) => f === problem.field) ?? 'form';
  return { field, message: words };
}
