// Wrappers of the api functions about a round itself: reading it, the caller's rounds, and
// moving it along its path. Response shapes follow the SQL in
// supabase/migrations/*_grants_functions_panel.sql and *_grants_functions_state.sql.
import type { MyRound, RoundState } from '../grants/rounds';
import type { Criterion } from '../grants/scoring';
import { defineApi } from './define';

export type { MyRound };

/** A panel member as officers see them in api.get_round. */
export interface PanelMember {
  member_id: string;
  person_id: string;
  display_name: string;
  role: string;
  seat: string | null;
  background: string | null;
  added_at: string;
  removed_at: string | null;
  removed_reason: string | null;
  accepted_at: string | null;
}

export interface Reviewer {
  person_id: string;
  display_name: string;
  added_at: string;
}

/** A round as stored (api.create_round returns it). */
export interface RoundRow {
  id: string;
  fund_id: string;
  title: string;
  reference_prefix: string;
  state: RoundState;
  opens_on: string | null;
  closes_on: string | null;
  scoring_deadline: string | null;
  panel_date: string | null;
  agreement_text: string;
  seat_margin: number;
  /** A fair panel before scoring: the chair and at least these many members of each seat. */
  community_members_needed: number;
  councillors_needed: number;
  state_changed_at: string;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

/** api.get_round: the round, its fund and criteria, and the caller's part in it. */
export interface Round extends Omit<RoundRow, 'created_at' | 'updated_at'> {
  fund: { id: string; slug: string; name: string; budget: number; budget_period: string };
  criteria: Criterion[];
  my_membership: { member_id: string; role: string; seat: string | null; background: string | null; accepted_at: string | null } | null;
  is_reviewer: boolean;
  /** Officers only. */
  members?: PanelMember[];
  /** Officers only. */
  reviewers?: Reviewer[];
  /** Officers only, until scoring starts: what the panel lacks to be fair, or null when it is fair. */
  panel_shortfall?: PanelShortfall | null;
  /** Officers only, while scoring: members who have scored an application in full but not sent it. */
  unsent_drafts?: UnsentDrafts[];
}

/** A member with finished scores not sent: how many applications, and which. */
export interface UnsentDrafts {
  member_id: string;
  person_id: string;
  display_name: string;
  drafts: number;
  references: string[];
}

/** Emails each member in unsent_drafts (at most once a day each); `queued` is how many went now. */
export const remindUnsentDrafts = defineApi<{ queued: number; unsent: UnsentDrafts[] }, { p_round_id: string }>('remind_unsent_drafts', [
  'p_round_id',
]);

export const getRound = defineApi<Round, { p_round_id: string }>('get_round', ['p_round_id']);

/** The rounds the caller takes part in (officers: every round). */
export const listMyRounds = defineApi<MyRound[]>('my_rounds', []);

export interface RoundMove {
  round_id: string;
  from: RoundState;
  to: RoundState;
  forced: boolean;
  /** What was still to do when the move was forced. */
  outstanding: unknown[];
  /** What the panel lacked when scoring was started anyway (null when it was fair). */
  panel: PanelShortfall | null;
  state_changed_at: string;
}

/** The facts of a panel_not_fair refusal: what a fair panel needs and what this one has. */
export interface PanelShortfall {
  chair: boolean;
  community: number;
  councillors: number;
  community_needed: number;
  councillors_needed: number;
}

/** One step along the round's path; p_force_reason only to start scoring with a panel short of fair, or for scoring → panel. */
export const moveRound = defineApi<RoundMove, { p_round_id: string; p_to: RoundState; p_force_reason?: string | null }>('move_round', [
  'p_round_id',
  'p_to',
  'p_force_reason',
]);
