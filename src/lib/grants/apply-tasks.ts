// The tasks of an online grant application, in the order the task list shows them. The one home
// of this list is the SQL function private.apply_tasks()
// (supabase/migrations/20261205000000_grants_online_applications.sql); this copy is what
// TypeScript derives its types from, and tests/db/grants/online-applications.test.ts checks the two agree.
export const APPLY_TASKS = ['organisation', 'contact', 'project', 'money', 'outcomes', 'declaration'] as const;

export type ApplyTask = (typeof APPLY_TASKS)[number];

export const TASK_NAMES: Record<ApplyTask, string> = {
  organisation: 'About your organisation',
  contact: 'Contact person',
  project: 'Your project',
  money: 'The money',
  outcomes: 'What difference it will make',
  declaration: 'Declaration',
};

export function isApplyTask(value: string | null | undefined): value is ApplyTask {
  return (APPLY_TASKS as readonly string[]).includes(value ?? '');
}
