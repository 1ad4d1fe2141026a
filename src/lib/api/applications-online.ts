// Wrappers of the online application functions (apply_*): the applicant's round and draft,
// saving a task, sending, withdrawing, their list; the officers' list and "ask for missing
// information". Shapes follow 20261205000000_grants_online_applications.sql.
import type { ApplyTask } from '../grants/apply-tasks';
import { defineApi } from './define';

/** The applicant's words for where an application is (private.apply_status). */
export type ApplyStatus = 'draft' | 'reopened' | 'withdrawn' | 'submitted' | 'with_panel' | 'recommended' | 'decided' | 'published';

export type ApplyAnswers = Partial<Record<ApplyTask, Record<string, unknown>>>;

export interface ApplyRound {
  id: string;
  title: string;
  fund_name: string;
  fund_description: string;
  state: string;
  opens_on: string | null;
  closes_on: string | null;
  /** The moment applications close (the end of closes_on, London time). */
  deadline: string | null;
  taking_applications: boolean;
}

export interface MyOnlineApplication {
  id: string;
  round_id: string;
  round_title: string;
  fund_name: string;
  closes_on: string | null;
  deadline: string | null;
  status: ApplyStatus;
  reference: string | null;
  answers: ApplyAnswers;
  completed: ApplyTask[];
  reopened_task: ApplyTask | null;
  reopened_message: string | null;
  saved_at: string;
  submitted_at: string | null;
  withdrawn_at: string | null;
  may_withdraw: boolean;
  outcome: { decision: 'award' | 'not_award'; amount: number | null; conditions: string | null; decided_on: string } | null;
}

export const getApplyRound = defineApi<{ round: ApplyRound; application: MyOnlineApplication | null }, { p_round: string }>('apply_round', [
  'p_round',
]);

export const listMyOnlineApplications = defineApi<MyOnlineApplication[]>('apply_my_applications', []);

export const saveApplyTask = defineApi<
  { task: ApplyTask; saved_at: string; completed: ApplyTask[] },
  { p_round_id: string; p_task: ApplyTask; p_answers: Record<string, unknown> }
>('apply_save_task', ['p_round_id', 'p_task', 'p_answers']);

export const submitApplication = defineApi<{ reference: string; application_id: string; submitted_at: string }, { p_round_id: string }>(
  'apply_submit',
  ['p_round_id'],
);

export const withdrawApplication = defineApi<{ id: string; status: 'withdrawn'; reference: string | null }, { p_round_id: string }>(
  'apply_withdraw',
  ['p_round_id'],
);

export interface OfficerOnlineApplication {
  application_id: string;
  reference: string;
  status: 'submitted' | 'reopened';
  organisation_name: string;
  project_title: string;
  amount_requested: number;
  other_funding: string | null;
  submitted_at: string;
  reopened_task: ApplyTask | null;
  reopened_message: string | null;
  has_summary: boolean;
  /** What is not there yet: 'summary', or optional answers the applicant left out. */
  missing: string[];
}

export const listOnlineApplications = defineApi<OfficerOnlineApplication[], { p_round_id: string }>('apply_officer_list', ['p_round_id']);

export const askForInformation = defineApi<
  { application_id: string; status: 'reopened'; task: ApplyTask },
  { p_application_id: string; p_task: ApplyTask; p_message: string }
>('apply_ask_for_information', ['p_application_id', 'p_task', 'p_message']);
