// Screen words for the refusals of the residents' PB functions (supabase/migrations/
// 20261204000100_pb_functions_public.sql, _proposing and _voting). The shared keys (sign in,
// process not found, wrong phase, the ballot check's) are in shared.ts.
export const WORDS: Record<string, string> = {
  proposal_not_found: 'We could not find that proposal. It may have been withdrawn or removed.',
  receipt_not_found: 'We could not find a vote with that receipt code. Check the code and try again.',
  not_your_proposal: 'Only the person who made this proposal can change it.',
  proposal_not_editable: 'This proposal can no longer be changed, because the council has started to look at it.',
  proposal_not_withdrawable: 'This proposal can no longer be withdrawn.',
  unknown_status: 'Choose one of the statuses listed.',
  page_out_of_range: 'That page does not exist. Go back to the first page.',
  page_size_out_of_range: 'Show between 1 and 50 proposals on a page.',
  ward_not_found: 'Choose one of the areas listed.',
  category_not_found: 'Choose one of the categories listed.',
  method_not_allowed: 'This process does not accept that way of showing you can vote. Use the other one.',
  already_eligible: 'You have already shown you can vote in this process.',
  code_not_recognised: 'We do not recognise that voting code. Check it against your letter and try again.',
  code_used: 'This voting code has already been used.',
  too_many_code_attempts: 'You have entered too many voting codes we did not recognise. Wait an hour, then try again.',
  code_used_on_paper: 'This voting code has already been used to vote on paper, so it cannot vote online too.',
  postcode_not_valid: 'Enter a full UK postcode, like OX1 1BX.',
  postcode_outside_area: 'That postcode is not in the area of this process.',
  not_eligible: 'Show that you can vote first: enter your voting code or your postcode.',
  cost_over_budget: 'A project cannot cost more than the whole budget. Enter a lower amount.',
};

/** When someone may try a voting code again, in whole minutes rounded up ("in 1 minute"). */
function tryAgainIn(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? 'in 1 minute' : `in ${minutes} minutes`;
}

/** The words for too_many_code_attempts with its facts: whose attempts (the person's own, or
 * everyone's in this process) and when they can try again (retry_after, seconds). */
export function tooManyCodeAttemptsWords(facts: Record<string, unknown> | undefined): string {
  const retryAfter = typeof facts?.retry_after === 'number' && facts.retry_after > 0 ? facts.retry_after : undefined;
  if (retryAfter === undefined) return WORDS.too_many_code_attempts!;
  if (facts?.scope === 'process') {
    return `Too many voting codes we did not recognise have been entered for this vote in the last few minutes, so we have paused checking codes. Try again ${tryAgainIn(retryAfter)}.`;
  }
  return `You have entered too many voting codes we did not recognise. To keep codes safe, you can try again ${tryAgainIn(retryAfter)}. Check the code against your letter first.`;
}
