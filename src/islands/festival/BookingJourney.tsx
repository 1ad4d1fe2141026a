// /festival/book/?edition=<slug>&step=…: book festival places, one question a page (who you are,
// which sessions, the support that would help), then check your answers and send. No account is
// needed. Answers are kept in this tab's session storage while the person goes (a reload loses
// nothing; closing the tab forgets them, since they may include access needs) and cleared once sent.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import { festivalBook, festivalSessions, type FestivalBooking, type FestivalSessions } from '../../lib/api/festival';
import {
  checkAll,
  checkStep,
  EMPTY_ANSWERS,
  explainRefusal,
  STEP_OF_FIELD,
  STEPS,
  toApi,
  type Answers,
  type Errors,
  type Step,
} from '../../lib/festival-form';
import { ErrorList, ErrorSummary } from '../ui/ErrorSummary';
import { TextInput } from '../ui/TextInput';
import { useOnce } from '../ui/useOnce';
import { sessionLabel } from '../../lib/festival-places';
import { SessionsQuestion, SupportQuestions, supportText } from './BookingParts';
import { BookingConfirmed } from './BookingConfirmed';

type Page = Step | 'check' | 'done';
type Where = { edition: string; page: Page; back: boolean };

function readWhere(): Where {
  const q = new URLSearchParams(location.search);
  const step = q.get('step') ?? '';
  const page = ([...STEPS, 'check', 'done'] as string[]).includes(step) ? (step as Page) : 'you';
  return { edition: q.get('edition') ?? '', page, back: q.get('return') === 'check' };
}

const addressOf = (w: Where, page: Page, back = false) =>
  `/festival/book/?edition=${encodeURIComponent(w.edition)}&step=${page}${back ? '&return=check' : ''}`;

const TITLES: Record<Page, string> = {
  you: 'Your name and email address',
  sessions: 'Which sessions would you like to come to?',
  support: 'What support would help you on the day?',
  check: 'Check your answers before booking',
  done: 'Booking complete',
};

