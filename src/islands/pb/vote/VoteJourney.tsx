// A signed-in resident's vote in an open process: show they may vote, choose projects, check,
// send, see the receipt; coming back shows the vote that counts and lets them change it. Each
// step change moves focus to the page's heading so a screen reader starts at the new step.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PbCastReceipt, PbProcess } from '../../../lib/api/pb-residents';
import type { CartProject, CartRules } from '../../../lib/pb/ballot-cart';
import { momentAt } from '../../../lib/pb/when';
import { goToSignIn, useSignedIn } from '../../ui/useSignedIn';
import { ChooseProjects } from './ChooseProjects';
import { BallotTable, CheckVote, ClosedVote, ProblemWords, ProveEligibility, VoteSent } from './later-steps';
import { useBallot } from './useBallot';

type Step = 'choose' | 'check' | 'sent' | 'closed';

const HEADINGS: Record<Step, string> = {
  choose: 'Choose projects',
  check: 'Check your vote',
  sent: 'Thank you for voting',
  closed: 'Voting has closed',
};

export function VoteJourney({ process }: { process: PbProcess }) {
  const user = useSignedIn();
  const ballot = useBallot(process, user?.id);
  const [step, setStep] = useState<Step>('choose');
  const [receipt, setReceipt] = useState<PbCastReceipt>();
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef<string | undefined>(undefined);
  const { loaded } = ballot;
  const closesAt = process.phases.find((p) => p.phase === 'voting')?.ends_at ?? null;

  const projects: CartProject[] = useMemo(
    () => (loaded?.shortlist.proposals ?? []).map((p) => ({ id: p.id, title: p.title, cost: p.checked_cost ?? p.estimated_cost })),
    [loaded?.shortlist],
  );
  const rules: CartRules = { budget: process.budget, minProjects: process.min_projects, maxProjects: process.max_projects };

  // Only a step the resident moved to takes focus, not the first one the page loads on.
  const stepKey = loaded ? `${loaded.status.eligible}|${step}` : undefined;
  useEffect(() => {
    if (shown.current !== undefined && stepKey !== shown.current) {
      heading.current?.focus();
      heading.current?.scrollIntoView?.({ block: 'start' });
    }
    if (stepKey) shown.current = stepKey;
  }, [stepKey]);

  const title = !loaded ? 'Vote' : !loaded.status.eligible ? 'Show that you can vote' : HEADINGS[step];
  const h1 = (
    <h1 className="govuk-heading-l" ref={heading} tabIndex={-1}>
      <span className="govuk-caption-l">{process.title}</span>
      {title}
    </h1>
  );

  if (step === 'closed')
    return (
      <>
        {h1}
        <ClosedVote process={{ ...process, phase: 'counting' }} />
      </>
    );
  if (!user || (!loaded && !ballot.loadProblem))
    return (
      <>
        {h1}
        <p className="govuk-body" role="status">
          Loading your vote…
        </p>
      </>
    );
  if (!loaded) {
    if (ballot.loadProblem?.signedOut) goToSignIn('expired');
    return (
      <>
        {h1}
        <div className="govuk-error-summary" role="alert">
          <p className="govuk-body">{ballot.loadProblem && <ProblemWords problem={ballot.loadProblem} />}</p>
        </div>
        <button type="button" className="govuk-button" onClick={() => void ballot.load()}>
          Try again
        </button>
      </>
    );
  }
  if (!loaded.status.eligible)
    return (
      <>
        {h1}
        <ProveEligibility process={process} onProved={ballot.setStatus} />
      </>
    );

  const counted = loaded.ballot;
  const offlineNote = !ballot.online && step !== 'sent' && (
    <div className="govuk-warning-text" data-testid="offline-note">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        You are offline. You can keep choosing: your choices are kept on this device. Send your vote when you are back online.
      </strong>
    </div>
  );
  const changedNote = ballot.changedElsewhere && counted && (
    <div className="govuk-notification-banner" role="region" aria-labelledby="changed-title" data-testid="changed-elsewhere">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="changed-title">
          Your vote was updated
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-body">
          Your vote was updated at {momentAt(ballot.changedElsewhere)}, from this window or another one. You have one vote, and this is the
          one that counts now:
        </p>
        <BallotTable caption="The vote that counts now" items={counted.proposals} total={counted.total} />
        {step === 'choose' && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={ballot.restartFromCounted}>
            Start again from this vote
          </button>
        )}
        {step !== 'choose' && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={ballot.dismissChange}>
            I understand
          </button>
        )}
      </div>
    </div>
  );

  if (step === 'sent' && receipt) {
    return (
      <>
        {h1}
        {changedNote}
        <VoteSent
          receipt={receipt}
          closesAt={closesAt}
          onChange={() => {
            setReceipt(undefined);
            setStep('choose');
          }}
        />
      </>
    );
  }
  if (step === 'check') {
    return (
      <>
        {h1}
        {offlineNote}
        {changedNote}
        <CheckVote
          chosen={ballot.chosen}
          projects={projects}
          rules={rules}
          replacing={!!counted}
          closesAt={closesAt}
          send={ballot.send}
          onSent={(r) => {
            setReceipt(r);
            setStep('sent');
          }}
          onBack={() => setStep('choose')}
          onClosed={() => setStep('closed')}
        />
      </>
    );
  }
  return (
    <>
      {h1}
      {offlineNote}
      {changedNote}
      {counted && !ballot.changedElsewhere && (
        <div className="govuk-inset-text" data-testid="already-voted">
          <p className="govuk-body">
            You voted{' '}
            {counted.changed_at ? `and last changed your vote at ${momentAt(counted.changed_at)}` : `at ${momentAt(counted.cast_at)}`}. Your
            vote is for {counted.proposals.map((p) => p.title).join(', ')}.
          </p>
          <p className="govuk-body">You can change it below until voting closes. Only the last vote you send counts.</p>
        </div>
      )}
      {ballot.restored && (
        <p className="govuk-body" data-testid="restored">
          We kept the choices you had not sent yet on this device. They are not sent until you check and send your vote.
        </p>
      )}
      <ChooseProjects
        proposals={loaded.shortlist.proposals}
        projects={projects}
        rules={rules}
        chosen={ballot.chosen}
        setChosen={ballot.setChosen}
        onCheck={() => setStep('check')}
        checkLabel={counted ? 'Check your changed vote' : 'Check your vote'}
      />
    </>
  );
}
