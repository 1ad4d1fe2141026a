// What the ballot page shows only after its first screen, or only when something goes wrong:
// proving one may vote, checking and sending, the receipt, a closed vote, a refusal's words, the
// error summary and the table of a vote changed elsewhere. Split from the page's first download
// so the shortlist can be used sooner on a slow phone; fetchLaterSteps() fetches them all as soon
// as the page starts, so they are in hand before they are needed, even if the connection then
// drops mid-ballot.
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { ApiProblem } from '../../../lib/api-call';

const loaders = {
  check: () => import('./CheckVote'),
  sent: () => import('./VoteSent'),
  prove: () => import('./ProveEligibility'),
  closed: () => import('./ClosedVote'),
  words: () => import('../../../lib/pb/refusal-words'),
  summary: () => import('../../ui/ErrorSummary'),
  table: () => import('./CurrentVote'),
};

export function fetchLaterSteps() {
  void Promise.allSettled(Object.values(loaders).map((load) => load()));
}

const waiting = (
  <p className="govuk-body" role="status">
    Loading…
  </p>
);

/** A component from a later module, shown with `fallback` until it arrives. */
function later<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = waiting) {
  const Lazy = lazy(() => load().then((c) => ({ default: c })));
  return function Later(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

export const CheckVote = later(() => loaders.check().then((m) => m.CheckVote));
export const VoteSent = later(() => loaders.sent().then((m) => m.VoteSent));
export const ProveEligibility = later(() => loaders.prove().then((m) => m.ProveEligibility));
export const ClosedVote = later(() => loaders.closed().then((m) => m.ClosedVote));
export const ErrorSummary = later(() => loaders.summary().then((m) => m.ErrorSummary), null);
export const BallotTable = later(() => loaders.table().then((m) => m.BallotTable), null);

const RefusalWords = later(
  () =>
    loaders.words().then(
      ({ pbProblemWords }) =>
        function Words({ problem }: { problem: ApiProblem }) {
          return <>{pbProblemWords(problem)}</>;
        },
    ),
  null,
);

/** A failed call's words for residents (src/lib/pb/refusal-words.ts, loaded later). Offline,
 *  signed-out and unkeyed problems keep api-call.ts's own words, as pbProblemWords does, so those
 *  show even when the connection went before the word list came. */
export function ProblemWords({ problem }: { problem: ApiProblem }) {
  if (problem.offline || problem.signedOut || !problem.key) return <>{problem.message}</>;
  return <RefusalWords problem={problem} />;
}
