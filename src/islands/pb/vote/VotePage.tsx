// /budgeting/vote/?p=<slug>: the process is read first (anyone may), so a vote that is not open
// says so without asking anyone to sign in; an open one needs a signed-in resident, who comes
// back here after signing in.
import { useEffect, useState } from 'react';
import type { ApiResult } from '../../../lib/api-call';
import { getProcess, type PbProcess } from '../../../lib/api/pb-residents';
import { ClosedVote, fetchLaterSteps, ProblemWords } from './later-steps';
import { VoteJourney } from './VoteJourney';

export default function VotePage() {
  const [slug] = useState(() => new URLSearchParams(location.search).get('p')?.trim() ?? '');
  const [process, setProcess] = useState<ApiResult<PbProcess>>();
  useEffect(() => {
    if (slug) void getProcess({ p_slug: slug }).then(setProcess);
  }, [slug]);
  useEffect(fetchLaterSteps, []);

  if (!slug || (process && !process.ok)) {
    return (
      <>
        <h1 className="govuk-heading-l">Vote</h1>
        <p className="govuk-body">
          {process && !process.ok ? <ProblemWords problem={process} /> : 'This link does not say which vote it is for.'}{' '}
          <a className="govuk-link" href="/budgeting/">
            See the votes you can take part in
          </a>
          .
        </p>
      </>
    );
  }
  if (!process)
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    );
  if (process.data.phase !== 'voting') {
    return (
      <>
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{process.data.title}</span>Vote
        </h1>
        <ClosedVote process={process.data} />
      </>
    );
  }
  return <VoteJourney process={process.data} />;
}
