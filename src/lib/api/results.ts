// Wrappers of the api functions for the people running the panel: everyone's progress while
// scoring, and the results once it closes. Shapes follow *_grants_functions_results.sql.
import type { RoundState } from '../grants/rounds';
import { defineApi } from './define';

/** One member's progress (api.round_progress): counts only, never the scores. */
export interface MemberProgress {
  member_id: string;
  display_name: string;
  role: string;
  seat: string | null;
  accepted: boolean;
  declared: number;
  conflicts: number;
  drafts: number;
  submitted: number;
  to_do: number;
}

export interface ReopenRequest {
  member_id: string;
  display_name: string;
  application_id: string;
  reference: string;
  requested_at: string;
  reason: string;
}

export interface RoundProgress {
  round_id: string;
  applications_total: number;
  members: MemberProgress[];
  applications: { id: string; reference: string; organisation_name: string; project_title: string; conflicts: number; submitted: number }[];
  reopen_requests: ReopenRequest[];
}

export const getRoundProgress = defineApi<RoundProgress, { p_round_id: string }>('round_progress', ['p_round_id']);

/**
 * What the API sends a panel member in place of an application they declared a conflict of
 * interest with: only what identifies it (the conflicts list still names them).
 */
export interface HiddenForConflict {
  application_id: string;
  reference: string;
  organisation_name: string;
  project_title: string;
  conflict_declared: true;
}

/** One application's results (private.round_results_data): totals out of 100. */
export interface ApplicationResult {
  application_id: string;
  reference: string;
  organisation_name: string;
  project_title: string;
  amount_requested: number;
  rank: number | null;
  members_scored: number;
  conflicts: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  sd: number | null;
  community_mean: number | null;
  community_scored: number;
  councillor_mean: number | null;
  councillor_scored: number;
  /** The mean of the two seats' means: community and councillor voices count equally. */
  balanced_mean: number | null;
  seat_difference: number | null;
  seat_split_flag: boolean;
  votes: Record<string, number>;
  /** Each member's total: for officers, the chair and the clerk only. */
  per_member?: { member_id: string; display_name: string; seat: string; total: number }[];
}

export interface RoundResults {
  round_id: string;
  state: RoundState;
  seat_margin: number;
  formula: string;
  criteria: { id: string; title: string; weight: number; maximum: number }[];
  applications: (ApplicationResult | HiddenForConflict)[];
}

export const getRoundResults = defineApi<RoundResults, { p_round_id: string }>('round_results', ['p_round_id']);
