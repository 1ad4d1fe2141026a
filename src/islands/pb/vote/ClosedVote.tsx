// A vote that is not open: not yet, being counted, or over, in plain words with what to do next.
import type { PbProcess } from '../../../lib/api/pb-residents';
import { isPhaseFrom } from '../../../lib/pb/phases';
import { dayAt } from '../../../lib/pb/when';

export function ClosedVote({ process }: { process: PbProcess }) {
  const voting = process.phases.find((p) => p.phase === 'voting');
  const before = !isPhaseFrom(process.phase, 'voting');
  const link = `/budgeting/process/?p=${encodeURIComponent(process.slug)}`;
  return (
    <div data-testid="vote-closed">
      <h2 className="govuk-heading-m">{before ? 'Voting has not started yet' : 'Voting has closed'}</h2>
      {before ? (
        <p className="govuk-body">
          You can vote on the projects for {process.title}{' '}
          {voting?.starts_at ? `from ${dayAt(voting.starts_at)}` : 'once the council has checked the ideas'}.
        </p>
      ) : (
        <p className="govuk-body">
          Voting for {process.title} closed{voting?.ends_at ? ` on ${dayAt(voting.ends_at)}` : ''}, so votes can no longer be sent or
          changed.
          {process.phase === 'counting' ? ' The votes are being counted.' : ''}
        </p>
      )}
      {process.phase === 'results' ? (
        <p className="govuk-body">
          <a className="govuk-link" href={`/budgeting/results/?p=${encodeURIComponent(process.slug)}`}>
            See the results
          </a>
        </p>
      ) : (
        <p className="govuk-body">
          <a className="govuk-link" href={link}>
            Read about {process.title}
          </a>
        </p>
      )}
      <p className="govuk-body">
        If you sent a vote, you can still{' '}
        <a className="govuk-link" href="/budgeting/check-ballot/">
          check it with your receipt code
        </a>
        .
      </p>
    </div>
  );
}
