// "Your account": where a signed-in person finds everything they take part in, with a link to
// each: grants panels, the projects they lead, their ideas for participatory budgeting, and their votes.
import type { ReactNode } from 'react';
import { rolesText, STATE_WORDS } from '../../lib/grants/rounds';
import { PHASE_WORDS } from '../../lib/pb/phase-words';
import { LedProjectsSection } from '../projects/LedProjectsSection';
import { signOut, useSignedIn } from '../ui/useSignedIn';
import { useAccount, type Part } from './useAccount';

/** A section's body while its part loads or after it failed; the loaded body otherwise. */
function PartBody<T>({ part, what, children }: { part: Part<T>; what: string; children: (data: T) => ReactNode }) {
  if (part.state === 'loading')
    return (
      <p className="govuk-body" role="status">
        Loading your {what}…
      </p>
    );
  if (part.state === 'failed') {
    return (
      <div className="govuk-inset-text" role="alert">
        We could not load your {what}: {part.problem.message}
      </div>
    );
  }
  return <>{children(part.data)}</>;
}

export default function AccountPage() {
  const user = useSignedIn();
  const { rounds, proposals, votes } = useAccount(user);
  if (!user)
    return (
      <p className="govuk-body" role="status">
        Checking you are signed in…
      </p>
    );
  const loading = [rounds, proposals, votes].some((p) => p.state === 'loading');

  return (
    <div data-testid="account" aria-busy={loading}>
      <p className="govuk-body wt-signed-in">
        Signed in as <strong>{user.email}</strong>.{' '}
        <button type="button" className="wt-link-button govuk-link" onClick={() => void signOut()}>
          Sign out
        </button>
      </p>

      <h2 className="govuk-heading-m" id="panels">
        Grants panels
      </h2>
      <PartBody part={rounds} what="grant rounds">
        {(list) =>
          list.length === 0 ? (
            <p className="govuk-body">You are not on any grants panel.</p>
          ) : (
            <>
              <ul className="govuk-list govuk-list--bullet">
                {list.map((r) => (
                  <li key={r.round_id}>
                    <a className="govuk-link" href={`/panel/round/?id=${r.round_id}`}>
                      {r.title}
                    </a>{' '}
                    ({r.fund.name}). Your part: {rolesText(r.my_roles)}. {STATE_WORDS[r.state]}.
                  </li>
                ))}
              </ul>
              <p className="govuk-body">
                <a className="govuk-link" href="/panel/">
                  Go to your grant rounds
                </a>
              </p>
            </>
          )
        }
      </PartBody>

      <h2 className="govuk-heading-m" id="applications">
        Your grant applications
      </h2>
      <p className="govuk-body">
        <a className="govuk-link" href="/grants/applications/">
          See your grant applications and where each has got to
        </a>
      </p>

      <LedProjectsSection signedIn={Boolean(user)} />

      <h2 className="govuk-heading-m" id="proposals">
        Your ideas for community projects
      </h2>
      <PartBody part={proposals} what="ideas">
        {(list) => (
          <p className="govuk-body">
            {list.length === 0
              ? 'You have not suggested a project.'
              : `You have suggested ${list.length === 1 ? '1 project' : `${list.length} projects`}.`}{' '}
            <a className="govuk-link" href="/budgeting/my-proposals/">
              {list.length === 0 ? 'See where you can suggest one' : 'See your ideas and what happened to them'}
            </a>
          </p>
        )}
      </PartBody>

      <h2 className="govuk-heading-m" id="votes">
        Your votes
      </h2>
      <PartBody part={votes} what="votes">
        {(list) =>
          list.length === 0 ? (
            <p className="govuk-body">
              You have not voted on spending.{' '}
              <a className="govuk-link" href="/budgeting/">
                See what is open to vote on
              </a>
            </p>
          ) : (
            <ul className="govuk-list govuk-list--bullet">
              {list.map(({ process, status }) => (
                <li key={process.id}>
                  <a className="govuk-link" href={`/budgeting/vote/?p=${encodeURIComponent(process.slug)}`}>
                    {process.title}
                  </a>
                  :{' '}
                  {status.voted
                    ? process.phase === 'voting'
                      ? 'you have voted. You can change your vote until voting closes.'
                      : `you voted. ${PHASE_WORDS[process.phase].name}.`
                    : 'voting is open. You have not voted yet.'}
                </li>
              ))}
            </ul>
          )
        }
      </PartBody>
    </div>
  );
}
