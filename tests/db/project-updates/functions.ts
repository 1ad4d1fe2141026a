// The api functions of project updates (supabase/migrations/20261205000400_project_updates.sql).
// The grants tests that cover "every api function" leave these to tests/db/project-updates/.
export const PROJECT_UPDATE_FUNCTIONS = [
  'assign_project_lead',
  'moderate_project_update',
  'my_led_projects',
  'officer_project_updates',
  'project_leads',
  'published_project_updates',
  'remove_project_lead',
  'save_project_update',
  'submit_project_update',
];
