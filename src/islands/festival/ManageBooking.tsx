// /festival/booking/?token=…: the booking a link in an email opens, with no account. The booker
// sees what they booked (and where they are on a waiting list), changes the sessions or support,
// or cancels; a place they give up goes to the next person waiting.
import { useEffect, useRef, useState } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import {
  festivalBookingByToken,
  festivalCancelBooking,
  festivalChangeBooking,
  festivalSessions,
  type FestivalBooking,
  type FestivalSessions,
} from '../../lib/api/festival';
import { answersFrom, checkStep, explainRefusal, toApi, type Answers, type Errors } from '../../lib/festival-form';
import { ErrorList, ErrorSummary } from '../ui/ErrorSummary';
import { useOnce } from '../ui/useOnce';
import { sessionLabel } from '../../lib/festival-places';
import { SessionsQuestion, SupportQuestions, supportText } from './BookingParts';

type View = 'booking' | 'change' | 'cancel';

export default function ManageBooking() {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const [booking, setBooking] = useState<FestivalBooking | ApiProblem>();
  const [festival, setFestival] = useState<FestivalSessions>();
  const [view, setView] = useState<View>('booking');
  const [notice, setNotice] = useState<string>();
  const [answers, setAnswers] = useState<Answers>();
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string>();
  const [busy, once] = useOnce();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void festivalBookingByToken({ p_token: token }, 'form').then(async (r) => {
      setBooking(r.ok ? r.data : r);
      if (r.ok) {
        const sessions = await festivalSessions({ p_edition: r.data.edition }, 'form');
        if (sessions.ok) setFestival(sessions.data);
      }
    });
  }, [token]);

  useEffect(() => {
    const title = view === 'change' ? 'Change your booking' : view === 'cancel' ? 'Cancel your booking' : 'Your festival booking';
    document.title = `${Object.keys(errors).length || problem ? 'Error: ' : ''}${title} – Working Together`;
    if (!document.querySelector('.govuk-error-summary')) heading.current?.focus();
  }, [view, errors, problem]);

  if (booking === undefined)
    return (
      <p className="govuk-body" role="status">
        Loading your booking…
      </p>
    );
  if ('ok' in booking) {
    return (
      <>
        <h1 className="govuk-heading-l">We could not find that booking</h1>
        <p className="govuk-body">{explainRefusal(booking).message}</p>
        <p className="govuk-body">
          If you still cannot open it, email coproduction@example.org or phone 01865 000000 and give us your booking reference.
        </p>
      </>
    );
  }
  const festivalPage = `/festival/${booking.edition}/`;
  const show = (next: View) => {
    setErrors({});
    setProblem(undefined);
    setNotice(undefined);
    if (next === 'change') setAnswers(answersFrom(booking));
    setView(next);
    scrollTo(0, 0);
  };

  if (booking.cancelled) {
    return (
      <>
        {notice && (
          <div className="govuk-panel-lite" role="status">
            <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-0">{notice}</p>
          </div>
        )}
        <h1 className="govuk-heading-l wt-focus-heading" ref={heading} tabIndex={-1}>
          Your booking {booking.reference} is cancelled
        </h1>
        <p className="govuk-body">Your places have gone back, so other people can have them. Thank you for letting us know.</p>
        <p className="govuk-body">
          <a className="govuk-link" href={festivalPage}>
            Back to the festival
          </a>
        </p>
      </>
    );
  }

  if (view === 'cancel') {
    const cancel = () =>
      once(async () => {
        const result = await festivalCancelBooking({ p_token: token }, 'form');
        if (!result.ok) return setProblem(explainRefusal(result).message);
        setBooking(result.data);
        setNotice('Your booking has been cancelled. We have sent you an email to confirm it.');
        setView('booking');
      });
    return (
      <>
        {problem && <ErrorSummary items={[]} intro={problem} />}
        <h1 className="govuk-heading-l wt-focus-heading" ref={heading} tabIndex={-1}>
          Are you sure you want to cancel your booking?
        </h1>
        <p className="govuk-body">
          You will lose your places in every session, and any place on a waiting list. They will go to other people. You can book again
          later if places are left.
        </p>
        <div className="govuk-button-group">
          <button
            type="button"
            className="govuk-button govuk-button--warning"
            aria-disabled={busy || undefined}
            onClick={() => void cancel()}
          >
            Yes, cancel my booking
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => show('booking')}>
            No, keep my booking
          </button>
        </div>
      </>
    );
  }

  if (view === 'change' && answers && festival) {
    const update = (changes: Partial<Answers>) => setAnswers({ ...answers, ...changes });
    const save = () =>
      once(async () => {
        setProblem(undefined);
        const found = { ...checkStep('sessions', answers), ...checkStep('support', answers) };
        setErrors(found);
        if (Object.keys(found).length > 0) return;
        const result = await festivalChangeBooking({ p_token: token, ...toApi(answers) }, 'form');
        if (!result.ok) {
          const { field, message } = explainRefusal(result);
          return field ? setErrors({ [field]: message }) : setProblem(message);
        }
        setBooking(result.data);
        setNotice('Your booking has been changed. We have sent you an email with the new details.');
        setView('booking');
        scrollTo(0, 0);
      });
    const errorList = Object.entries(errors).map(([id, message]) => ({ id, message: message! }));
    return (
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {errorList.length > 0 && <ErrorList errors={errorList} />}
        {problem && <ErrorSummary items={[]} intro={problem} />}
        <span className="govuk-caption-l">Booking {booking.reference}</span>
        <h1 className="govuk-heading-l wt-focus-heading" ref={heading} tabIndex={-1}>
          Change your booking
        </h1>
        <SessionsQuestion
          sessions={festival.sessions}
          answers={answers}
          update={update}
          errors={errors}
          heading={<h2 className="govuk-fieldset__heading">Which sessions would you like to come to?</h2>}
          booked={booking.sessions.filter((s) => s.status === 'booked').map((s) => s.key)}
        />
        <SupportQuestions answers={answers} update={update} errors={errors} headingLevel="h2" />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
            Save changes
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => show('booking')}>
            Do not change anything
          </button>
        </div>
      </form>
    );
  }

  return (
    <>
      {notice && (
        <div className="govuk-panel-lite" role="status">
          <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-0">{notice}</p>
        </div>
      )}
      <span className="govuk-caption-l">{festival?.title ?? 'Co-production festival'}</span>
      <h1 className="govuk-heading-l wt-focus-heading" ref={heading} tabIndex={-1}>
        Your booking {booking.reference}
      </h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Name</dt>
          <dd className="govuk-summary-list__value">{booking.name}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Email address</dt>
          <dd className="govuk-summary-list__value">{booking.email}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Sessions</dt>
          <dd className="govuk-summary-list__value">
            <ul className="govuk-list">
              {booking.sessions.map((s) => (
                <li key={s.key}>
                  {sessionLabel(s)}:{' '}
                  <strong>{s.status === 'booked' ? 'booked' : `on the waiting list (number ${s.waiting_position})`}</strong>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Support</dt>
          <dd className="govuk-summary-list__value">
            {booking.needs
              ? supportText({
                  needs: booking.needs.needs,
                  interpreter: booking.needs.interpreter ?? '',
                  dietary: booking.needs.dietary ?? '',
                })
              : 'Deleted after the festival'}
          </dd>
        </div>
        {booking.needs?.other && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Anything else</dt>
            <dd className="govuk-summary-list__value">{booking.needs.other}</dd>
          </div>
        )}
      </dl>
      <div className="govuk-button-group">
        {festival && (
          <button type="button" className="govuk-button" onClick={() => show('change')}>
            Change sessions or support
          </button>
        )}
        <button type="button" className="govuk-button govuk-button--warning" onClick={() => show('cancel')}>
          Cancel booking
        </button>
      </div>
      <p className="govuk-body">
        <a className="govuk-link" href={festivalPage}>
          Back to the festival
        </a>
      </p>
    </>
  );
}
