// The panel's front page: every round the person takes part in, what state it is in, their part
// in it and how far they have got, with the one next thing to do.
import { useEffect, useState } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import { listMyRounds, type MyRound } from '../../lib/api/rounds';
import { progressText, rolesText, STATE_WORDS } from '../../lib/grants/rounds';
import { signOut, useSignedIn } from '../ui/useSignedIn';
import { ClerkActions, isClerkOnly, panelDayText } from './ClerkParts';
import { useMyAccess } from './useMyAccess';
import { DeadlineWarning, RoundDateRows } from './RoundDates';

function nextStep(round: MyRound): { href: string; label: string } | undefined {
  const at = `/panel/round/?id=${round.round_id}`;
  const leads = round.my_roles.some((r) => r === 'chair' || r === 'clerk' || r === 'officer');
  if (round.my_roles.includes('officer')) return { href: `/panel/officer/?id=${round.round_id}`, label: 'Run this round' };
  if (round.my_roles.includes('reviewer') && ['recommended', 'decided', 'published'].includes(round.state))
    return { href: `/panel/review/?round=${round.round_id}`, label: 'Review the recommendations' };
  if (leads && !round.member_id) return { href: `/panel/panel-day/?round=${round.round_id}`, label: 'See progress and results' };
  if (round.member_id && !round.agreement_accepted) return { href: at, label: 'Read and accept the confidentiality agreement' };
  if (round.member_id && round.state === 'scoring') return { href: at, label: 'Score applications' };
  return { href: at, label: 'Open this round' };
}

export default function MyRounds() {
  const user = useSignedIn();
  const [rounds, setRounds] = useState<MyRound[]>();
  const [problem, setProblem] = useState<ApiProblem>();
  // Officers and scrutiny may be on no round at all, so their powers come from my_access.
  const access = useMyAccess(user);

  useEffect(() => {
    if (!user) return;
    void listMyRounds({}).then((result) => (result.ok ? setRounds(result.data) : setProblem(result)));
  }, [user]);

  if (!user)
    return (
      <p className="govuk-body" role="status">
        Checking you are signed in…
      </p>
    );
  return (
    <div data-testid="my-rounds" aria-busy={!access || (!rounds && !problem)}>
      <p className="govuk-body wt-signed-in">
        Signed in as <strong>{user.email}</strong>.{' '}
        <button type="button" className="wt-link-button govuk-link" onClick={() => void signOut()}>
          Sign out
        </button>
      </p>
      {problem && (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">We could not load your rounds</h2>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{problem.message}</p>
          </div>
        </div>
      )}
      {!rounds && !problem && (
        <p className="govuk-body" role="status">
          Loading your grant rounds…
        </p>
      )}
      {access?.is_officer && (
        <p className="govuk-body">
          <a className="govuk-link" href="/panel/setup/">
            Create a fund or a round
          </a>
        </p>
      )}
      {access?.is_officer && (
        <p className="govuk-body">
          <a className="govuk-link" href="/budgeting/officer/">
            Run participatory budgeting
          </a>
          : processes, proposals, voting codes, paper ballots and counts
        </p>
      )}
      {access?.is_officer && (
        <p className="govuk-body">
          <a className="govuk-link" href="/projects/officer/">
            Project updates
          </a>
          : approve or return project leads&apos; monthly updates, and name each project&apos;s leads
        </p>
      )}
      {access?.is_officer && (
        <p className="govuk-body">
          <a className="govuk-link" href="/moderation/">
            Moderation queue
          </a>
          : tree leaves and budgeting ideas waiting for an officer
        </p>
      )}
      {(access?.is_officer || access?.is_scrutiny) && (
        <p className="govuk-body">
          <a className="govuk-link" href="/panel/audit/">
            Audit trail
          </a>
          : who saw and changed what, and when
        </p>
      )}
      {rounds?.length === 0 && (
        <p className="govuk-body">
          You are not on any grants panel yet. If you think you should be,{' '}
          <a className="govuk-link" href="/contact/">
            contact the co-production team
          </a>
          .
        </p>
      )}
      {rounds && rounds.length > 0 && (
        <ul className="wt-card-list wt-rounds">
          {rounds.map((round) => {
            const step = nextStep(round);
            // The clerk does not score: they follow the panel, the panel day and the report.
            const clerk = isClerkOnly(round.my_roles) && round.agreement_accepted;
            return (
              <li className="wt-card" key={round.round_id}>
                <span className="govuk-caption-m">{round.fund.name}</span>
                <h2 className="govuk-heading-m">{round.title}</h2>
                <DeadlineWarning round={round} />
                <dl className="govuk-summary-list govuk-summary-list--no-border">
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Where it is</dt>
                    <dd className="govuk-summary-list__value">{STATE_WORDS[round.state]}</dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">You are</dt>
                    <dd className="govuk-summary-list__value">
                      {rolesText(round.my_roles)}
                      {round.my_seat && ` (${round.my_seat === 'community' ? 'community seat' : 'councillor seat'})`}
                    </dd>
                  </div>
                  {clerk && (
                    <div className="govuk-summary-list__row">
                      <dt className="govuk-summary-list__key">Panel meeting</dt>
                      <dd className="govuk-summary-list__value">{panelDayText(round.panel_date)}</dd>
                    </div>
                  )}
                  {!clerk && round.progress && round.progress.applications > 0 && (
                    <div className="govuk-summary-list__row">
                      <dt className="govuk-summary-list__key">Your progress</dt>
                      <dd className="govuk-summary-list__value">{progressText(round.progress)}</dd>
                    </div>
                  )}
                  <RoundDateRows round={round} />
                </dl>
                {clerk && <ClerkActions round={round} />}
                {!clerk && step && (
                  <a className="govuk-button" href={step.href}>
                    {step.label}
                    <span className="govuk-visually-hidden"> for {round.title}</span>
                  </a>
                )}{' '}
                {!clerk && round.member_id && round.my_roles.some((r) => r === 'chair' || r === 'clerk') && (
                  <a className="govuk-button govuk-button--secondary" href={`/panel/panel-day/?round=${round.round_id}`}>
                    Panel day: progress and results<span className="govuk-visually-hidden"> for {round.title}</span>
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
