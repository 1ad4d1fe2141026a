// Wrappers of the participatory-budgeting officers' functions
// (supabase/migrations/20261204000200_pb_functions_process.sql, …000210_pb_functions_moderation.sql and
// …000220_pb_functions_voting_admin.sql). Refusal keys and their screen
// words are in src/lib/refusals/pb-officers.ts.
import type { PbPhase } from '../pb/phases';
import { defineApi } from './define';

export type PbEligibilityMethod = 'voting_code' | 'postcode';
export type PbProposalStatus = 'submitted' | 'hidden' | 'withdrawn' | 'merged' | 'feasible' | 'not_feasible' | 'shortlisted';

/** The counting options a process may set (the engine's CountOptions, less the rule). */
export type PbRuleOptions = {
  completion?: 'none' | 'add1' | 'add1u';
  compareWithGreedy?: boolean;
  exhaustiveStop?: boolean;
  addOneStep?: number;
  seed?: number;
  minVotes?: number;
  minShareK?: number;
};

export type PbChoice = { id: string; name: string };
export type PbProcessOfficer = { person_id: string; display_name: string };

/** A process as its officers see it. */
export type PbOfficerProcess = {
  id: string;
  slug: string;
  title: string;
  description: string;
  area: string;
  budget: number;
  currency: string;
  phase: PbPhase;
  phase_changed_at: string;
  rule: 'equal-shares' | 'greedy';
  rule_options: PbRuleOptions;
  min_projects: number;
  max_projects: number | null;
  eligibility: PbEligibilityMethod[];
  postcode_prefixes: string[];
  created_at: string;
  updated_at: string;
  phases: { phase: PbPhase; starts_at: string | null; ends_at: string | null }[];
  wards: PbChoice[];
  categories: PbChoice[];
  officers: PbProcessOfficer[];
};

export type PbMyProcess = {
  id: string;
  slug: string;
  title: string;
  phase: PbPhase;
  budget: number;
  currency: string;
  proposals: number;
  to_review: number;
  shortlisted: number;
  codes_issued: number;
  ballots: number;
};

/** A proposal as officers see it (any status, with its author). */
export type PbOfficerProposal = {
  id: string;
  process_id: string;
  number: number;
  author_id: string | null;
  author_name: string | null;
  title: string;
  summary: string;
  details: string;
  estimated_cost: number;
  ward_id: string | null;
  ward: string | null;
  category_id: string | null;
  category: string | null;
  beneficiaries: string;
  status: PbProposalStatus;
  status_reason: string | null;
  merged_into: string | null;
  merged_into_number: number | null;
  checked_cost: number | null;
  feasibility_note: string | null;
  created_at: string;
  updated_at: string;
};

export type PbProposalQueue = {
  proposals: PbOfficerProposal[];
  total: number;
  page: number;
  page_size: number;
  by_status: Partial<Record<PbProposalStatus, number>>;
};

/** A batch just issued: the only time its codes are ever shown. */
export type PbIssuedCodes = { batch_id: string; label: string; size: number; codes: string[] };
export type PbCodeBatch = {
  id: string;
  label: string;
  size: number;
  issued_at: string;
  issued_by: string | null;
  used: number;
  used_online: number;
  used_paper: number;
};
export type PbStation = { id: string; name: string; ballots: number };
export type PbPaperBallotEntered = { entered: true; station_id: string; station_ballots: number };

export type PbTurnout = {
  ballots: number;
  online_ballots: number;
  paper_ballots: number;
  changed_ballots: number;
  stations: PbStation[];
  codes_issued: number;
  codes_used: number;
  codes_used_online: number;
  codes_used_paper: number;
  eligible: Record<PbEligibilityMethod, number>;
};

export type PbAuditEvent = {
  id: number;
  at: string;
  actor: string | null;
  actor_name: string | null;
  actor_role: string;
  action: 'insert' | 'update' | 'delete' | 'read' | 'export';
  table_name: string;
  row_id: string | null;
  old_values: Record<string, unknown> | null;
  new_values: Record<string, unknown> | null;
  details: Record<string, unknown> | null;
  prev_hash: string;
  hash: string;
};
export type PbAuditTrail = { events: PbAuditEvent[]; next_before_id: number | null };

type ProcessSettings = {
  p_description?: string;
  p_currency?: string;
  p_rule?: 'equal-shares' | 'greedy';
  p_rule_options?: PbRuleOptions;
  p_min_projects?: number;
  /** 0 means no maximum. */
  p_max_projects?: number;
  p_eligibility?: PbEligibilityMethod[];
  p_postcode_prefixes?: string[];
};
const SETTINGS = [
  'p_description',
  'p_currency',
  'p_rule',
  'p_rule_options',
  'p_min_projects',
  'p_max_projects',
  'p_eligibility',
  'p_postcode_prefixes',
] as const;

/** Starts a process (officers only); the caller becomes its first officer. */
export const pbCreateProcess = defineApi<
  PbOfficerProcess,
  ProcessSettings & { p_title: string; p_slug: string; p_area: string; p_budget: number }
>('pb_create_process', ['p_title', 'p_slug', 'p_area', 'p_budget', ...SETTINGS]);

