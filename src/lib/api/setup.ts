// Wrappers of the api functions officers use to set up funds and rounds: funds, rounds, scoring
// questions and who sits on the panel. Shapes follow *_grants_functions_setup.sql and
// *_grants_functions_panel.sql.
import type { Criterion } from '../grants/scoring';
import { defineApi } from './define';
import type { RoundRow } from './rounds';

/** A fund, as api.list_funds lists it (public). */
export interface Fund {
  id: string;
  slug: string;
  name: string;
  description: string;
  budget: number;
  budget_period: string;
}

export const listFunds = defineApi<Fund[]>('list_funds', []);

/** The fund as stored (api.create_fund returns the row). */
export type FundRow = Fund & { created_at: string; updated_at: string };

export const createFund = defineApi<
  FundRow,
  { p_slug: string; p_name: string; p_budget: number; p_budget_period?: string; p_description?: string }
>('create_fund', ['p_slug', 'p_name', 'p_budget', 'p_budget_period', 'p_description']);

export const createRound = defineApi<
  RoundRow,
  {
    p_fund_id: string;
    p_title: string;
    p_reference_prefix: string;
    p_scoring_deadline?: string | null;
    p_panel_date?: string | null;
    p_community_members_needed?: number;
    p_councillors_needed?: number;
  }
>('create_round', [
  'p_fund_id',
  'p_title',
  'p_reference_prefix',
  'p_scoring_deadline',
  'p_panel_date',
  'p_community_members_needed',
  'p_councillors_needed',
]);

/** Only the fields given change (api.update_fund); an empty who_can_apply clears it. */
export const updateFund = defineApi<FundRow, { p_fund_id: string; p_who_can_apply?: string; p_description?: string }>('update_fund', [
  'p_fund_id',
  'p_who_can_apply',
  'p_description',
]);

/** The criterion as stored (api.add_criterion returns the row). */
export type CriterionRow = Criterion & { round_id: string; created_at: string; updated_at: string };

export const addCriterion = defineApi<
  CriterionRow,
  {
    p_round_id: string;
    p_title: string;
    p_weight: number;
    p_maximum: number;
    p_descriptors: string[];
    p_guidance?: string;
  }
>('add_criterion', ['p_round_id', 'p_title', 'p_weight', 'p_maximum', 'p_descriptors', 'p_guidance']);

/** A panel membership as stored, with the person's name (api.add_panel_member). */
export interface PanelMemberRow {
  id: string;
  round_id: string;
  person_id: string;
  display_name: string;
  role: string;
  seat: string | null;
  background: string | null;
  added_at: string;
  removed_at: string | null;
  removed_reason: string | null;
}

export const addPanelMember = defineApi<
  PanelMemberRow,
  { p_round_id: string; p_person_id: string; p_seat: string | null; p_role?: string }
>('add_panel_member', ['p_round_id', 'p_person_id', 'p_seat', 'p_role']);

/** A reviewing councillor as stored, with their name (api.add_reviewer). */
export interface ReviewerRow {
  round_id: string;
  person_id: string;
  display_name: string;
  added_at: string;
}

export const addReviewer = defineApi<ReviewerRow, { p_round_id: string; p_person_id: string }>('add_reviewer', [
  'p_round_id',
  'p_person_id',
]);

/** Only the fields given change (api.update_round); officers set the dates applications open and close here. */
export const updateRound = defineApi<
  RoundRow,
  {
    p_round_id: string;
    p_title?: string;
    p_opens_on?: string | null;
    p_closes_on?: string | null;
    p_scoring_deadline?: string | null;
    p_panel_date?: string | null;
  }
>('update_round', ['p_round_id', 'p_title', 'p_opens_on', 'p_closes_on', 'p_scoring_deadline', 'p_panel_date']);
