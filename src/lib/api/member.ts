// Wrappers of the api functions a panel member uses before scoring: accepting the
// confidentiality agreement, their list of applications, declaring an interest and opening an
// application's pack. Shapes follow *_grants_functions_member.sql.
import type { Criterion } from '../grants/scoring';
import { defineApi } from './define';

export const acceptConfidentiality = defineApi<
  { round_id: string; member_id: string; accepted_at: string; agreement_sha256: string },
  { p_round_id: string }
>('accept_confidentiality', ['p_round_id']);

/** One application in the member's list (api.my_applications), with their own progress. */
export interface MyApplication {
  id: string;
  reference: string;
  organisation_name: string;
  project_title: string;
  amount_requested: number;
  area: string;
  declaration: 'conflict' | 'no conflict' | null;
  /** Null for someone without a seat (the clerk), who does not score. */
  status: 'not started' | 'draft' | 'submitted' | 'conflict declared' | 'reopen requested' | null;
  criteria_scored: number;
  criteria_total: number;
  submitted_at: string | null;
  reopen_requested_at: string | null;
}

export const listMyApplications = defineApi<MyApplication[], { p_round_id: string }>('my_applications', ['p_round_id']);

export const declareInterest = defineApi<
  { application_id: string; member_id: string; has_conflict: boolean; reason: string | null; declared_at: string },
  { p_application_id: string; p_has_conflict: boolean; p_reason?: string | null }
>('declare_interest', ['p_application_id', 'p_has_conflict', 'p_reason']);

/** api.open_application_pack: what the panel needs to judge an application. */
export interface ApplicationPack {
  id: string;
  reference: string;
  round_id: string;
  organisation_name: string;
  organisation_type: string;
  charity_number: string | null;
  company_number: string | null;
  project_title: string;
  summary: string | null;
  description: string;
  amount_requested: number;
  budget_lines: { item: string; amount: number }[];
  outcomes: string;
  beneficiaries: string;
  area: string;
  received_at: string;
  criteria: Criterion[];
  /** The member's own scores; absent when an officer opens the pack. */
  my_scores?: { criterion_id: string; score: number; comment: string | null; updated_at: string }[];
  my_submission?: {
    submitted_at: string | null;
    reopen_requested_at: string | null;
    reopen_request_reason: string | null;
    reopened_at: string | null;
    reopen_count: number;
  } | null;
  my_vote?: string | null;
}

export const openApplicationPack = defineApi<ApplicationPack, { p_application_id: string }>('open_application_pack', ['p_application_id']);