/** Changes what is given; the budget, rule, limits and who may vote are fixed once voting starts. */
export const pbUpdateProcess = defineApi<
  PbOfficerProcess,
  ProcessSettings & { p_process_id: string; p_title?: string; p_slug?: string; p_area?: string; p_budget?: number }
>('pb_update_process', ['p_process_id', 'p_title', 'p_slug', 'p_area', 'p_budget', ...SETTINGS]);

export const pbSetPhaseDates = defineApi<
  PbOfficerProcess,
  { p_process_id: string; p_phase: PbPhase; p_starts_at?: string | null; p_ends_at?: string | null }
>('pb_set_phase_dates', ['p_process_id', 'p_phase', 'p_starts_at', 'p_ends_at']);

export const pbOfficerProcess = defineApi<PbOfficerProcess, { p_process_id: string }>('pb_officer_process', ['p_process_id']);

export const pbMyProcesses = defineApi<PbMyProcess[]>('pb_my_processes', []);

export const pbAddWard = defineApi<PbChoice, { p_process_id: string; p_name: string }>('pb_add_ward', ['p_process_id', 'p_name']);
export const pbAddCategory = defineApi<PbChoice, { p_process_id: string; p_name: string }>('pb_add_category', ['p_process_id', 'p_name']);
export const pbRenameChoice = defineApi<PbChoice, { p_kind: 'ward' | 'category'; p_id: string; p_name: string }>('pb_rename_choice', [
  'p_kind',
  'p_id',
  'p_name',
]);
export const pbRemoveChoice = defineApi<{ removed: string }, { p_kind: 'ward' | 'category'; p_id: string }>('pb_remove_choice', [
  'p_kind',
  'p_id',
]);

export const pbAddOfficer = defineApi<PbProcessOfficer[], { p_process_id: string; p_person_id: string }>('pb_add_officer', [
  'p_process_id',
  'p_person_id',
]);
export const pbRemoveOfficer = defineApi<PbProcessOfficer[], { p_process_id: string; p_person_id: string }>('pb_remove_officer', [
  'p_process_id',
  'p_person_id',
]);

/** One step forward; moving to results publishes the current result. */
export const pbMovePhase = defineApi<PbOfficerProcess, { p_process_id: string; p_to: PbPhase }>('pb_move_phase', ['p_process_id', 'p_to']);

export const pbHideProposal = defineApi<PbOfficerProposal, { p_proposal_id: string; p_reason: string }>('pb_hide_proposal', [
  'p_proposal_id',
  'p_reason',
]);
export const pbUnhideProposal = defineApi<PbOfficerProposal, { p_proposal_id: string }>('pb_unhide_proposal', ['p_proposal_id']);
export const pbMergeProposal = defineApi<PbOfficerProposal, { p_proposal_id: string; p_into_id: string; p_reason?: string }>(
  'pb_merge_proposal',
  ['p_proposal_id', 'p_into_id', 'p_reason'],
);
export const pbDecideFeasibility = defineApi<
  PbOfficerProposal,
  { p_proposal_id: string; p_feasible: boolean; p_checked_cost?: number; p_reason?: string }
>('pb_decide_feasibility', ['p_proposal_id', 'p_feasible', 'p_checked_cost', 'p_reason']);
export const pbSetShortlisted = defineApi<PbOfficerProposal, { p_proposal_id: string; p_shortlisted: boolean }>('pb_set_shortlisted', [
  'p_proposal_id',
  'p_shortlisted',
]);
export const pbOfficerProposals = defineApi<
  PbProposalQueue,
  {
    p_process_id: string;
    p_status?: PbProposalStatus;
    p_ward_id?: string;
    p_category_id?: string;
    p_search?: string;
    p_page?: number;
    p_page_size?: number;
  }
>('pb_officer_proposals', ['p_process_id', 'p_status', 'p_ward_id', 'p_category_id', 'p_search', 'p_page', 'p_page_size']);

export const pbIssueCodes = defineApi<PbIssuedCodes, { p_process_id: string; p_label: string; p_count: number }>('pb_issue_codes', [
  'p_process_id',
  'p_label',
  'p_count',
]);
export const pbCodeBatches = defineApi<PbCodeBatch[], { p_process_id: string }>('pb_code_batches', ['p_process_id']);

export const pbAddStation = defineApi<PbChoice, { p_process_id: string; p_name: string }>('pb_add_station', ['p_process_id', 'p_name']);
export const pbRenameStation = defineApi<PbChoice, { p_station_id: string; p_name: string }>('pb_rename_station', [
  'p_station_id',
  'p_name',
]);
export const pbStations = defineApi<PbStation[], { p_process_id: string }>('pb_stations', ['p_process_id']);
export const pbEnterPaperBallot = defineApi<
  PbPaperBallotEntered,
  { p_process_id: string; p_station_id: string; p_code: string; p_proposal_ids: string[] }
>('pb_enter_paper_ballot', ['p_process_id', 'p_station_id', 'p_code', 'p_proposal_ids']);
export const pbTurnout = defineApi<PbTurnout, { p_process_id: string }>('pb_turnout', ['p_process_id']);

export const pbAuditTrail = defineApi<PbAuditTrail, { p_process_id: string; p_table?: string; p_before_id?: number; p_limit?: number }>(
  'pb_audit_trail',
  ['p_process_id', 'p_table', 'p_before_id', 'p_limit'],
);
