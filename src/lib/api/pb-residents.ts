// Wrappers of the PB functions for the public and signed-in residents
// (supabase/migrations/20261204000100_pb_functions_public.sql, _proposing and _voting).
// Each response type once.
import type { PbPhase } from '../pb/phases';
import { defineApi } from './define';

export type PbEligibilityMethod = 'voting_code' | 'postcode';
export type PbProposalStatus = 'submitted' | 'hidden' | 'withdrawn' | 'merged' | 'feasible' | 'not_feasible' | 'shortlisted';
export type PbChoice = { id: string; name: string };
export type PbPhaseDates = { phase: PbPhase; starts_at: string | null; ends_at: string | null };

export type PbProcessSummary = {
  id: string;
  slug: string;
  title: string;
  area: string;
  description: string;
  budget: number;
  currency: string;
  phase: PbPhase;
  phase_changed_at: string;
  phases: PbPhaseDates[];
};

export type PbProcess = Omit<PbProcessSummary, 'phases'> & {
  phases: PbPhaseDates[];
  rule: 'equal-shares' | 'greedy';
  min_projects: number;
  max_projects: number | null;
  eligibility: PbEligibilityMethod[];
  postcode_prefixes: string[];
  wards: PbChoice[];
  categories: PbChoice[];
};

export type PbProposal = {
  id: string;
  process_id: string;
  number: number;
  title: string;
  summary: string;
  details: string;
  estimated_cost: number;
  beneficiaries: string;
  ward: PbChoice | null;
  category: PbChoice | null;
  status: PbProposalStatus;
  status_reason: string | null;
  checked_cost: number | null;
  feasibility_note: string | null;
  merged_into: { id: string; number: number; title: string } | null;
  created_at: string;
  updated_at: string;
  /** Present on single views: the caller wrote it. */
  mine?: boolean;
};

export type PbMyProposal = PbProposal & { mine: true; process: { id: string; slug: string; title: string; phase: PbPhase } };
export type PbProposalPage = { total: number; page: number; page_size: number; proposals: PbProposal[] };

export type PbShortlist = {
  process_id: string;
  budget: number;
  currency: string;
  phase: PbPhase;
  min_projects: number;
  max_projects: number | null;
  proposals: PbProposal[];
};

export type PbBallotItem = { id: string; number: number; title: string; checked_cost: number };

export type PbReceiptCheck = {
  process: { id: string; slug: string; title: string; currency: string };
  cast_at: string;
  channel: 'online' | 'paper';
  proposals: PbBallotItem[];
  total: number;
  replaced: boolean;
  replaced_at: string | null;
  counted: boolean;
  counted_at: string | null;
};

export type PbMyStatus = {
  process_id: string;
  phase: PbPhase;
  methods: PbEligibilityMethod[];
  eligible: boolean;
  method: PbEligibilityMethod | null;
  postcode: string | null;
  proved_at: string | null;
  voted: boolean;
  first_voted_at: string | null;
  can_vote: boolean;
};

export type PbMyBallot = {
  process_id: string;
  cast_at: string;
  changed_at: string | null;
  changes: number;
  proposals: PbBallotItem[];
  total: number;
  budget: number;
  can_change: boolean;
} | null;

export type PbCastReceipt = { receipt: string; replaced: boolean; cast_at: string; projects: number; total: number };

type ProposalFields = {
  p_title: string;
  p_summary: string;
  p_details: string;
  p_estimated_cost: number;
  p_ward_id?: string | null;
  p_category_id?: string | null;
  p_beneficiaries?: string | null;
};
const PROPOSAL_FIELDS = ['p_title', 'p_summary', 'p_details', 'p_estimated_cost', 'p_ward_id', 'p_category_id', 'p_beneficiaries'] as const;

/** Every process past its draft. */
export const listProcesses = defineApi<PbProcessSummary[]>('pb_processes', []);
/** A process by slug, with phases, wards, categories, limits and eligibility methods. */
export const getProcess = defineApi<PbProcess, { p_slug: string }>('pb_process', ['p_slug']);
/** A page of a process's public proposals. */
export const listProposals = defineApi<
  PbProposalPage,
  {
    p_process_id: string;
    p_ward_id?: string | null;
    p_category_id?: string | null;
    p_status?: PbProposalStatus | null;
    p_search?: string | null;
    p_page?: number;
    p_page_size?: number;
  }
>('pb_proposals', ['p_process_id', 'p_ward_id', 'p_category_id', 'p_status', 'p_search', 'p_page', 'p_page_size']);
/** One proposal (hidden ones only for their author). */
export const getProposal = defineApi<PbProposal, { p_proposal_id: string }>('pb_proposal', ['p_proposal_id']);
/** The projects on the ballot with checked costs, from voting on. */
export const getShortlist = defineApi<PbShortlist, { p_process_id: string }>('pb_shortlist', ['p_process_id']);
// Checking a receipt, which anyone may do, is in pb-public.ts.
/** A new proposal in the proposals phase. */
export const propose = defineApi<PbProposal, ProposalFields & { p_process_id: string }>('pb_propose', ['p_process_id', ...PROPOSAL_FIELDS]);
/** Change one's own proposal until review starts. */
export const editProposal = defineApi<PbProposal, ProposalFields & { p_proposal_id: string }>('pb_edit_proposal', [
  'p_proposal_id',
  ...PROPOSAL_FIELDS,
]);
/** Withdraw one's own proposal before voting. */
export const withdrawProposal = defineApi<PbProposal, { p_proposal_id: string }>('pb_withdraw_proposal', ['p_proposal_id']);
/** One's own proposals, with status and reasons. */
export const listMyProposals = defineApi<PbMyProposal[], { p_process_id?: string | null }>('pb_my_proposals', ['p_process_id']);
/** Prove eligibility with a voting code. */
export const redeemCode = defineApi<PbMyStatus, { p_process_id: string; p_code: string }>('pb_redeem_code', ['p_process_id', 'p_code']);
/** Prove eligibility with a postcode in the area. */
export const declarePostcode = defineApi<PbMyStatus, { p_process_id: string; p_postcode: string }>('pb_declare_postcode', [
  'p_process_id',
  'p_postcode',
]);
/** One's eligibility and voting status in a process. */
export const getMyStatus = defineApi<PbMyStatus, { p_process_id: string }>('pb_my_status', ['p_process_id']);
/** One's current ballot, or null. */
export const getMyBallot = defineApi<PbMyBallot, { p_process_id: string }>('pb_my_ballot', ['p_process_id']);
/** Cast or replace one's ballot; the receipt code is shown once. */
export const castBallot = defineApi<PbCastReceipt, { p_process_id: string; p_proposal_ids: string[] }>('pb_cast_ballot', [
  'p_process_id',
  'p_proposal_ids',
]);