export default function BookingJourney() {
  const [where, setWhere] = useState(readWhere);
  const [festival, setFestival] = useState<FestivalSessions | ApiProblem>();
  const storeKey = `festival-booking:${where.edition}`;
  const [answers, setAnswers] = useState<Answers>(() => {
    try {
      return { ...EMPTY_ANSWERS, ...(JSON.parse(sessionStorage.getItem(storeKey) ?? '{}') as Partial<Answers>) };
    } catch {
      return EMPTY_ANSWERS;
    }
  });
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string>();
  const [booked, setBooked] = useState<FestivalBooking & { token: string }>();
  const [busy, once] = useOnce();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void festivalSessions({ p_edition: where.edition }, 'form').then((r) => setFestival(r.ok ? r.data : r));
    const onPop = () => setWhere(readWhere());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
    // The edition is read once from the address.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const hasErrors = Object.keys(errors).length > 0 || Boolean(problem);
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${TITLES[where.page]} – Book the festival – Working Together`;
    if (!document.querySelector('.govuk-error-summary')) heading.current?.focus();
  }, [where.page, hasErrors]);

  const go = useCallback((url: string) => {
    history.pushState(null, '', url);
    setWhere(readWhere());
    setProblem(undefined);
    scrollTo(0, 0);
  }, []);

  const update = (changes: Partial<Answers>) =>
    setAnswers((old) => {
      const next = { ...old, ...changes };
      sessionStorage.setItem(storeKey, JSON.stringify(next));
      return next;
    });

  if (festival === undefined)
    return (
      <p className="govuk-body" role="status">
        Loading the sessions…
      </p>
    );
  if ('ok' in festival) {
    return (
      <>
        <h1 className="govuk-heading-l">
          {festival.key === 'festival_not_found' ? 'We could not find booking for that festival' : 'We could not load the booking form'}
        </h1>
        <p className="govuk-body">{explainRefusal(festival).message}</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/festival/">
            Go to the festival page
          </a>
        </p>
      </>
    );
  }
  const festivalPage = `/festival/${festival.edition}/`;
  const caption = <span className="govuk-caption-l">Book a place at {festival.title}</span>;

  if (where.page === 'done') return <BookingConfirmed booking={booked} festivalPage={festivalPage} />;
  if (!festival.open) {
    return (
      <>
        <h1 className="govuk-heading-l">Booking has closed</h1>
        <p className="govuk-body">Online booking for {festival.title} has closed. You can still email or phone us to ask about a place.</p>
        <p className="govuk-body">
          <a className="govuk-link" href={`${festivalPage}#booking`}>
            How to contact us
          </a>
        </p>
      </>
    );
  }

  const errorList = Object.entries(errors).map(([id, message]) => ({ id, message: message! }));
  const backLink = (to: Page) => (
    <a
      className="govuk-back-link"
      href={addressOf(where, to)}
      onClick={(e) => {
        e.preventDefault();
        history.back();
      }}
    >
      Back
    </a>
  );

  const next = (step: Step) => {
    const found = checkStep(step, answers);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const i = STEPS.indexOf(step);
    go(where.back || i === STEPS.length - 1 ? addressOf(where, 'check') : addressOf(where, STEPS[i + 1]!));
  };

  if (where.page !== 'check') {
    const step = where.page;
    return (
      <>
        {step === 'you' ? (
          <a className="govuk-back-link" href={festivalPage}>
            Back to the festival
          </a>
        ) : (
          backLink(STEPS[STEPS.indexOf(step) - 1]!)
        )}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            next(step);
          }}
        >
          {errorList.length > 0 && <ErrorList errors={errorList} />}
          {caption}
          {step === 'you' && (
            <>
              <h1 className="govuk-heading-l wt-focus-heading" ref={heading} tabIndex={-1}>
                {TITLES.you}
              </h1>
              <TextInput
                id="name"
                label="Your full name"
                value={answers.name}
                onChange={(name) => update({ name })}
                error={errors.name}
                autoComplete="name"
                spellCheck={false}
              />
              <TextInput
                id="email"
                type="email"
                label="Email address"
                hint="We will email your booking to you, with a link to change or cancel it."
                value={answers.email}
                onChange={(email) => update({ email })}
                error={errors.email}
                autoComplete="email"
                spellCheck={false}
              />
              {/* The hidden field: people never see it and screen readers skip it; bots fill it in. */}
              <div className="wt-honeypot" aria-hidden="true">
                <label htmlFor="website">Leave this empty</label>
                <input
                  id="website"
                  name="website"
                  type="text"
                  tabIndex={-1}
                  autoComplete="off"
                  value={answers.website}
                  onChange={(e) => update({ website: e.target.value })}
                />
              </div>
            </>
          )}
          {step === 'sessions' && (
            <SessionsQuestion
              sessions={festival.sessions}
              answers={answers}
              update={update}
              errors={errors}
              heading={
                <h1 className="govuk-fieldset__heading wt-focus-heading" ref={heading} tabIndex={-1}>
                  {TITLES.sessions}
                </h1>
              }
            />
          )}
          {step === 'support' && <SupportQuestions answers={answers} update={update} errors={errors} headingRef={heading} />}
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Continue
          </button>
        </form>
      </>
    );
  }

  const send = () =>
    once(async () => {
      setProblem(undefined);
      const { errors: found, first } = checkAll(answers);
      if (first) {
        setErrors(found);
        return go(addressOf(where, first, true));
      }
      const result = await festivalBook(
        {
          p_edition: festival.edition,
          p_name: answers.name.trim(),
          p_email: answers.email.trim(),
          p_website: answers.website,
          ...toApi(answers),
        },
        'form',
      );
      if (result.ok) {
        sessionStorage.removeItem(storeKey);
        setBooked(result.data);
        setAnswers(EMPTY_ANSWERS);
        return go(addressOf(where, 'done'));
      }
      const { field, message } = explainRefusal(result);
      if (field) {
        setErrors({ [field]: message });
        return go(addressOf(where, STEP_OF_FIELD[field], true));
      }
      setProblem(message);
    });

  const chosen = festival.sessions.filter((s) => answers.sessions.includes(s.key));
  const change = (step: Step, what: string) => (
    <a
      className="govuk-link"
      href={addressOf(where, step, true)}
      onClick={(e) => {
        e.preventDefault();
        go(addressOf(where, step, true));
      }}
    >
      Change<span className="govuk-visually-hidden"> {what}</span>
    </a>
  );
  const rows: [string, ReactNode, Step][] = [
    ['Name', answers.name, 'you'],
    ['Email address', answers.email, 'you'],
    [
      'Sessions',
      <ul className="govuk-list" key="s">
        {chosen.map((s) => (
          <li key={s.key}>
            {sessionLabel(s)}
            {(s.places_left === 0 || s.waiting > 0) && ' (waiting list)'}
          </li>
        ))}
      </ul>,
      'sessions',
    ],
    ['Support', supportText(answers), 'support'],
    ['Anything else', answers.other.trim() || 'Nothing', 'support'],
  ];
  return (
    <>
      {backLink('support')}
      {problem && <ErrorSummary items={[]} intro={problem} />}
      {caption}
      <h1 className="govuk-heading-l wt-focus-heading" ref={heading} tabIndex={-1}>
        {TITLES.check}
      </h1>
      <dl className="govuk-summary-list">
        {rows.map(([key, value, step]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
            <dd className="govuk-summary-list__actions">{change(step, key.toLowerCase())}</dd>
          </div>
        ))}
      </dl>
      <h2 className="govuk-heading-m">Now send your booking</h2>
      <p className="govuk-body">
        We will email your booking to you. We keep your support needs only to plan the day, show them only to the council officers who run
        the festival, and delete them {festival.needs_kept_days} days after it.
      </p>
      <button
        type="button"
        className="govuk-button"
        data-module="govuk-button"
        aria-disabled={busy || undefined}
        onClick={() => void send()}
      >
        Book my places
      </button>
    </>
  );
}
