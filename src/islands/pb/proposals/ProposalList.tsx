// /budgeting/proposals/?p=<slug>&ward=&category=&status=&q=&page=: a process's ideas, filtered
// by ward, category and status, searched, a page at a time. The filters are a plain GET form
// and the pages plain links, so every filtered page has its own address (share it, and Back
// returns to it). Hidden, withdrawn and merged ideas are never listed (the database's rule).
import { useEffect, useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { listProposals, type PbProcess, type PbProposalPage } from '../../../lib/api/pb-residents';
import { formatPounds } from '../../../lib/money';
import { pageNumbers } from '../../../lib/pagination';
import {
  filtersQuery,
  isFiltered,
  listArgs,
  pageCount,
  parseFilters,
  PUBLIC_STATUSES,
  type ProposalFilters,
} from '../../../lib/pb/proposal-filters';
import { refusalWords } from '../../../lib/pb/proposal-refusals';
import { STATUS_WORDS } from '../../../lib/pb/proposal-status';
import { Select } from '../../ui/Select';
import { TextInput } from '../../ui/TextInput';
import { Loading, NotFound, ProblemBox, StatusTag } from '../process/PbParts';
import { useProcess } from '../process/useProcess';

function Filters({ process, filters }: { process: PbProcess; filters: ProposalFilters }) {
  const [f, setF] = useState(filters);
  return (
    <form className="wt-proposal-filters" method="get" action="/budgeting/proposals/" role="search" aria-label="Filter the ideas">
      <input type="hidden" name="p" value={process.slug} />
      <TextInput
        id="q"
        label="Search the ideas"
        labelSize="s"
        hint="Words from the idea's title or description"
        value={f.q}
        onChange={(q) => setF({ ...f, q })}
        maxLength={200}
      />
      {process.wards.length > 0 && (
        <Select id="ward" label="Part of the area" labelSize="s" value={f.ward} onChange={(ward) => setF({ ...f, ward })}>
          <option value="">All parts of the area</option>
          {process.wards.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </Select>
      )}
      {process.categories.length > 0 && (
        <Select id="category" label="Kind of project" labelSize="s" value={f.category} onChange={(category) => setF({ ...f, category })}>
          <option value="">All kinds</option>
          {process.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      )}
      <Select
        id="status"
        label="Status"
        labelSize="s"
        value={f.status}
        onChange={(status) => setF({ ...f, status: status as ProposalFilters['status'] })}
      >
        <option value="">Any status</option>
        {PUBLIC_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_WORDS[s].label}
          </option>
        ))}
      </Select>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-!-margin-bottom-0">
          Show ideas
        </button>
        {isFiltered(filters) && (
          <a className="govuk-link" href={filtersQuery({ ...filters, ward: '', category: '', status: '', q: '', page: 1 })}>
            Clear the filters
          </a>
        )}
      </div>
    </form>
  );
}

