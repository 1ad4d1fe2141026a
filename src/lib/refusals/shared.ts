// Screen words for the refusals every topic shares (foundation and PB access checks). Each
// topic's own keys are in the file beside this one; tests/unit/lib/refusals/coverage.test.ts
// fails if the database raises a key that no file gives words for.
export const WORDS: Record<string, string> = {
  session_ended: 'You have been signed out. Sign in again to carry on: nothing you typed has been lost.',
  sign_in_needed: 'You need to sign in to do this.',
  process_not_found: 'We could not find that budgeting process. Check the web address, or go back to the list.',
  not_process_officer: 'Only the officers running this process can do this.',
  wrong_phase: 'This cannot be done at this stage of the process.',
  required: 'This is needed: please fill it in.',
  too_long: 'This is too long: please shorten it.',
  amount_out_of_range: 'Enter an amount more than £0, in pounds and pence.',
  repeated_project: 'Each project can be chosen only once.',
  not_on_shortlist: 'That project is not on the list you can vote for.',
  too_few_projects: 'Choose more projects before you send your vote.',
  too_many_projects: 'You have chosen more projects than this vote allows. Remove one.',
  over_budget: 'Those projects together cost more than the budget. Remove a project to make room.',
  // Not raised by our SQL: src/lib/api-call.ts gives this key to PostgreSQL's own refusal of an
  // argument of the wrong type (SQLSTATE 22P02, 22023, ...).
  wrong_type:
    'Something sent was not of the right kind, for example letters where a number or date belongs. Check what you entered and try again.',
};
