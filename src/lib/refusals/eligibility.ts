// Screen words for the refusals of finding a fund and its "Check if you can apply" questions
// (supabase/migrations/20261205000100_grants_eligibility.sql) and of the 360Giving files. The
// grants keys they share (not_officer, fund_not_found, required, too_long) are in grants.ts and shared.ts.
export const WORDS: Record<string, string> = {
  eligibility_answers_not_valid:
    'The answers could not be read. Write each answer, and a reason for any answer that means a group cannot apply.',
  eligibility_answers_count: 'Give the question from 2 to 12 answers to choose from.',
  eligibility_answer_blank: 'Write every answer, in 200 characters or fewer. Remove any answer you do not need.',
  eligibility_answer_repeated: 'Two answers have the same words. Change or remove one of them.',
  eligibility_reason_too_long: 'Keep each reason to 600 characters or fewer.',
  eligibility_no_answer_allowed:
    'At least one answer must let a group carry on, or nobody could apply. Clear the reason of an answer that is fine.',
  eligibility_question_not_found:
    'That question is no longer there: someone may have removed it. Reload the page to see the questions as they are now.',
  move_direction_not_valid: 'A question can move up or down.',
  question_cannot_move: 'That question cannot move any further.',
  round_has_no_awards: 'This round made no awards, so there is no 360Giving data to download.',
};
