// The words a tree page shows for a failed send: by the refusal's key (src/lib/refusals/tree.ts),
// the easy-read words on the easy-read pages; offline and server faults keep api-call.ts's words.
import type { ApiProblem } from '../api-call';
import { EASY_WORDS, WORDS } from '../refusals/tree';
import { WORDS as SHARED } from '../refusals/shared';

export function treeProblemWords(problem: Pick<ApiProblem, 'key' | 'message' | 'offline'>, easyRead = false): string {
  if (problem.offline || !problem.key) return problem.message;
  return (easyRead ? EASY_WORDS[problem.key] : undefined) ?? WORDS[problem.key] ?? SHARED[problem.key] ?? problem.message;
}
