// Participatory budgeting engine: pabulib .pb files and the counting rules (greedy, and the
// Method of Equal Shares with its completions). The voting screens import from here only.

export type * from './types.ts';
export type { PbFile, PbMeta, PbProject, PbVote, PbProblem, PbParseResult, VoteType } from './pabulib/types.ts';
export { VOTE_TYPES } from './pabulib/types.ts';
export { parsePb } from './pabulib/parse.ts';
export { writePb } from './pabulib/write.ts';
export { pbToElection, electionToPb, type Election, type ElectionResult, type PbDescription } from './pabulib/convert.ts';
export { count, countEqualShares, countGreedy } from './count/count.ts';
export { PbCountError } from './count/validate.ts';
export { formatAmount } from './format.ts';