function Pagination({ filters, pages }: { filters: ProposalFilters; pages: number }) {
  if (pages <= 1) return null;
  const href = (page: number) => filtersQuery({ ...filters, page });
  const at = filters.page;
  return (
    <nav className="govuk-pagination" aria-label="Pages of ideas">
      {at > 1 && (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href={href(at - 1)} rel="prev">
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </a>
        </div>
      )}
      <ul className="govuk-pagination__list">
        {pageNumbers(at, pages).map((n, i) =>
          n === null ? (
            <li key={`gap${i}`} className="govuk-pagination__item govuk-pagination__item--ellipses">
              &ctdot;
            </li>
          ) : (
            <li key={n} className={`govuk-pagination__item${n === at ? ' govuk-pagination__item--current' : ''}`}>
              <a
                className="govuk-link govuk-pagination__link"
                href={href(n)}
                aria-label={`Page ${n}`}
                aria-current={n === at ? 'page' : undefined}
              >
                {n}
              </a>
            </li>
          ),
        )}
      </ul>
      {at < pages && (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href={href(at + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
          </a>
        </div>
      )}
    </nav>
  );
}

function Results({ process, filters }: { process: PbProcess; filters: ProposalFilters }) {
  const [page, setPage] = useState<PbProposalPage>();
  const [problem, setProblem] = useState<ApiProblem>();
  useEffect(() => {
    void listProposals(listArgs(process.id, filters), 'form').then((r) => (r.ok ? setPage(r.data) : setProblem(r)));
  }, [process.id, filters]);
  if (problem) return <ProblemBox problem={{ ...problem, message: refusalWords(problem) }} title="We could not show these ideas" />;
  if (!page) return <Loading>Loading the ideas…</Loading>;
  const pages = pageCount(page.total);
  const first = (page.page - 1) * page.page_size + 1;
  const last = first + page.proposals.length - 1;
  return (
    <>
      <p className="govuk-body" role="status" data-testid="proposal-count">
        {page.total === 0 ? 'No ideas match.' : page.total === 1 ? '1 idea.' : `${page.total} ideas.`}
        {page.proposals.length > 0 && pages > 1 && ` Showing ${first} to ${last}.`}
      </p>
      {page.total > 0 && page.proposals.length === 0 && (
        <p className="govuk-body">
          That page does not exist.{' '}
          <a className="govuk-link" href={filtersQuery({ ...filters, page: 1 })}>
            Go to the first page
          </a>
        </p>
      )}
      {page.total === 0 && isFiltered(filters) && <p className="govuk-body">Try fewer words, or clear the filters.</p>}
      <ul className="govuk-list" data-testid="proposal-list">
        {page.proposals.map((x) => (
          <li key={x.id} className="wt-proposal-list__item">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
              <a className="govuk-link" href={`/budgeting/proposal/?id=${x.id}`}>
                {x.number}. {x.title}
              </a>
            </h3>
            <p className="govuk-body govuk-!-margin-bottom-1">
              <StatusTag status={x.status} />
            </p>
            <p className="govuk-body govuk-!-margin-bottom-1">{x.summary}</p>
            <p className="govuk-body-s govuk-!-margin-bottom-0">
              {[
                x.ward?.name ?? 'The whole area',
                x.category?.name,
                x.checked_cost !== null
                  ? `Checked cost ${formatPounds(x.checked_cost)}`
                  : `Estimated cost ${formatPounds(x.estimated_cost)}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </li>
        ))}
      </ul>
      <Pagination filters={filters} pages={pages} />
    </>
  );
}

export default function ProposalList() {
  const [filters] = useState(() => parseFilters(location.search));
  const loaded = useProcess(filters.p || undefined);
  if (loaded.state === 'loading') return <Loading>Loading the ideas…</Loading>;
  if (loaded.state === 'missing')
    return (
      <NotFound title="We could not find that budgeting process">
        <p className="govuk-body">Check the web address, or choose a process from the list.</p>
      </NotFound>
    );
  if (loaded.state === 'problem') return <ProblemBox problem={loaded.problem} title="We could not load this process" />;
  const process = loaded.value;
  return (
    <>
      <a className="govuk-back-link" href={`/budgeting/process/?p=${encodeURIComponent(process.slug)}`}>
        Back to {process.title}
      </a>
      <span className="govuk-caption-l">{process.title}</span>
      <h1 className="govuk-heading-l">The ideas</h1>
      {process.phase === 'proposals' && (
        <p className="govuk-body">
          <a className="govuk-link" href={`/budgeting/propose/?p=${encodeURIComponent(process.slug)}`}>
            Suggest a project of your own
          </a>
        </p>
      )}
      <Filters process={process} filters={filters} />
      <h2 className="govuk-heading-m">{isFiltered(filters) ? 'Ideas that match' : 'Every idea'}</h2>
      <Results process={process} filters={filters} />
    </>
  );
}
