// The public shapes of participatory budgeting: what is on the ballot, how people voted,
// how to count, and what the count says. Amounts are in the instance's currency.

export type Project = {
  readonly id: string;
  readonly name?: string;
  /** Whole currency units or decimals; read exactly as written (0.1 means one tenth). */
  readonly cost: number;
  readonly category?: readonly string[];
  readonly district?: string;
};

export type Instance = {
  readonly projects: readonly Project[];
  readonly budget: number;
  /** ISO 4217 code such as "GBP", or "" when the file does not say. */
  readonly currency: string;
};

/** A resident ticks the projects they support. */
export type ApprovalBallot = { readonly voterId: string; readonly approved: readonly string[] };

/** A resident spreads points over projects (cumulative voting, or scores). */
export type PointsBallot = {
  readonly voterId: string;
  readonly points: ReadonlyArray<{ readonly projectId: string; readonly points: number }>;
};

export type Profile =
  | { readonly kind: 'approval'; readonly ballots: readonly ApprovalBallot[] }
  | { readonly kind: 'points'; readonly ballots: readonly PointsBallot[] };

export type Rule = 'equal-shares' | 'greedy';

/**
 * none: plain Equal Shares. add1: raise every voter's share one step at a time while the outcome
 * still fits the budget. add1u: add1, then fill what is left greedily by votes.
 */
export type Completion = 'none' | 'add1' | 'add1u';

export type CountOptions = {
  readonly rule?: Rule;
  readonly completion?: Completion;
  /** Stop add-one as soon as no unfunded project would fit any more. Default true. */
  readonly exhaustiveStop?: boolean;
  /** How much each voter's share is raised per add-one step, in currency units. Default 1. */
  readonly addOneStep?: number;
  /**
   * Also count greedily and keep greedy's outcome if strictly more voters prefer it (a tie keeps
   * Equal Shares). Default false.
   */
  readonly compareWithGreedy?: boolean;
  /** Seed of the random tie-break order. Default 1. */
  readonly seed?: number;
  /** Minimum-support rule: a project needs at least this many voters. */
  readonly minVotes?: number;
  /** Minimum-support rule: supporters ÷ voters must be at least cost ÷ (k × budget). */
  readonly minShareK?: number;
  /** Include each voter's payments in the result (large for big elections). Default false. */
  readonly includeVoterDetails?: boolean;
};

export type Amount = { readonly value: number; /** exact, as "a/b" or a whole number */ readonly exact: string };

export type Payment = {
  /** Always the project's cost: Equal Shares funds a project only in full. */
  readonly totalPaid: number;
  readonly supporters: number;
  /** Supporters who paid something (those with nothing left pay nothing). */
  readonly supportersWhoPaid: number;
  /** The most any single supporter paid. */
  readonly maxPayment: number;
  /**
   * Cost ÷ the payment per vote (or per point) when it was chosen: the number of supporters who
   * would pay equally for it. The project with the most effective votes is chosen each round.
   */
  readonly effectiveVotes?: number;
};

export type ProjectStatus = 'funded' | 'not-funded' | 'excluded';

export type ProjectOutcome = {
  readonly projectId: string;
  readonly name?: string;
  readonly cost: number;
  /** Number of voters who supported the project. */
  readonly votes: number;
  /** Votes for approval ballots; total points for points ballots. */
  readonly support: number;
  readonly status: ProjectStatus;
  /** 1 for the first project funded, and so on. */
  readonly round?: number;
  readonly fundedBy?: 'equal-shares' | 'free' | 'greedy-fill' | 'greedy';
  readonly payment?: Payment;
  /** Plain-English reason, for excluded projects. */
  readonly reason?: string;
};

export type CompletionReport = {
  readonly method: Completion;
  readonly exhaustiveStop: boolean;
  readonly step: number;
  /** How many times the share was raised. */
  readonly addOneSteps: number;
  /** How many full counts the fast add-one search needed (at most addOneSteps + 1). */
  readonly counts: number;
  /** Counts where floating point was too close to call and exact fractions decided. */
  readonly exactCounts: number;
  readonly greedyFillAdded: readonly string[];
};

/** The Equal Shares count that the comparison set aside because more voters preferred greedy. */
export type DiscardedEqualShares = {
  /** The share per voter that count ended on. */
  readonly sharePerVoter: Amount;
  readonly completion: CompletionReport;
};

export type ComparisonReport = {
  /** Voters who prefer the Equal Shares outcome: more of the projects they voted for are funded. */
  readonly prefersEqualShares: number;
  readonly prefersGreedy: number;
  /** The outcome kept: greedy only if strictly more voters prefer it; a tie keeps Equal Shares. */
  readonly chosen: Rule;
  readonly greedyWinners: readonly string[];
  readonly equalSharesWinners: readonly string[];
  /** Only when greedy was kept: what the set-aside Equal Shares count ended on. */
  readonly discardedEqualShares?: DiscardedEqualShares;
};

export type VoterDetail = { readonly voterId: string; readonly paid: number; readonly left: number };

/**
 * Every figure here describes the outcome in `winners`, named by `outcome`. When the comparison
 * step keeps greedy's outcome, the result reads as a greedy count (share = budget ÷ voters, no
 * payments, no completion) and the Equal Shares count appears only in `comparison`.
 */
export type CountResult = {
  /** The rule asked for. */
  readonly rule: Rule;
  /** Whose outcome `winners` is: the rule's own, or greedy's when the comparison chose it. */
  readonly outcome: Rule;
  readonly currency: string;
  readonly voters: number;
  readonly budget: number;
  /** Project ids in the order they were funded. */
  readonly winners: readonly string[];
  readonly spent: Amount;
  readonly leftOver: Amount;
  /** Equal Shares: each voter's final share. Greedy: the budget divided by the voters. */
  readonly sharePerVoter: Amount;
  readonly initialSharePerVoter: Amount;
  readonly projects: readonly ProjectOutcome[];
  readonly seed: number;
  /** The random tie-break order, fixed before counting (first = preferred). */
  readonly tieOrder: readonly string[];
  /** Equal Shares outcome only: how the share was raised and the leftover filled. */
  readonly completion?: CompletionReport;
  readonly comparison?: ComparisonReport;
  /** Equal Shares outcome only, when asked for: what each voter paid and has left. */
  readonly voterDetails?: readonly VoterDetail[];
};
