// Wrappers of the api functions officers use for a round's applications: adding them, listing
// them, reading one with its contact details, and writing its plain-English summary. Shapes
// follow *_grants_functions_applications.sql.
import { defineApi } from './define';

/** One application in api.round_applications (no contact details). */
export interface OfficerApplication {
  id: string;
  reference: string;
  organisation_name: string;
  organisation_type: string;
  project_title: string;
  amount_requested: number;
  area: string;
  has_summary: boolean;
  recommendation: { outcome: string; amount: number | null } | null;
  decision: { decision: string; amount: number | null; decided_on: string } | null;
}

export const listRoundApplications = defineApi<OfficerApplication[], { p_round_id: string }>('round_applications', ['p_round_id']);

export interface ApplicationContact {
  contact_name: string;
  contact_role: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
}

/** api.officer_application: the whole application, contact details included (officers only). */
export interface FullApplication {
  id: string;
  round_id: string;
  reference: string;
  organisation_name: string;
  organisation_type: string;
  charity_number: string | null;
  company_number: string | null;
  project_title: string;
  description: string;
  amount_requested: number;
  budget_lines: { item: string; amount: number }[];
  outcomes: string;
  beneficiaries: string;
  area: string;
  summary: string | null;
  summary_by: string | null;
  summary_by_name: string | null;
  summary_at: string | null;
  applicant_id: string | null;
  received_at: string;
  created_at: string;
  updated_at: string;
  contact: ApplicationContact | null;
}

export const getOfficerApplication = defineApi<FullApplication, { p_application_id: string }>('officer_application', ['p_application_id']);

export const addApplication = defineApi<
  { id: string; reference: string; round_id: string },
  { p_round_id: string; p_application: Record<string, unknown> }
>('add_application', ['p_round_id', 'p_application']);

export const writeApplicationSummary = defineApi<
  { application_id: string; summary: string; summary_at: string },
  { p_application_id: string; p_summary: string }
>('write_application_summary', ['p_application_id', 'p_summary']);
