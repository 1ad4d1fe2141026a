// Screen words for the refusals of the notifications outbox (supabase/migrations/
// 20261204000400_notifications.sql) and its sender (supabase/functions/send-notifications).
// Only the service role calls these, so the words are for the site team reading a log.
export const WORDS: Record<string, string> = {
  batch_out_of_range: 'Claim between 1 and 500 notifications at a time.',
  lease_out_of_range: 'Hold claimed notifications for between 1 second and 1 hour.',
  notification_not_found: 'There is no unsent notification with that id: it may have been sent already.',
  service_role_only: 'Only the service role may send notifications.',
  bad_options: "The sender's options are not right: batch, lease_seconds and max_batches are whole numbers.",
  database_failed: 'The sender could not reach the database. It will try again on its next run.',
};
