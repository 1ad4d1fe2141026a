// The worked example on /budgeting/how-votes-are-counted/, counted by the real engine: the
// explanation's words and figures are the ones the page shows.

import { describe, expect, it } from 'vitest';
import { explainResult } from '../../../../../src/lib/pb/explain/index.ts';
import { countExample, EXAMPLE_BALLOTS, EXAMPLE_NAMES } from '../../../../../src/lib/pb/explain/worked-example.ts';

const result = countExample();
const explained = explainResult({ result, names: EXAMPLE_NAMES, ballots: EXAMPLE_BALLOTS });

describe('the worked example', () => {
  it('lists the funded projects in the order they were chosen, and the money left', () => {
    expect(explained.funded.projects.map((p) => [p.name, p.fundedBy])).toEqual([
      ['Community garden', 'equal-shares'],
      ['Lunch club for older people', 'equal-shares'],
      ['Trips for the youth club', 'greedy-fill'],
      ['Benches and lighting on the high street', 'greedy-fill'],
    ]);
    expect(explained.funded.sentences).toEqual(['4 projects were funded, costing £9,000 of the £10,000 budget.', '£1,000 is left over.']);
  });

  it('says what each voter’s share was: the budget ÷ voters, then raised by the completion', () => {
    expect(explained.share).toEqual([
      'There were 10 voters and a budget of £10,000.',
      'Each voter started with an equal share of the budget: £10,000 ÷ 10 = £1,000.',
      'To use more of the budget, the count was run again with each share £1 bigger each time.',
      'The share was raised 166 times, while the projects chosen still fitted in the budget.',
      "So each voter's final share was £1,166.",
      'A voter could only spend their share on projects they voted for.',
      '5 of the 10 voters paid towards at least one project.',
      'Money no group of voters could use was then spent on the projects with the most votes that still fitted.',
    ]);
  });

  it('says how each funded project was paid for', () => {
    const [garden, lunch, youth] = explained.payments;
    expect(garden?.sentences).toEqual([
      'It cost £3,000. 4 people voted for it.',
      'All of them paid towards it from their shares.',
      'The most any one person paid was £750.',
      'That is as if 4 people had each paid £750: its "effective votes".',
      'When it was chosen, no other project that could still be paid for had more.',
    ]);
    // Two of its three supporters had £416 left after the garden, so the third paid the rest.
    expect(lunch?.sentences.slice(2, 4)).toEqual([
      'The most any one person paid was £668.',
      'That is as if about 2.2 people had each paid £668: its "effective votes".',
    ]);
    expect(youth?.sentences).toEqual([
      'It cost £2,000 and had 3 votes.',
      'It was paid for from money left over after Equal Shares: it had the most votes of the projects that still fitted.',
    ]);
  });

  it('explains why the most popular project was not funded, with figures the result supports', () => {
    expect(explained.notFunded).toEqual([
      {
        projectId: 'park',
        name: 'New play area in the park',
        votes: 6,
        cost: 7000,
        popular: true,
        sentences: [
          'Each of its 6 supporters had a share of £1,166. Even together, and spending on nothing else, they had only £6,996.',
          'That is not enough for its £7,000 cost.',
          'It also cost more than the £1,000 left at the end.',
        ],
      },
    ]);
  });

  it('compares with most votes first in words, a chart and a table', () => {
    expect(explained.comparison?.sentences).toEqual([
      'We also counted the votes the "most votes first" way. It would fund New play area in the park and Community garden.',
      'Equal Shares funds Community garden, Lunch club for older people, Trips for the youth club and Benches and lighting on the high street.',
      '4 voters would get more of the projects they voted for with Equal Shares. 4 voters would get more with most votes first.',
      'For the other 2, it makes no difference.',
      'The two were level, so the Equal Shares result was kept, as the rules say.',
    ]);
    expect(explained.comparison?.bars.map((b) => b.value)).toEqual([4, 4, 2]);
    expect(explained.comparison?.rows).toContainEqual({ name: 'New play area in the park', equalShares: false, greedy: true });
    expect(explained.comparison?.rows).toContainEqual({ name: 'Community garden', equalShares: true, greedy: true });
  });
});
