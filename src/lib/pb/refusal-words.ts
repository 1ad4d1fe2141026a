// The words a budgeting screen shows for a failed call: by the refusal's key (src/lib/refusals/),
// never by the database's English; the plain problem message (offline, signed out, a fault on
// our side) when the call was not refused.
import type { ApiProblem } from '../api-call';
import { WORDS as OFFICERS } from '../refusals/pb-officers';
import { WORDS as RESIDENTS } from '../refusals/pb-residents';
import { WORDS as RESULTS } from '../refusals/pb-results';
import { WORDS as SHARED } from '../refusals/shared';

const WORDS: Record<string, string> = { ...RESIDENTS, ...RESULTS, ...OFFICERS, ...SHARED };

export function refusalWords(problem: Pick<ApiProblem, 'key' | 'message'>): string {
  return (problem.key && WORDS[problem.key]) || problem.message;
}

/** The form field a refusal concerns (detail.field, "rule_options:seed" → "rule_options"). */
export function refusalField(problem: Pick<ApiProblem, 'field'>): string | undefined {
  return problem.field?.split(':')[0];
}
