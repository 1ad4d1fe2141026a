// Screen words for the refusals of counting and results (supabase/migrations/
// 20261204000300_pb_functions_results.sql and the pb-count Edge Function). Shared keys
// (sign_in_needed, process_not_found, not_process_officer, wrong_phase) are in shared.ts.
export const WORDS: Record<string, string> = {
  no_ballots: 'There are no ballots to count yet.',
  bad_sha256: 'The count did not say which ballot file it counted, so it was not stored. Count the votes again.',
  bad_result: 'The count did not produce a result we could store. Count the votes again.',
  ballots_changed: 'Ballots came in or changed while the votes were being counted, so that count was not kept. Count the votes again.',
  not_counted: 'The votes have not been counted yet.',
  results_not_published: 'The results of this vote have not been published yet. Come back when voting has been counted.',
  process_id_required: 'Choose which process to count.',
  method_not_allowed: 'The count could not be started. Try again.',
  not_configured: 'Counting is not set up on this server yet. Tell the site team.',
  count_failed: 'The votes could not be counted. Try again in a few minutes; if it happens again, tell the site team.',
  not_allowed: 'You are not allowed to do this.',
};
