// The words a budgeting screen shows for a failed call: by the refusal's key (src/lib/refusals/),
// never by the database's English; from the screen's topic first (a few keys, such as
// proposal_not_found, are worded for residents and officers differently), then the shared list.
// Offline, signed-out and server faults keep api-call.ts's words, which say truthfully where the
// typed work is.
import type { ApiProblem } from '../api-call';
import { WORDS as OFFICERS } from '../refusals/pb-officers';
import { WORDS as RESIDENTS } from '../refusals/pb-residents';
import { WORDS as RESULTS } from '../refusals/pb-results';
import { WORDS as SHARED } from '../refusals/shared';

const TOPICS = { residents: RESIDENTS, results: RESULTS, officers: OFFICERS } as const;
export type PbTopic = keyof typeof TOPICS;

type Refused = Pick<ApiProblem, 'key' | 'message'> & Partial<Pick<ApiProblem, 'offline' | 'signedOut'>>;

export function pbProblemWords(problem: Refused, topic: PbTopic = 'residents'): string {
  if (problem.offline || problem.signedOut || !problem.key) return problem.message;
  return TOPICS[topic][problem.key] ?? SHARED[problem.key] ?? problem.message;
}

/** The officers' screens' words for a refusal. */
export function refusalWords(problem: Refused): string {
  return pbProblemWords(problem, 'officers');
}

/** The form field a refusal concerns (detail.field, "rule_options:seed" → "rule_options"). */
export function refusalField(problem: Pick<ApiProblem, 'field'>): string | undefined {
  return problem.field?.split(':')[0];
}
