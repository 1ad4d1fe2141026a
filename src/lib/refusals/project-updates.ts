// Screen words for the refusals of project updates (supabase/migrations/20261205000400_project_updates.sql).
// Shared keys (sign_in_needed, session_ended, required, too_long) are in shared.ts.
export const WORDS: Record<string, string> = {
  project_not_found: 'We could not find that project. Check the web address, or choose a project from your list.',
  not_project_lead: 'Only the leads of this project can write its updates. If you lead it, ask the co-production team to add you.',
  update_not_found: 'We could not find that update.',
  update_not_editable:
    'This update has been sent, so it cannot be changed now. If it needs a change, ask the co-production team to return it to you.',
  month_in_future: 'The month cannot be in the future.',
  month_too_old: 'The month must be within the last 12 months.',
  update_empty: 'Say what happened this month, or fill in at least one of "We asked", "You said" and "We did".',
  you_said_is_ours: '"You said" is for what people told you. Put what the council did in "We did".',
  not_officer: 'Only council officers can do this.',
  lead_email_unknown: 'Nobody with that email address has an account yet. Ask them to sign in once, then try again.',
  lead_not_found: 'That person does not lead this project.',
  unknown_action: 'Choose approve, return, hide or restore.',
  note_needed: 'Write a note saying what the lead should change.',
  reason_needed: 'Give the reason for hiding the update.',
  not_now: 'This update has already been decided. Reload the page to see where it is now.',
  not_moderator: 'Only council officers can decide on project updates.',
  note_too_long: 'Keep the note to 1,000 characters or fewer.',
  unknown_status: 'Choose waiting, approved, returned or hidden.',
};

/** The words for a refusal of these functions: ours, the shared ones, then the server's message. */
export function projectUpdateWords(problem: { key?: string; message: string }, shared: Record<string, string>): string {
  return (problem.key && (WORDS[problem.key] ?? shared[problem.key])) || problem.message;
}
