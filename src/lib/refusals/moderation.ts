// What the officers' moderation screen says for each refusal key the queue's functions raise
// (supabase/migrations/20261205000300_moderation_and_tree.sql). Keys every topic shares are in shared.ts;
// a PB proposal's own refusals (wrong_status, not_process_officer, ...) in pb-officers.ts.
export const WORDS: Record<string, string> = {
  not_moderator: 'Only council officers can moderate what the public sends in.',
  item_not_found: 'We could not find that item. It may have been removed from the list: reload the page.',
  note_needed: 'Say what needs to change before returning it.',
  reason_needed: 'Give the reason for hiding it.',
  note_too_long: 'Keep the note to 1,000 characters or fewer.',
  not_now: 'This cannot be done to it as it stands now. Reload the page to see where it stands.',
  unknown_kind: 'Choose what kind of thing to look at from the list.',
  unknown_moderation_status: 'Choose a status from the list.',
  unknown_action: 'Choose approve, return, hide or restore.',
};
