// The sums a panel and the officer weigh recommendations against: the fund's budget, what the
// applications ask for in all, and what has been recommended so far. Pure, so it is unit tested.

export interface BudgetTotals {
  budget: number;
  asked: number;
  recommended: number;
  /** Negative when the recommendations exceed the budget. */
  left: number;
  over: boolean;
}

/** `recommended` holds each recommendation's amount (null for "do not award"). */
export function budgetTotals(budget: number, asked: readonly number[], recommended: readonly (number | null)[]): BudgetTotals {
  const sum = (xs: readonly (number | null)[]) => xs.reduce<number>((t, x) => t + Number(x ?? 0), 0);
  const total = sum(recommended);
  return { budget: Number(budget), asked: sum(asked), recommended: total, left: Number(budget) - total, over: total > Number(budget) };
}
