// Screen words for the refusals of online applications
// (supabase/migrations/20261205000000_grants_online_applications.sql), for the applicant's pages
// under /grants/apply/ and the officers' list. Shared keys (signed out, required, too long) are in
// shared.ts; wordsFor picks this file's words first, then those, then the database's own message.
import type { ApiProblem } from '../api-call';
import { WORDS as SHARED_WORDS } from './shared';

export const WORDS: Record<string, string> = {
  // Where the round is.
  round_not_taking_applications: 'This round is not taking applications now.',
  deadline_passed: 'The deadline for this round has passed, so you cannot send or change your application. Your draft is kept.',
  application_not_started: 'You have not started an application to this round.',
  application_withdrawn: 'You withdrew this application, so it cannot be changed or sent.',
  application_already_sent: 'You have sent this application, so it cannot be changed now.',
  task_not_reopened: 'Only the part of the application the grants team asked about can be changed.',
  tasks_not_complete: 'Complete every part of the application before you send it.',
  withdraw_too_late: 'An application cannot be withdrawn once the panel has started. Contact the grants team.',
  online_application_not_found: 'We could not find that online application. It may have been withdrawn: reload the page.',
  application_not_sent: 'Only a sent application can be reopened. It may already be waiting for the applicant.',
  task_not_found: 'There is no such part of the application. Go back to the task list.',
  answers_not_an_object: 'Something went wrong sending your answers. Reload the page and try again.',

  // The fields.
  organisation_type_not_valid: 'Choose the type of organisation',
  charity_number_needed: 'Enter your charity number',
  charity_number_not_valid: 'Enter a charity number of 6 to 8 digits, like 1234567',
  company_number_needed: 'Enter your company number',
  company_number_not_valid: 'Enter a company number of 8 characters, like 01234567 or SC123456',
  postcode_not_valid: 'Enter a real postcode, like OX1 1AA',
  contact_email_not_valid: 'Enter an email address in the right format, like name@example.org',
  contact_phone_not_valid: 'Enter a phone number, like 01865 123456 or 07700 900123',
  date_not_valid: 'Enter a real date, like 27 3 2027',
  planned_end_before_start: 'The end date must be the same as or after the start date',
  amount_requested_not_valid: 'Enter an amount in pounds more than £0, like 1500 or 1500.50',
  budget_amount_not_valid: 'Enter the cost in pounds more than £0, like 250 or 250.50',
  budget_lines_needed: 'Add at least one line to your budget',
  budget_lines_too_many: 'Keep your budget to 20 lines or fewer',
  budget_does_not_add_up: 'Your budget lines must add up to the amount you are asking for',
  declaration_needed: 'Confirm that the information you have given is true',
  applications_fixed: 'Applications cannot change once the panel has started scoring.',
};

/** The words for a refusal: this topic's, then the shared ones, then the database's message. */
export function wordsFor(problem: Pick<ApiProblem, 'key' | 'message'>): string {
  return (problem.key && (WORDS[problem.key] ?? SHARED_WORDS[problem.key])) || problem.message;
}
