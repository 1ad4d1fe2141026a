// The words a resident's PB screen shows for a failed call: by the refusal's key (never by the
// database's English), from the topic's list then the shared one; offline, signed-out and server
// faults keep api-call.ts's words, which say truthfully where the typed work is.
import type { ApiProblem } from '../api-call';
import { WORDS as RESIDENTS } from '../refusals/pb-residents';
import { WORDS as RESULTS } from '../refusals/pb-results';
import { WORDS as SHARED } from '../refusals/shared';

const TOPICS = { residents: RESIDENTS, results: RESULTS } as const;

export function pbProblemWords(problem: ApiProblem, topic: keyof typeof TOPICS = 'residents'): string {
  if (problem.offline || problem.signedOut || !problem.key) return problem.message;
  return TOPICS[topic][problem.key] ?? SHARED[problem.key] ?? problem.message;
}
