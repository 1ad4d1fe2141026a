// Screen words for the refusals of the grants panel's functions
// (supabase/migrations/20261124010200_grants_functions_access.sql to
// 20261124011150_audit_checkpoints.sql). The shared keys (signed out, required, too long) are in
// shared.ts. src/lib/grants/refusals.ts adds what the facts tell (the criterion, the stage) for the
// panel members' forms; these words stand on their own wherever a screen shows a refusal.
export const WORDS: Record<string, string> = {
  // Who may do what.
  not_officer: 'Only grants officers can do this.',
  not_panel_member: 'You are not on the panel for this round. If you think you should be, talk to the grants officer.',
  not_panel_lead: 'Only the chair, the clerk or a grants officer can do this.',
  not_reviewer: 'Only the councillors reviewing this round can add comments.',
  may_not_see_scores: 'Only the panel, grants officers and the scrutiny committee can see the scores.',
  may_not_read_recommendations:
    'Only the councillors reviewing this round, its chair and clerk, and grants officers can read the recommendations.',
  may_not_read_audit: 'Only grants officers and the scrutiny committee can read the audit trail.',
  may_not_reopen: 'Only the chair or a grants officer can reopen scores that have been sent.',
  chair_cannot_reopen_own: 'The chair cannot reopen their own scores. Ask the grants officer.',
  clerk_does_not_score: 'Only panel members with a seat give scores and vote. The clerk helps the panel but does not score.',

  // Not found (or not yours to see: the same answer).
  round_not_found:
    'We could not find that grant round. Check the link, or go back to your rounds. If you think you should see it, ask the grants officer.',
  published_round_not_found: 'We could not find a published grant round with that id.',
  application_not_found: 'We could not find that application. You can only see applications for rounds whose panel you are on.',
  fund_not_found: 'We could not find that fund. Choose one from the list.',
  criterion_not_found: 'We could not find that question. It may have been removed: reload the page.',
  person_not_found: 'We could not find that person. Choose someone from the list.',
  panel_member_not_found: 'We could not find that panel member. They may already have been removed: reload the page.',
  not_a_reviewer: 'That person does not review this round.',

  // The agreement and conflicts of interest.
  agreement_not_accepted: 'First accept the confidentiality agreement for this round. Go back to the round to read it.',
  conflict_not_declared:
    'First say whether you have a conflict of interest with this application. Open it from your list of applications to answer.',
  conflict_declared:
    'You said you have a conflict of interest with this application, so you cannot take part in this. Thank you for telling us.',
  conflict_answer_needed: 'Choose yes or no',
  conflict_cannot_be_withdrawn:
    'You have already said you have a conflict of interest with this application. It cannot be taken back. If it was a mistake, talk to the grants officer.',

  // Where the round is: each says what is closed; screens add the stage from the facts.
  scoring_not_now: 'Scores can only be given or changed while the round is being scored.',
  reopening_not_now: 'Scores can only be reopened while the round is being scored.',
  voting_not_now: 'Votes are cast at the panel meeting.',
  declaring_not_now: 'You can only answer this while the round is being scored or at the panel meeting.',
  recommending_not_now: 'Recommendations can only be saved at the panel meeting.',
  review_meetings_not_now: 'Review meetings are recorded after the panel has made its recommendations and before Cabinet decides.',
  commenting_not_now: 'Comments can only be added while councillors review the recommendations.',
  cabinet_decisions_not_now: "Cabinet's decisions are recorded after the review meetings, while the round is with councillors for review.",
  recommendations_not_ready: "The panel's recommendations are not ready yet.",
  applications_not_ready: 'The applications for this round are not ready yet. You will see them when scoring opens.',
  results_hidden: 'Results are hidden until scoring closes, so that everyone scores on their own.',
  report_not_ready: 'The report can be exported once scoring has closed.',
  round_details_fixed: 'The title, dates, seat margin, panel numbers and confidentiality agreement cannot change once scoring has started.',
  round_dates_fixed: 'The scoring deadline and panel date cannot change after the panel has met.',
  criteria_fixed: 'The questions cannot change once scoring has started.',
  applications_fixed: 'Applications cannot be added once scoring has started.',
  summaries_fixed: 'Summaries cannot change once scoring has started, so every member scores the same pack.',
  panel_fixed: 'The panel cannot change after it has made its recommendations.',

  // Moving a round on.
  criteria_needed: 'Add at least one scoring question before opening the round.',
  applications_needed: 'There are no applications to score yet. Add them first.',
  summaries_needed: 'Write a plain-English summary for every application before scoring starts.',
  scorers_needed: 'Add the panel members who will score before scoring starts.',
  panel_not_fair:
    'A fair panel needs its chair and the community members and councillors this round asks for. Add them, or start scoring anyway and give a reason.',
  scores_outstanding: 'Some members have not sent all their scores. Wait for them, or move on and give a reason.',
  recommendations_needed: "Record the panel's recommendation for every application first.",
  decisions_needed: "Record Cabinet's decision for every application first.",
  stage_not_valid: 'Choose one of the stages of a round.',
  round_published: 'This round has been published: it cannot move on.',
  not_next_stage: 'A round can only move on to its next stage. Reload the page to see where it is now.',
  reminders_not_now: 'Reminders to send scores are only for a round that is being scored.',
  force_not_allowed:
    'Only the moves to scoring (with a panel short of members) and to the panel meeting (without every score) can be made with a reason.',

  // Setting up funds, rounds and questions.
  fund_slug_not_valid: 'Enter a web name of lower-case letters, numbers and single hyphens, like innovation-fund',
  fund_slug_taken: 'There is already a fund with that web name. Choose another.',
  fund_budget_not_valid: 'Enter the budget in pounds, more than £0',
  reference_prefix_not_valid: 'Enter 2 to 10 capital letters or numbers for references, like INN27',
  reference_prefix_taken: 'Another round already uses that reference prefix. Choose another.',
  seat_margin_out_of_range: 'Enter the seat margin as a number of points from 0 to 100',
  panel_numbers_out_of_range: 'Enter a whole number from 0 to 20',
  closing_before_opening: 'The closing date must be on or after the opening date',
  maximum_score_out_of_range: 'Enter the highest score as a whole number from 1 to 10',
  descriptors_not_valid: 'Describe every score, from 0 to the highest, in plain words',
  weight_out_of_range: 'Enter a weight more than 0 and no more than 100',

  // Applications.
  application_not_an_object: 'The application could not be read. Check each field and try again.',
  organisation_type_not_valid: 'Choose the type of organisation',
  charity_number_not_valid: 'Enter a charity number of 6 to 8 digits, like 1234567',
  company_number_not_valid: 'Enter a company number of 8 characters, like 01234567 or SC123456',
  amount_requested_not_valid: 'Enter the amount asked for in pounds, more than £0',
  budget_lines_not_valid: 'Give each budget line an item and an amount in pounds',
  contact_way_needed: 'Enter at least one way to reach the contact person: email, phone or address',
  contact_email_not_valid: 'Enter an email address in the right format, like name@example.org',

  // The panel and reviewers.
  panel_role_not_valid: 'Choose member, chair or clerk',
  clerk_has_no_seat: 'The clerk does not take a seat: leave the seat empty',
  seat_needed: 'Choose the seat: community or councillor',
  already_on_panel: 'That person is already on this panel.',
  round_has_chair: 'This round already has a chair. Remove them first.',
  already_reviewer: 'That person already reviews this round.',

  // Scores and votes.
  scores_not_a_list: 'Your scores could not be read. Reload the page: your scores are kept on this device.',
  criterion_not_in_round:
    'One of the questions has changed since you opened this page. Reload the page to see the questions as they are now. Your scores are kept on this device.',
  score_out_of_range: 'Choose one of the scores shown',
  score_comment_too_long: 'Your comment is too long: keep it to 2,000 characters or fewer',
  score_comment_not_text: 'Write your comment in words',
  scores_incomplete: 'Choose a score for every question before you submit.',
  scores_already_submitted:
    'You have already sent your scores for this application. To change them, ask to change your scores and say why.',
  scores_not_submitted: 'Your scores are not sent yet, so you can still change them. Go back to the scoring form.',
  reopen_already_requested: 'You have already asked to change these scores. The chair or the grants officer will reply.',
  no_reopen_request: 'Nobody has asked to reopen these scores.',
  vote_not_valid: 'Choose award, award with conditions, not award, or abstain',

  // Recommendations, review and Cabinet.
  outcome_not_valid: 'Choose the recommendation',
  amount_not_wanted: 'Leave the amount empty when the panel recommends not to award',
  amount_needed: 'Enter the amount in pounds, like 5000',
  amount_over_request: 'The amount cannot be more than the amount asked for',
  how_agreed_not_valid: 'Say how the panel agreed: everyone agreed, or a majority vote',
  meeting_not_in_round: 'Choose a meeting from the list, or "Not at a meeting"',
  decision_not_valid: "Choose Cabinet's decision: award or not award",
  amount_awarded_not_valid: 'Enter the amount Cabinet awarded in pounds, or no amount if it did not award',

  // The audit trail.
  limit_out_of_range: 'Ask for fewer events at a time.',
  dates_wrong_way_round: 'The "from" date must be before the "to" date, or the same day',
};
