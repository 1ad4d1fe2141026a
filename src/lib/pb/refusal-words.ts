// The words a budgeting screen shows for a failed call: by the refusal's key (src/lib/refusals/),
// never by the database's English; from the screen's topic first (a few keys, such as
// proposal_not_found, are worded for residents and officers differently), then the shared list.
// Offline, signed-out and server faults keep api-call.ts's words, which say truthfully where the
// typed work is.
// The officers' words are in officer-refusal-words.ts, so residents' pages do not download them.
import type { ApiProblem } from '../api-call';
import { WORDS as RESIDENTS } from '../refusals/pb-residents';
import { WORDS as RESULTS } from '../refusals/pb-results';
import { WORDS as SHARED } from '../refusals/shared';

const TOPICS = { residents: RESIDENTS, results: RESULTS } as const;
export type PbTopic = keyof typeof TOPICS;

export type Refused = Pick<ApiProblem, 'key' | 'message'> & Partial<Pick<ApiProblem, 'offline' | 'signedOut'>>;

/** The words for a refusal from one topic's list (key -> words), then the shared list. */
export function topicWords(problem: Refused, words: Record<string, string>): string {
  if (problem.offline || problem.signedOut || !problem.key) return problem.message;
  return words[problem.key] ?? SHARED[problem.key] ?? problem.message;
}

export function pbProblemWords(problem: Refused, topic: PbTopic = 'residents'): string {
  return topicWords(problem, TOPICS[topic]);
}

/** The form field a refusal concerns (detail.field, "rule_options:seed" → "rule_options"). */
export function refusalField(problem: Pick<ApiProblem, 'field'>): string | undefined {
  return problem.field?.split(':')[0];
}
