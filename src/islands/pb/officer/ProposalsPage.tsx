// /budgeting/officer/proposals/?id=: the proposals queue, filtered by status (?status=) a page
// at a time (?page=), each proposal with its author, costs and reasons and what can be done to it.
import type { PbProposalStatus } from '../../../lib/api/pb-officers';
import { formatAmount } from '../../../lib/pb/format';
import { STATUS_ORDER, STATUS_WORDS } from '../../../lib/pb/proposal-status';
import { pageNumbers } from '../../../lib/pagination';
import { Loading } from '../../panel/PanelParts';
import { OfficerFrame, officerHref } from './OfficerFrame';
import { ProposalActions } from './ProposalActions';
import { RefusedBox } from './Refused';
import { useOfficerProcess } from './useOfficerProcess';
import { PAGE_SIZE, useProposalQueue } from './useProposalQueue';

export default function ProposalsPage() {
  const data = useOfficerProcess();
  const { process } = data;
  const { status, page, queue, inPlay, problem, reload } = useProposalQueue(data.id, Boolean(process));
  const href = (s: PbProposalStatus | '', n = 1) =>
    `${officerHref('proposals', data.id)}${s ? `&status=${s}` : ''}${n > 1 ? `&page=${n}` : ''}`;
  const pages = queue ? Math.max(1, Math.ceil(queue.total / PAGE_SIZE)) : 1;
  const total = queue ? Object.values(queue.by_status).reduce((a, b) => a + (b ?? 0), 0) : 0;
  return (
    <OfficerFrame data={data} page="proposals" heading="Proposals">
      {process && (
        <>
          <form method="get" action="/budgeting/officer/proposals/" className="wt-filters">
            <input type="hidden" name="id" value={data.id} />
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="status">
                Show
              </label>
              <select className="govuk-select" id="status" name="status" defaultValue={status}>
                <option value="">Every proposal ({total})</option>
                {STATUS_ORDER.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_WORDS[s].name} ({queue?.by_status[s] ?? 0})
                  </option>
                ))}
              </select>{' '}
              <button type="submit" className="govuk-button govuk-button--secondary wt-inline-button">
                Show these
              </button>
            </div>
          </form>
          {problem && <RefusedBox problem={problem} />}
          {!queue && !problem && <Loading>Loading the proposals…</Loading>}
          {queue && (
            <>
              <p className="govuk-body" role="status">
                {queue.total === 0
                  ? 'No proposals here.'
                  : `Showing ${(page - 1) * PAGE_SIZE + 1} to ${Math.min(page * PAGE_SIZE, queue.total)} of ${queue.total}.`}
              </p>
              <ol className="govuk-list wt-proposal-queue">
                {queue.proposals.map((p) => (
                  <li key={p.id} className="wt-card" data-testid={`proposal-${p.number}`}>
                    <h2 className="govuk-heading-s">
                      {p.number}. {p.title}{' '}
                      <strong className={`govuk-tag ${STATUS_WORDS[p.status].tag}`}>{STATUS_WORDS[p.status].name}</strong>
                    </h2>
                    <p className="govuk-body-s">
                      {[p.ward, p.category].filter(Boolean).join(', ')}. Estimated {formatAmount(p.estimated_cost, process.currency)}
                      {p.checked_cost !== null && <>, checked {formatAmount(p.checked_cost, process.currency)}</>}. By{' '}
                      {p.author_name ?? 'someone no longer signed up'}.
                    </p>
                    <p className="govuk-body">{p.summary}</p>
                    {p.status_reason && (
                      <p className="govuk-body">
                        <strong>{p.status === 'hidden' ? 'Why it is hidden (the proposer reads this):' : 'Reason:'}</strong>{' '}
                        {p.status_reason}
                      </p>
                    )}
                    {p.feasibility_note && p.status !== 'not_feasible' && (
                      <p className="govuk-body">
                        <strong>Feasibility note:</strong> {p.feasibility_note}
                      </p>
                    )}
                    {p.merged_into_number !== null && <p className="govuk-body">Merged into proposal {p.merged_into_number}.</p>}
                    <p className="govuk-body-s">
                      <a className="govuk-link" href={`/budgeting/proposal/?id=${p.id}`}>
                        Public page<span className="govuk-visually-hidden"> of {p.title}</span>
                      </a>
                    </p>
                    <ProposalActions proposal={p} phase={process.phase} inPlay={inPlay} onChanged={reload} />
                  </li>
                ))}
              </ol>
              {pages > 1 && (
                <nav className="govuk-pagination" aria-label="Pages of proposals">
                  {page > 1 && (
                    <div className="govuk-pagination__prev">
                      <a className="govuk-link govuk-pagination__link" href={href(status, page - 1)} rel="prev">
                        <span className="govuk-pagination__link-title">
                          Previous<span className="govuk-visually-hidden"> page</span>
                        </span>
                      </a>
                    </div>
                  )}
                  <ul className="govuk-pagination__list">
                    {pageNumbers(page, pages).map((n, i) =>
                      n === null ? (
                        <li key={`gap${i}`} className="govuk-pagination__item govuk-pagination__item--ellipses">
                          &ctdot;
                        </li>
                      ) : (
                        <li key={n} className={`govuk-pagination__item${n === page ? ' govuk-pagination__item--current' : ''}`}>
                          <a
                            className="govuk-link govuk-pagination__link"
                            href={href(status, n)}
                            aria-label={`Page ${n}`}
                            aria-current={n === page ? 'page' : undefined}
                          >
                            {n}
                          </a>
                        </li>
                      ),
                    )}
                  </ul>
                  {page < pages && (
                    <div className="govuk-pagination__next">
                      <a className="govuk-link govuk-pagination__link" href={href(status, page + 1)} rel="next">
                        <span className="govuk-pagination__link-title">
                          Next<span className="govuk-visually-hidden"> page</span>
                        </span>
                      </a>
                    </div>
                  )}
                </nav>
              )}
            </>
          )}
        </>
      )}
    </OfficerFrame>
  );
}
