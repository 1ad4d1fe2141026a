// What the result explanations are made of: plain-English sentences and the figures behind
// them, so a page can show words, a list or a table from the same piece.

import type { CountResult, Profile } from '../types.ts';

export type ExplainInput = {
  /** The stored engine result, with or without each voter's payments. */
  readonly result: CountResult;
  /** Project titles by project id; a project without one falls back to its name in the result, then its id. */
  readonly names?: Readonly<Record<string, string>>;
  /**
   * The anonymised ballots the result counted (the published ballot file), if at hand. With them
   * and the voters' payments, the reasons for unfunded projects can give exact sums.
   */
  readonly ballots?: Profile;
};

export type FundedProject = {
  readonly projectId: string;
  readonly name: string;
  readonly cost: number;
  readonly votes: number;
  readonly fundedBy: 'equal-shares' | 'free' | 'greedy-fill' | 'greedy';
};

export type FundedSummary = {
  readonly projects: readonly FundedProject[];
  readonly spent: number;
  readonly leftOver: number;
  readonly sentences: readonly string[];
};

export type ProjectPayment = {
  readonly projectId: string;
  readonly name: string;
  readonly sentences: readonly string[];
};

export type NotFundedReason = {
  readonly projectId: string;
  readonly name: string;
  readonly votes: number;
  readonly cost: number;
  /** More votes than at least one funded project: the ones residents will ask about. */
  readonly popular: boolean;
  readonly sentences: readonly string[];
};

export type ChartBar = { readonly label: string; readonly value: number };

export type ComparisonRow = { readonly name: string; readonly equalShares: boolean; readonly greedy: boolean };

export type ComparisonExplanation = {
  readonly sentences: readonly string[];
  /** How many voters prefer each outcome, and how many like both the same. */
  readonly bars: readonly ChartBar[];
  /** Every project either way funds, and which way funds it. */
  readonly rows: readonly ComparisonRow[];
};

export type Explanation = {
  /** Whose outcome is explained: Equal Shares, or greedy when the comparison kept it. */
  readonly rule: 'equal-shares' | 'greedy';
  readonly currency: string;
  readonly funded: FundedSummary;
  readonly share: readonly string[];
  readonly payments: readonly ProjectPayment[];
  readonly notFunded: readonly NotFundedReason[];
  readonly comparison?: ComparisonExplanation;
};
