// Pieces the application pages share: where each page is, the status tag, "not found", the
// banner for an application that can no longer change, and the page's title.
import { useEffect, type ReactNode } from 'react';
import type { ApplyStatus, ApplyRound, MyOnlineApplication } from '../../../lib/api/applications-online';
import { formatDeadline, formatTime } from '../../../lib/grants/apply-form';
import { APPLY_STATUS_WORDS } from '../../../lib/grants/apply-status';

export { Loading, ProblemBox, queryParam } from '../../panel/PanelParts';

export const taskListUrl = (roundId: string) => `/grants/apply/?round=${encodeURIComponent(roundId)}`;
export const taskUrl = (roundId: string, task: string, back?: 'check') =>
  `/grants/apply/task/?round=${encodeURIComponent(roundId)}&task=${task}${back ? '&return=check' : ''}`;
export const checkUrl = (roundId: string) => `/grants/apply/check/?round=${encodeURIComponent(roundId)}`;

export function StatusTag({ status }: { status: ApplyStatus }) {
  const words = APPLY_STATUS_WORDS[status];
  return <strong className={`govuk-tag ${words.tag}`}>{words.label}</strong>;
}

/** Sets the tab's title, "Error: " first while the page shows errors. */
export function usePageTitle(title: string | undefined, error = false) {
  useEffect(() => {
    if (title) document.title = `${error ? 'Error: ' : ''}${title} – Apply for a grant – Working Together`;
  }, [title, error]);
}

export function NotFound({ children }: { children?: ReactNode }) {
  usePageTitle('Grant round not found');
  return (
    <>
      <h1 className="govuk-heading-l">We could not find that grant round</h1>
      {children ?? <p className="govuk-body">Check the web address, or choose a fund that is open for applications.</p>}
      <p className="govuk-body">
        <a className="govuk-link" href="/grants/">
          See the funds open for applications
        </a>
      </p>
    </>
  );
}

/** The deadline in words, or nothing for a round without one. */
export function Deadline({ round }: { round: ApplyRound }) {
  if (!round.closes_on) return null;
  return (
    <p className="govuk-body" data-testid="deadline">
      Send your application by <strong>{formatDeadline(round.closes_on)}</strong>.
    </p>
  );
}

export function SavedAt({ application }: { application: MyOnlineApplication | null }) {
  if (!application) return null;
  return (
    <p className="govuk-body-s" role="status" data-testid="saved-at">
      Draft saved at {formatTime(application.saved_at)}. You can leave and come back on any device: sign in with the same email address.
    </p>
  );
}

/**
 * Why the application cannot change now, or undefined when it can. A reopened application can
 * change only in its reopened task (the task page checks that).
 */
export function lockedReason(round: ApplyRound, application: MyOnlineApplication | null): string | undefined {
  if (application?.status === 'withdrawn') return 'You withdrew this application, so it cannot be changed or sent.';
  if (application?.status === 'reopened') return undefined;
  if (application && application.status !== 'draft') return 'You have sent this application, so it can no longer be changed.';
  if (!round.taking_applications) {
    return round.state === 'open' && round.closes_on
      ? 'The deadline for this round has passed, so applications can no longer be sent. Your draft is kept here for you to read.'
      : 'This round is not taking applications now.';
  }
  return undefined;
}

export function LockedBanner({ reason, roundId }: { reason: string; roundId?: string }) {
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="locked-title" data-testid="locked">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="locked-title">
          Important
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{reason}</p>
        <p className="govuk-body">
          <a className="govuk-notification-banner__link" href="/grants/applications/">
            See your applications
          </a>
          {roundId && (
            <>
              {' or '}
              <a className="govuk-notification-banner__link" href={taskListUrl(roundId)}>
                go back to the task list
              </a>
            </>
          )}
        </p>
      </div>
    </div>
  );
}
