// The contents of a pabulib .pb file (https://pabulib.org format), as read by parsePb and
// written by writePb. Fields the format defines get their own typed property; anything else is
// kept as text in `extra`, so reading and writing a file loses nothing the format describes.

export const VOTE_TYPES = ['approval', 'ordinal', 'cumulative', 'scoring', 'choose-1'] as const;
export type VoteType = (typeof VOTE_TYPES)[number];

export type PbMeta = {
  readonly description: string;
  readonly country: string;
  readonly unit: string;
  readonly instance: string;
  readonly numProjects: number;
  readonly numVotes: number;
  readonly budget: number;
  readonly voteType: VoteType;
  readonly rule: string;
  /** Every other META key (currency, subunit, max_sum_points, ...), in file order. */
  readonly extra: ReadonlyArray<readonly [string, string]>;
};

export type PbProject = {
  readonly id: string;
  readonly cost: number;
  readonly name?: string;
  readonly votes?: number;
  readonly score?: number;
  readonly selected?: number;
  readonly category?: readonly string[];
  readonly target?: readonly string[];
  readonly district?: string;
  /** Other columns, by column name; cells left empty are left out ("" in quotes is kept). */
  readonly extra: Readonly<Record<string, string>>;
};

export type PbVote = {
  readonly voterId: string;
  /** Project ids, in the order written (most preferred first for ordinal ballots). */
  readonly vote: readonly string[];
  /** For cumulative and scoring ballots: points for each project in `vote`, same order. */
  readonly points?: readonly number[];
  readonly age?: number;
  readonly sex?: string;
  readonly votingMethod?: string;
  readonly extra: Readonly<Record<string, string>>;
};

export type PbFile = {
  readonly meta: PbMeta;
  readonly projects: readonly PbProject[];
  readonly votes: readonly PbVote[];
};

/** A problem in a file, in plain English; `message` is a complete sentence naming the line. */
export type PbProblem = { readonly line: number; readonly field?: string; readonly message: string };

export type PbParseResult = { readonly ok: true; readonly value: PbFile } | { readonly ok: false; readonly problems: readonly PbProblem[] };
