// /grants/apply/check/?round=<id>: check your answers, then send. The database checks the
// deadline under the row lock; if it has passed, the page says so and the draft stays.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { submitApplication } from '../../../lib/api/applications-online';
import { answerText, TASK_FIELDS } from '../../../lib/grants/apply-form';
import { APPLY_TASKS, TASK_NAMES } from '../../../lib/grants/apply-tasks';
import { wordsFor } from '../../../lib/refusals/applications';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { useOnce } from '../../ui/useOnce';
import { useSignedIn } from '../../ui/useSignedIn';
import {
  Deadline,
  Loading,
  lockedReason,
  LockedBanner,
  NotFound,
  ProblemBox,
  queryParam,
  taskListUrl,
  taskUrl,
  usePageTitle,
} from './ApplyParts';
import { useApplyRound, type Loaded } from './useApplyRound';

export default function ApplyCheck() {
  const user = useSignedIn();
  const { loaded, reload } = useApplyRound(user, queryParam('round'));
  if (!user || loaded === undefined) return <Loading>Loading your answers…</Loading>;
  if (loaded === 'missing') return <NotFound />;
  if ('ok' in loaded) return <ProblemBox problem={loaded} title="We could not load your application" />;
  return <Check loaded={loaded} reload={reload} />;
}

function Check({ loaded, reload }: { loaded: Loaded; reload: () => Promise<void> }) {
  const { round, application } = loaded;
  const [refusal, setRefusal] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, once] = useOnce();
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle('Check your answers before sending your application', Boolean(refusal));
  useEffect(() => heading.current?.focus(), []);
  const locked = lockedReason(round, application);
  const missing = APPLY_TASKS.filter((t) => !application?.completed.includes(t));
  const changeable = (t: string) => !locked && (application?.status !== 'reopened' || application.reopened_task === t);

  const send = async () => {
    setProblem(undefined);
    const result = await submitApplication({ p_round_id: round.id }, 'form');
    if (result.ok) {
      location.assign(`/grants/apply/done/?round=${encodeURIComponent(round.id)}&ref=${encodeURIComponent(result.data.reference)}`);
      return;
    }
    if (result.offline || result.signedOut || result.status >= 500) return setProblem(result);
    setRefusal(wordsFor(result));
    // Whatever changed on the server (the deadline passed, the round closed) shows on the page.
    void reload();
  };

  return (
    <>
      <a className="govuk-back-link" href={taskListUrl(round.id)}>
        Back
      </a>
      {problem && <ProblemBox problem={problem} title="Your application has not been sent yet" />}
      {refusal && <ErrorSummary items={[]} intro={refusal} title="Your application has not been sent" />}
      <span className="govuk-caption-l">{round.title}</span>
      <h1 className="govuk-heading-l wt-focus-heading" ref={heading} tabIndex={-1}>
        Check your answers before sending your application
      </h1>
      {locked && !refusal && <LockedBanner reason={locked} roundId={round.id} />}
      {APPLY_TASKS.map((t) => (
        <div className="govuk-summary-card" key={t} data-testid={`answers-${t}`}>
          <div className="govuk-summary-card__title-wrapper">
            <h2 className="govuk-summary-card__title">{TASK_NAMES[t]}</h2>
            {changeable(t) && (
              <ul className="govuk-summary-card__actions">
                <li className="govuk-summary-card__action">
                  <a className="govuk-link" href={taskUrl(round.id, t, 'check')}>
                    Change<span className="govuk-visually-hidden"> {TASK_NAMES[t].toLowerCase()}</span>
                  </a>
                </li>
              </ul>
            )}
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              {TASK_FIELDS[t].map((f) => (
                <div className="govuk-summary-list__row" key={f.name}>
                  <dt className="govuk-summary-list__key">{f.label}</dt>
                  <dd className="govuk-summary-list__value wt-pre-line">
                    {answerText(f, application?.answers[t]) || <span className="govuk-hint">Not given</span>}
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        </div>
      ))}
      {!locked &&
        (missing.length > 0 ? (
          <p className="govuk-body" data-testid="missing">
            Complete these sections before you send your application: {missing.map((t) => TASK_NAMES[t]).join(', ')}.{' '}
            <a className="govuk-link" href={taskListUrl(round.id)}>
              Go to the task list
            </a>
          </p>
        ) : (
          <>
            <h2 className="govuk-heading-m">Now send your application</h2>
            <p className="govuk-body">
              When you send it, a grants officer will read it and write a short summary for the panel. You will get an email with your
              reference.
            </p>
            <Deadline round={round} />
            <form
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                void once(send);
              }}
              noValidate
            >
              <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
                {application?.status === 'reopened' ? 'Send your application again' : 'Send your application'}
              </button>
            </form>
          </>
        ))}
    </>
  );
}
