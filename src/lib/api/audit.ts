// Wrappers of the api functions for the audit trail (officers and scrutiny): reading it a page
// at a time, the people and applications to filter by, and checking the hash chain. Shapes
// follow *_grants_functions_audit.sql and *_grants_audit_filters.sql.
import { defineApi } from './define';

export interface AuditEvent {
  id: number;
  at: string;
  actor: string | null;
  actor_name: string | null;
  actor_role: string;
  action: string;
  table_name: string;
  row_id: string | null;
  old_values: Record<string, unknown> | null;
  new_values: Record<string, unknown> | null;
  details: Record<string, unknown> | null;
  prev_hash: string;
  hash: string;
  /** Each id the event names, in words (private.audit_names): people, applications, rounds. */
  names: Record<string, string>;
}

export interface AuditPage {
  events: AuditEvent[];
  /** Pass as p_before_id for the next, older page; null on the last page. */
  next_before_id: number | null;
}

export type AuditFilters = {
  p_table?: string | null;
  p_action?: string | null;
  p_actor?: string | null;
  p_row_id?: string | null;
  p_from?: string | null;
  p_to?: string | null;
  p_before_id?: number | null;
  p_limit?: number;
  p_application_id?: string | null;
  /** A download: recorded as an export of the trail rather than a read. */
  p_export?: boolean;
};

export const readAuditTrail = defineApi<AuditPage, AuditFilters>('audit_trail', [
  'p_table',
  'p_action',
  'p_actor',
  'p_row_id',
  'p_from',
  'p_to',
  'p_before_id',
  'p_limit',
  'p_application_id',
  'p_export',
]);

/** Who and what the trail can be filtered by, by name rather than id. */
export interface AuditFilterChoices {
  people: { id: string; display_name: string }[];
  applications: { id: string; reference: string; project_title: string; round_title: string }[];
}

export const listAuditFilterChoices = defineApi<AuditFilterChoices>('audit_filter_choices', []);

export type ChainCheck =
  | { intact: true; events: number; head: string; head_id: number | null }
  | { intact: false; first_broken_event: number; events_checked: number; reason: string };

export const verifyAuditChain = defineApi<ChainCheck>('verify_audit_chain', []);
