// Wrappers of the participatory-budgeting counting and results functions
// (supabase/migrations/20261204000300_pb_functions_results.sql). The count itself is started
// through the pb-count Edge Function (src/lib/api/pb-count.ts). Refusal keys and their screen
// words are in src/lib/refusals/pb-results.ts.
import type { CountResult } from '../pb/index';
import { defineApi } from './define';

/** A ballot-file project id (the proposal number) with its proposal, for showing winners by name. */
export type PbResultProject = {
  project_id: string;
  proposal_id: string;
  number: number;
  title: string;
  cost: number;
  ward: string | null;
  category: string | null;
};

/** A stored count: the engine's result with what it counted. */
export type PbResult = {
  result_id: string;
  process_id: string;
  rule: 'equal-shares' | 'greedy';
  /** The counting options used, rule included. */
  options: Record<string, unknown>;
  /** sha256 of the ballot file counted (and published). */
  sha256: string;
  ballots: number;
  counted_at: string;
  published_at: string | null;
  result: CountResult;
  projects: PbResultProject[];
};

/** The latest count, as the process's officers see it before publishing. */
export type PbLatestResult = PbResult & { counted_by: { id: string | null; name: string | null } };

/** The published anonymised ballots, exactly as counted. */
export type PbBallotFile = {
  process_id: string;
  file_name: string;
  /** The pabulib .pb text. */
  ballot_file: string;
  sha256: string;
  ballots: number;
  published_at: string;
};

/** Officers of the process: the latest count, before it is published. */
export const pbLatestResult = defineApi<PbLatestResult, { p_process_id: string }>('pb_latest_result', ['p_process_id']);

// The published result and ballot file, which anyone may read, are in pb-public.ts.
