// The confirmation page after booking: the reference in a GOV.UK panel, where each session
// stands (booked or waiting), and what happens next.
import type { FestivalBooking } from '../../lib/api/festival';
import { sessionLabel } from '../../lib/festival-places';

export function BookingConfirmed({ booking, festivalPage }: { booking?: FestivalBooking & { token: string }; festivalPage: string }) {
  if (!booking) {
    return (
      <>
        <h1 className="govuk-heading-l">Your booking has been sent</h1>
        <p className="govuk-body">We have emailed your booking to you, with a link to change or cancel it.</p>
        <p className="govuk-body">
          <a className="govuk-link" href={festivalPage}>
            Back to the festival
          </a>
        </p>
      </>
    );
  }
  const waiting = booking.sessions.filter((s) => s.status === 'waiting');
  return (
    <>
      <div className="govuk-panel-lite" role="status">
        <h1 className="govuk-heading-l">Booking complete</h1>
        <p className="govuk-body-l govuk-!-margin-bottom-0">
          Your reference is <strong data-testid="booking-reference">{booking.reference}</strong>
        </p>
      </div>
      <p className="govuk-body">
        We have sent an email to <strong>{booking.email}</strong> with your booking and a link to change or cancel it.
      </p>
      <h2 className="govuk-heading-m">Your sessions</h2>
      <ul className="govuk-list govuk-list--bullet">
        {booking.sessions.map((s) => (
          <li key={s.key}>
            {sessionLabel(s)}:{' '}
            {s.status === 'booked' ? <strong>booked</strong> : <strong>on the waiting list (number {s.waiting_position})</strong>}
          </li>
        ))}
      </ul>
      {waiting.length > 0 && (
        <p className="govuk-body">If a place comes up in a session you are waiting for, it is yours: we will email you to say so.</p>
      )}
      {booking.places === 2 && <p className="govuk-body">Each place includes a free place for your carer or personal assistant.</p>}
      <h2 className="govuk-heading-m">What happens next</h2>
      <p className="govuk-body">
        If you asked for support, we will plan it and get in touch if we have a question. On the day, sign in at the welcome desk.
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href={`/festival/booking/?token=${booking.token}`}>
          See, change or cancel your booking
        </a>
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href={festivalPage}>
          Back to the festival
        </a>
      </p>
    </>
  );
}
