// Screen words for the refusals of the festival booking functions
// (supabase/migrations/20261205000200_festival_bookings.sql). Shared keys (required, too long,
// signed out) are in shared.ts; not_officer is in grants.ts.
export const WORDS: Record<string, string> = {
  festival_not_found: 'We could not find online booking for that festival. Check the web address, or go back to the festival page.',
  booking_not_found: 'We could not find that booking. Check you used the whole link from your email.',
  unknown_need: 'Choose from the support listed, or tell us what you need in your own words.',
  no_sessions: 'Choose at least one session.',
  session_not_found: 'Choose from the sessions listed.',
  looks_automated:
    'We could not take this booking online. Please email coproduction@example.org or phone 01865 000000 and we will book it for you.',
  bookings_closed: 'Booking for this festival has closed. You can still email or phone us to ask about a place.',
  email_not_valid: 'Enter an email address in the correct format, like name@example.com.',
  too_many_bookings:
    'There have been too many bookings from here in the last hour. Try again later, or email coproduction@example.org or phone 01865 000000.',
  booking_cancelled: 'This booking has been cancelled, so it cannot be changed. You can make a new booking.',
  festival_over: 'The festival is over, so bookings can no longer be changed.',
  unknown_purpose: 'Choose the bookings list or the check-in list.',
  not_festival_officer: 'Only council officers can see the festival bookings. Sign in with your council account.',
  needs_still_kept: 'Access needs are kept until a set time after the festival, so they cannot be deleted yet.',
};
