// /grants/apply/?round=<id or prefix>: the application's task list (GOV.UK task list pattern).
// Each task shows whether it is complete; all saved on the server, so the person can leave and
// come back on any device. Once every task is complete, "Check your answers" leads to sending.
import { APPLY_TASKS, TASK_NAMES } from '../../../lib/grants/apply-tasks';
import { useSignedIn } from '../../ui/useSignedIn';
import {
  checkUrl,
  Deadline,
  Loading,
  lockedReason,
  LockedBanner,
  NotFound,
  ProblemBox,
  queryParam,
  SavedAt,
  StatusTag,
  taskUrl,
  usePageTitle,
} from './ApplyParts';
import { useApplyRound } from './useApplyRound';

export default function ApplyTaskList() {
  const user = useSignedIn();
  const { loaded } = useApplyRound(user, queryParam('round'));
  usePageTitle(loaded && typeof loaded === 'object' && 'round' in loaded ? `Apply to ${loaded.round.title}` : undefined);
  if (!user || loaded === undefined) return <Loading>Loading your application…</Loading>;
  if (loaded === 'missing') return <NotFound />;
  if ('ok' in loaded) return <ProblemBox problem={loaded} title="We could not load your application" />;
  const { round, application } = loaded;
  const locked = lockedReason(round, application);
  const done = application?.completed ?? [];
  const reopened = application?.status === 'reopened' ? application.reopened_task : null;
  const allDone = APPLY_TASKS.every((t) => done.includes(t));
  const editable = (t: string) => !locked && (!reopened || reopened === t);
  const saved = new URLSearchParams(location.search).get('saved');

  return (
    <div data-testid="task-list">
      <span className="govuk-caption-l">{round.fund_name}</span>
      <h1 className="govuk-heading-l">Apply to {round.title}</h1>
      {saved && APPLY_TASKS.includes(saved as (typeof APPLY_TASKS)[number]) && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="saved-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="saved-title">
              Saved
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              {TASK_NAMES[saved as (typeof APPLY_TASKS)[number]]} is saved and marked as complete.
            </p>
          </div>
        </div>
      )}
      {locked && <LockedBanner reason={locked} />}
      {reopened && (
        <div className="govuk-inset-text" data-testid="reopened">
          <p className="govuk-body">
            <strong>The grants team needs more information about {TASK_NAMES[reopened].toLowerCase()}:</strong>
          </p>
          <p className="govuk-body wt-pre-line">{application?.reopened_message}</p>
          <p className="govuk-body">Change that section, then check your answers and send your application again.</p>
        </div>
      )}
      {application && application.status !== 'draft' && (
        <p className="govuk-body">
          Status: <StatusTag status={application.status} />
          {application.reference && (
            <>
              {' '}
              Reference <strong>{application.reference}</strong>
            </>
          )}
        </p>
      )}
      {!locked && <Deadline round={round} />}
      <p className="govuk-body">
        You have completed {done.length} of {APPLY_TASKS.length} sections.
      </p>
      <SavedAt application={application} />
      <ul className="govuk-task-list" data-testid="tasks">
        {APPLY_TASKS.map((t) => {
          const complete = done.includes(t);
          const statusId = `task-${t}-status`;
          return (
            <li key={t} className={`govuk-task-list__item${editable(t) ? ' govuk-task-list__item--with-link' : ''}`}>
              <div className="govuk-task-list__name-and-hint">
                {editable(t) ? (
                  <a className="govuk-link govuk-task-list__link" href={taskUrl(round.id, t)} aria-describedby={statusId}>
                    {TASK_NAMES[t]}
                  </a>
                ) : (
                  <div>{TASK_NAMES[t]}</div>
                )}
              </div>
              <div className="govuk-task-list__status" id={statusId}>
                {reopened === t ? (
                  <strong className="govuk-tag govuk-tag--orange">Needs more information</strong>
                ) : complete ? (
                  'Completed'
                ) : (
                  <strong className="govuk-tag govuk-tag--blue">Not yet started</strong>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {allDone && !locked ? (
        <a className="govuk-button" href={checkUrl(round.id)} role="button" draggable="false">
          Check your answers
        </a>
      ) : !locked ? (
        <p className="govuk-body">When every section is complete, you can check your answers and send your application.</p>
      ) : null}
      <p className="govuk-body">
        <a className="govuk-link" href="/grants/applications/">
          See all your applications
        </a>
      </p>
    </div>
  );
}
