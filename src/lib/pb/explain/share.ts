// What each voter's share of the budget was: the budget divided by the voters, then raised by
// the completion while the projects chosen still fitted in the budget.

import type { CountResult } from '../types.ts';
import { count, money } from './words.ts';

export function explainShare(result: CountResult): string[] {
  const m = (x: number) => money(x, result.currency);
  if (result.voters === 0) return ['Nobody voted, so there was nothing to count.'];
  const start = `There ${result.voters === 1 ? 'was' : 'were'} ${count(result.voters, 'voter')} and a budget of ${m(result.budget)}.`;
  if (result.outcome === 'greedy') {
    return [
      start,
      'The projects were chosen by most votes first, so voters did not have shares to spend.',
      `Split equally, the budget would give each voter ${m(result.initialSharePerVoter.value)}.`,
    ];
  }
  const out = [
    start,
    `Each voter started with an equal share of the budget: ${m(result.budget)} ÷ ${result.voters.toLocaleString('en-GB')} = ${m(result.initialSharePerVoter.value)}.`,
  ];
  const c = result.completion;
  if (c && c.method !== 'none' && c.addOneSteps > 0) {
    out.push(
      `To use more of the budget, the count was run again with each share ${m(c.step)} bigger each time.`,
      `The share was raised ${count(c.addOneSteps, 'time')}, while the projects chosen still fitted in the budget.`,
      `So each voter's final share was ${m(result.sharePerVoter.value)}.`,
    );
  } else {
    out.push(`Each voter's share stayed at ${m(result.sharePerVoter.value)}.`);
  }
  out.push('A voter could only spend their share on projects they voted for.');
  if (result.voterDetails) {
    const paid = result.voterDetails.filter((v) => v.paid > 1e-9).length;
    out.push(
      paid === result.voters && paid > 1
        ? `All ${count(paid, 'voter')} paid towards at least one project.`
        : `${paid.toLocaleString('en-GB')} of the ${count(result.voters, 'voter')} paid towards at least one project.`,
    );
  }
  if (c && c.greedyFillAdded.length > 0) {
    out.push('Money no group of voters could use was then spent on the projects with the most votes that still fitted.');
  }
  return out;
}
