// Wrappers of the project-updates functions (supabase/migrations/20261205000400_project_updates.sql).
// Refusal keys and their screen words are in src/lib/refusals/project-updates.ts.
import type { UpdateStatus } from '../projects/update-rules';
import { defineApi } from './define';

/** An update as its lead and officers see it. */
export type ProjectUpdate = {
  id: string;
  project_slug: string;
  project_title: string;
  /** The first day of the month it is about, YYYY-MM-DD. */
  month: string;
  title: string | null;
  text: string | null;
  we_asked: string | null;
  you_said: string | null;
  we_did: string | null;
  next: string | null;
  status: UpdateStatus;
  /** The officer's note: why it was returned or hidden. */
  note: string | null;
  author_name: string | null;
  submitted_at: string | null;
  decided_at: string | null;
  approved_at: string | null;
  updated_at: string;
};

/** An approved update, as anyone reads it (no author). */
export type PublishedUpdate = Pick<
  ProjectUpdate,
  'id' | 'project_slug' | 'project_title' | 'month' | 'title' | 'text' | 'we_asked' | 'you_said' | 'we_did' | 'next' | 'approved_at'
>;

export type LedProject = { slug: string; title: string; updates: ProjectUpdate[] };
export type ProjectWithLeads = { slug: string; title: string; leads: { person_id: string; name: string; email: string | null }[] };
export type ModerationAction = 'approve' | 'return' | 'hide' | 'restore';

export type UpdateFields = {
  p_project_slug: string;
  p_month: string;
  p_title: string;
  p_text: string;
  p_we_asked: string;
  p_you_said: string;
  p_we_did: string;
  p_next: string;
};

export const myLedProjects = defineApi<LedProject[]>('my_led_projects', []);
export const saveProjectUpdate = defineApi<ProjectUpdate, UpdateFields & { p_id: string | null }>('save_project_update', [
  'p_id',
  'p_project_slug',
  'p_month',
  'p_title',
  'p_text',
  'p_we_asked',
  'p_you_said',
  'p_we_did',
  'p_next',
]);
export const submitProjectUpdate = defineApi<ProjectUpdate, { p_id: string }>('submit_project_update', ['p_id']);
export const officerProjectUpdates = defineApi<ProjectUpdate[], { p_status?: UpdateStatus | null }>('officer_project_updates', [
  'p_status',
]);
export const moderateProjectUpdate = defineApi<ProjectUpdate, { p_id: string; p_action: ModerationAction; p_note?: string | null }>(
  'moderate_project_update',
  ['p_id', 'p_action', 'p_note'],
);
export const projectLeads = defineApi<ProjectWithLeads[]>('project_leads', []);
export const assignProjectLead = defineApi<{ project_slug: string; person_id: string }, { p_project_slug: string; p_email: string }>(
  'assign_project_lead',
  ['p_project_slug', 'p_email'],
);
export const removeProjectLead = defineApi<null, { p_project_slug: string; p_person_id: string }>('remove_project_lead', [
  'p_project_slug',
  'p_person_id',
]);
export const publishedProjectUpdates = defineApi<PublishedUpdate[], { p_project_slug?: string | null }>('published_project_updates', [
  'p_project_slug',
]);
