// What every officer page about one process shows around its own content: who is signed in,
// the process's name and phase, and links between the officer's pages and to the public ones.
import type { ReactNode } from 'react';
import { PB_PHASES } from '../../../lib/pb/phases';
import { PHASE_WORDS } from '../../../lib/pb/phase-words';
import { Loading, SignedInBar } from '../../panel/PanelParts';
import { RefusedBox } from './Refused';
import type { OfficerProcess } from './useOfficerProcess';

export type OfficerPage = 'process' | 'proposals' | 'codes' | 'paper' | 'count';

const PAGES: { page: OfficerPage; label: string }[] = [
  { page: 'process', label: 'Set up and phases' },
  { page: 'proposals', label: 'Proposals' },
  { page: 'codes', label: 'Voting codes' },
  { page: 'paper', label: 'Paper ballots' },
  { page: 'count', label: 'Turnout, count and results' },
];

export const officerHref = (page: OfficerPage, id: string) => `/budgeting/officer/${page}/?id=${encodeURIComponent(id)}`;

export function OfficerFrame({
  data,
  page,
  heading,
  children,
}: {
  data: OfficerProcess;
  page: OfficerPage;
  heading: string;
  children: ReactNode;
}) {
  const { user, process, problem } = data;
  if (!user) return <Loading>Checking you are signed in…</Loading>;
  return (
    <div className="wt-officer" data-testid={`pb-officer-${page}`}>
      <SignedInBar email={user.email} back={{ href: '/budgeting/officer/', label: 'Back to your processes' }} />
      {!process && <h1 className="govuk-heading-l">{heading}</h1>}
      {problem && <RefusedBox problem={problem} title="That did not work" />}
      {!process && !problem && <Loading>Loading the process…</Loading>}
      {process && (
        <>
          <span className="govuk-caption-l">{process.title}</span>
          <h1 className="govuk-heading-l">{heading}</h1>
          <p className="govuk-body">
            Phase now: <strong className="govuk-tag govuk-tag--purple">{PHASE_WORDS[process.phase].name}</strong> (step{' '}
            {PB_PHASES.indexOf(process.phase) + 1} of {PB_PHASES.length})
          </p>
          <nav className="wt-section-nav wt-no-print" aria-label="This process">
            <ul className="govuk-list wt-inline-list">
              {PAGES.map((p) => (
                <li key={p.page}>
                  <a className="govuk-link" href={officerHref(p.page, process.id)} aria-current={p.page === page ? 'page' : undefined}>
                    {p.label}
                  </a>
                </li>
              ))}
              <li>
                <a className="govuk-link" href={`/budgeting/process/?p=${encodeURIComponent(process.slug)}`}>
                  Public page
                </a>
              </li>
            </ul>
          </nav>
          {children}
        </>
      )}
    </div>
  );
}
