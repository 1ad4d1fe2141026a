// The officers' budgeting screens' words for a refusal: their own list first, then the shared one
// (src/lib/pb/refusal-words.ts), in a module of its own so residents' pages do not download them.
import { WORDS as OFFICERS } from '../refusals/pb-officers';
import { topicWords, type Refused } from './refusal-words';

export function refusalWords(problem: Refused): string {
  return topicWords(problem, OFFICERS);
}
