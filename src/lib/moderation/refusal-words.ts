// The words the moderation screen shows for a failed call: by the refusal's key, from the
// queue's own words first, then a PB proposal's or a project update's (their own rules), then
// the shared list.
// Offline, signed-out and server faults keep api-call.ts's words.
import type { ApiProblem } from '../api-call';
import { WORDS as MODERATION } from '../refusals/moderation';
import { WORDS as PB_OFFICERS } from '../refusals/pb-officers';
import { WORDS as PROJECT_UPDATES } from '../refusals/project-updates';
import { WORDS as SHARED } from '../refusals/shared';

export function moderationProblemWords(problem: Pick<ApiProblem, 'key' | 'message' | 'offline' | 'signedOut'>): string {
  if (problem.offline || problem.signedOut || !problem.key) return problem.message;
  return MODERATION[problem.key] ?? PB_OFFICERS[problem.key] ?? PROJECT_UPDATES[problem.key] ?? SHARED[problem.key] ?? problem.message;
}
