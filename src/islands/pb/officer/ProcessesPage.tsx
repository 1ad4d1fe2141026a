// /budgeting/officer/: the budgeting processes this officer runs, with the counts they check at
// a glance, and starting a new one. Someone who is not an officer is told so (the database
// refuses them anyway).
import { useEffect, useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { pbMyProcesses, type PbMyProcess } from '../../../lib/api/pb-officers';
import { formatAmount } from '../../../lib/pb/format';
import { PHASE_WORDS } from '../../../lib/pb/phase-words';
import { Loading, SignedInBar } from '../../panel/PanelParts';
import { useMyAccess } from '../../panel/useMyAccess';
import { useSignedIn } from '../../ui/useSignedIn';
import { officerHref } from './OfficerFrame';
import { ProcessForm } from './ProcessForm';
import { RefusedBox } from './Refused';

export default function ProcessesPage() {
  const user = useSignedIn();
  const access = useMyAccess(user);
  const [processes, setProcesses] = useState<PbMyProcess[]>();
  const [problem, setProblem] = useState<ApiProblem>();
  useEffect(() => {
    if (user) void pbMyProcesses({}).then((r) => (r.ok ? setProcesses(r.data) : setProblem(r)));
  }, [user]);

  if (!user) return <Loading>Checking you are signed in…</Loading>;
  return (
    <div data-testid="pb-officer-processes" aria-busy={!access || (!processes && !problem)}>
      <SignedInBar email={user.email} />
      <h1 className="govuk-heading-l">Your budgeting processes</h1>
      {problem && <RefusedBox problem={problem} title="We could not load your processes" />}
      {!processes && !problem && <Loading>Loading your processes…</Loading>}
      {processes && processes.length === 0 && <p className="govuk-body">You do not run any budgeting processes yet.</p>}
      {processes && processes.length > 0 && (
        <ul className="govuk-list wt-rounds">
          {processes.map((p) => (
            <li key={p.id} className="wt-card" data-testid="pb-process">
              <h2 className="govuk-heading-s">
                <a className="govuk-link" href={officerHref('process', p.id)}>
                  {p.title}
                </a>
              </h2>
              <p className="govuk-body-s">
                <strong className="govuk-tag govuk-tag--purple">{PHASE_WORDS[p.phase].name}</strong> {formatAmount(p.budget, p.currency)}.{' '}
                {p.proposals} proposals, {p.to_review} to check, {p.shortlisted} shortlisted, {p.codes_issued} voting codes issued,{' '}
                {p.ballots} ballots.
              </p>
            </li>
          ))}
        </ul>
      )}
      {access && !access.is_officer && (
        <div className="govuk-inset-text" data-testid="not-officer">
          Only council officers can run a budgeting process. If you should be one, ask the co-production team.
        </div>
      )}
      {access?.is_officer && (
        <section aria-labelledby="create-heading">
          <h2 className="govuk-heading-m" id="create-heading">
            Create a process
          </h2>
          <p className="govuk-body">
            Start with the basics. You add wards, categories and dates next, and can change all of it until voting opens.
          </p>
          <ProcessForm onSaved={(p) => location.assign(officerHref('process', p.id))} />
        </section>
      )}
    </div>
  );
}
