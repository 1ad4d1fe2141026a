// The comparison with "most votes first" (greedy): which projects each way funds, how many
// voters are better off under each, and which outcome was kept and why.

import type { CountResult } from '../types.ts';
import type { ComparisonExplanation, ComparisonRow } from './types.ts';
import { count, listInWords, type Namer } from './words.ts';

export const EQUAL_SHARES_LABEL = 'Equal Shares';
export const GREEDY_LABEL = 'Most votes first';

export function explainComparison(result: CountResult, name: Namer): ComparisonExplanation | undefined {
  const c = result.comparison;
  if (!c) return undefined;
  const same = result.voters - c.prefersEqualShares - c.prefersGreedy;
  const es = new Set(c.equalSharesWinners);
  const gr = new Set(c.greedyWinners);
  const ids = [...c.equalSharesWinners, ...c.greedyWinners.filter((id) => !es.has(id))];
  const rows: ComparisonRow[] = ids.map((id) => ({ name: name(id), equalShares: es.has(id), greedy: gr.has(id) }));
  const funds = (list: readonly string[]) => (list.length === 0 ? 'no projects' : listInWords(list.map(name)));
  const sentences = [
    `We also counted the votes the "most votes first" way. It would fund ${funds(c.greedyWinners)}.`,
    `Equal Shares funds ${funds(c.equalSharesWinners)}.`,
    `${count(c.prefersEqualShares, 'voter')} would get more of the projects they voted for with Equal Shares. ${count(c.prefersGreedy, 'voter')} would get more with most votes first.`,
    ...(same > 0 ? [`For the other ${same.toLocaleString('en-GB')}, it makes no difference.`] : []),
    c.chosen === 'greedy'
      ? 'More voters were better off with most votes first, so its projects are the ones funded.'
      : c.prefersEqualShares === c.prefersGreedy
        ? 'The two were level, so the Equal Shares result was kept, as the rules say.'
        : 'More voters were better off with Equal Shares, so its result was kept.',
  ];
  const bars = [
    { label: `Better off with ${EQUAL_SHARES_LABEL}`, value: c.prefersEqualShares },
    { label: `Better off with ${GREEDY_LABEL.toLowerCase()}`, value: c.prefersGreedy },
    { label: 'No difference', value: same },
  ];
  return { sentences, bars, rows };
}
