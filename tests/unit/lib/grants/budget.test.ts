import { describe, expect, it } from 'vitest';
import { budgetTotals } from '../../../../src/lib/grants/budget';

describe('budgetTotals', () => {
  it('adds up what is asked and recommended, "do not award" counting nothing', () => {
    expect(budgetTotals(10000, [2000, 3000, 9000], [2000, null, 5000])).toEqual({
      budget: 10000,
      asked: 14000,
      recommended: 7000,
      left: 3000,
      over: false,
    });
  });
  it('is over only when recommendations exceed the budget, not when they meet it', () => {
    expect(budgetTotals(10000, [], [10000]).over).toBe(false);
    expect(budgetTotals(10000, [], [6000, 4001])).toMatchObject({ over: true, left: -1 });
  });
  it('copes with amounts the API sends as text', () => {
    expect(budgetTotals('5000' as unknown as number, ['1000' as unknown as number], ['500' as unknown as number]).left).toBe(4500);
  });
});
