// Turns a stored count into pieces a resident can follow: what was funded and what is left,
// each voter's share, how each funded project was paid for, why others were not, and the
// comparison with "most votes first". Pure: no fetching, no formatting beyond words.

import type { Explanation, ExplainInput } from './types.ts';
import { explainComparison } from './comparison.ts';
import { explainFunded } from './funded.ts';
import { explainNotFunded } from './not-funded.ts';
import { explainPayments } from './payments.ts';
import { explainShare } from './share.ts';
import { namer } from './words.ts';

export type * from './types.ts';
export { EQUAL_SHARES_LABEL, GREEDY_LABEL } from './comparison.ts';
export { money } from './words.ts';

export function explainResult({ result, names, ballots }: ExplainInput): Explanation {
  const name = namer(result, names);
  const comparison = explainComparison(result, name);
  return {
    rule: result.outcome,
    currency: result.currency,
    funded: explainFunded(result, name),
    share: explainShare(result),
    payments: explainPayments(result, name),
    notFunded: explainNotFunded(result, name, ballots),
    ...(comparison ? { comparison } : {}),
  };
}
