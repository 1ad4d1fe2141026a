// /grants/applications/: the signed-in person's grant applications, each with its status in plain
// words and, once the round is published, the outcome; withdraw one until the panel starts
// (after a "are you sure" step, as it cannot be undone).
import { useCallback, useEffect, useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { listMyOnlineApplications, withdrawApplication, type MyOnlineApplication } from '../../../lib/api/applications-online';
import { formatDay, formatTime, poundsText } from '../../../lib/grants/apply-form';
import { APPLY_STATUS_WORDS } from '../../../lib/grants/apply-status';
import { wordsFor } from '../../../lib/refusals/applications';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { useOnce } from '../../ui/useOnce';
import { useSignedIn } from '../../ui/useSignedIn';
import { Loading, ProblemBox, StatusTag, taskListUrl, usePageTitle } from './ApplyParts';

export default function MyApplications() {
  const user = useSignedIn();
  const [list, setList] = useState<MyOnlineApplication[] | ApiProblem>();
  const [notice, setNotice] = useState<string>();
  usePageTitle('Your grant applications');
  const load = useCallback(async () => {
    const result = await listMyOnlineApplications({}, 'form');
    setList(result.ok ? result.data : result);
  }, []);
  useEffect(() => {
    if (user) void load();
  }, [user, load]);
  if (!user || list === undefined) return <Loading>Loading your applications…</Loading>;
  if (!Array.isArray(list)) return <ProblemBox problem={list} title="We could not load your applications" />;
  return (
    <div data-testid="my-applications">
      <h1 className="govuk-heading-l">Your grant applications</h1>
      {notice && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="notice-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="notice-title">
              Done
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{notice}</p>
          </div>
        </div>
      )}
      {list.length === 0 && <p className="govuk-body">You have not started an application.</p>}
      {list.map((a) => (
        <ApplicationCard
          key={a.id}
          application={a}
          onWithdrawn={() => {
            setNotice(`You have withdrawn your application${a.reference ? ` ${a.reference}` : ''} to ${a.round_title}.`);
            void load();
          }}
        />
      ))}
      <p className="govuk-body">
        <a className="govuk-link" href="/grants/">
          See the funds open for applications
        </a>
      </p>
    </div>
  );
}

function ApplicationCard({ application: a, onWithdrawn }: { application: MyOnlineApplication; onWithdrawn: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [busy, once] = useOnce();
  const title = (a.answers.project?.project_title as string | undefined) ?? 'Project not named yet';
  const withdraw = async () => {
    const result = await withdrawApplication({ p_round_id: a.round_id }, 'form');
    if (result.ok) return onWithdrawn();
    setProblem(wordsFor(result));
  };
  return (
    <div className="govuk-summary-card" data-testid={`application-${a.round_id}`}>
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title">
          {a.round_title}
          {a.reference && <span className="govuk-caption-m">Reference {a.reference}</span>}
        </h2>
      </div>
      <div className="govuk-summary-card__content">
        {problem && <ErrorSummary items={[]} intro={problem} title="Your application has not been withdrawn" heading="h3" />}
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Project</dt>
            <dd className="govuk-summary-list__value">{title}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Status</dt>
            <dd className="govuk-summary-list__value" data-testid="status">
              <StatusTag status={a.status} />
              <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">{APPLY_STATUS_WORDS[a.status].says}</p>
            </dd>
          </div>
          {a.outcome && (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Outcome</dt>
              <dd className="govuk-summary-list__value" data-testid="outcome">
                {a.outcome.decision === 'award'
                  ? `Awarded ${poundsText(Number(a.outcome.amount))} on ${formatDay(a.outcome.decided_on)}.`
                  : `Not awarded (decided on ${formatDay(a.outcome.decided_on)}).`}
                {a.outcome.conditions && ` Conditions: ${a.outcome.conditions}`}
              </dd>
            </div>
          )}
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{a.submitted_at ? 'Sent' : 'Last saved'}</dt>
            <dd className="govuk-summary-list__value">{formatTime(a.submitted_at ?? a.saved_at)}</dd>
          </div>
        </dl>
        <p className="govuk-body">
          <a className="govuk-link" href={taskListUrl(a.round_id)}>
            {a.status === 'draft' || a.status === 'reopened' ? 'Continue your application' : 'See your application'}
            <span className="govuk-visually-hidden"> to {a.round_title}</span>
          </a>
        </p>
        {a.may_withdraw &&
          (confirming ? (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <div className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                If you withdraw this application, it will not go to the panel and you cannot send it again.
                <div className="govuk-button-group govuk-!-margin-top-4">
                  <button
                    type="button"
                    className="govuk-button govuk-button--warning"
                    aria-disabled={busy || undefined}
                    onClick={() => void once(withdraw)}
                  >
                    Yes, withdraw my application
                  </button>
                  <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setConfirming(false)}>
                    No, keep it
                  </button>
                </div>
              </div>
            </div>
          ) : (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setConfirming(true)}>
              Withdraw<span className="govuk-visually-hidden"> your application to {a.round_title}</span>
            </button>
          ))}
      </div>
    </div>
  );
}
