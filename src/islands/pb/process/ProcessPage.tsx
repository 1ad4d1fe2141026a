// /budgeting/process/?p=<slug>: one process. Its steps with their dates, the budget and area,
// how to take part now, and the way to its proposals.
import { formatPounds } from '../../../lib/money';
import { PHASE_WORDS } from '../../../lib/pb/phase-words';
import { isPhaseFrom } from '../../../lib/pb/phases';
import { takePartNow, timeline } from '../../../lib/pb/process-view';
import { Loading, NotFound, ProblemBox, queryParam } from './PbParts';
import { useProcess } from './useProcess';

export default function ProcessPage() {
  const loaded = useProcess(queryParam('p'));
  if (loaded.state === 'loading') return <Loading>Loading the process…</Loading>;
  if (loaded.state === 'missing')
    return (
      <NotFound title="We could not find that budgeting process">
        <p className="govuk-body">Check the web address, or choose a process from the list.</p>
      </NotFound>
    );
  if (loaded.state === 'problem') return <ProblemBox problem={loaded.problem} title="We could not load this process" />;
  const p = loaded.value;
  const now = takePartNow(p.phase, p.slug);
  const q = encodeURIComponent(p.slug);
  return (
    <>
      <span className="govuk-caption-l">Have your say on spending</span>
      <h1 className="govuk-heading-l">{p.title}</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Budget</dt>
          <dd className="govuk-summary-list__value">{formatPounds(p.budget)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Area</dt>
          <dd className="govuk-summary-list__value">{p.area}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Now</dt>
          <dd className="govuk-summary-list__value">{PHASE_WORDS[p.phase].name}</dd>
        </div>
      </dl>
      {p.description && <p className="govuk-body">{p.description}</p>}

      <h2 className="govuk-heading-m" id="take-part">
        How to take part now
      </h2>
      <p className="govuk-body">{now.text}</p>
      {now.link && (
        <a className="govuk-button" href={now.link.href}>
          {now.link.label}
        </a>
      )}

      <h2 className="govuk-heading-m" id="steps">
        The steps and their dates
      </h2>
      <ol className="wt-phases" data-testid="timeline">
        {timeline(p).map((s, i) => (
          <li
            key={s.phase}
            className={`wt-phases__item${s.state === 'now' ? ' wt-phases__item--now' : ''}`}
            aria-current={s.state === 'now' ? 'step' : undefined}
          >
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
              {i + 1}. {s.name}
              {s.state === 'now' && (
                <>
                  {' '}
                  <strong className="govuk-tag govuk-tag--blue">Now</strong>
                </>
              )}
              {s.state === 'done' && (
                <>
                  {' '}
                  <strong className="govuk-tag govuk-tag--grey">Finished</strong>
                </>
              )}
            </h3>
            <p className="govuk-body govuk-!-margin-bottom-1">{s.dates || 'Dates to be confirmed'}</p>
            <p className="govuk-body govuk-!-margin-bottom-0">{s.text}</p>
          </li>
        ))}
      </ol>

      <h2 className="govuk-heading-m" id="ideas">
        The ideas
      </h2>
      <p className="govuk-body">
        {isPhaseFrom(p.phase, 'voting')
          ? 'Read every idea, and what the council found when it checked each one.'
          : 'Read the ideas people have suggested so far.'}
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href={`/budgeting/proposals/?p=${q}`}>
          See the ideas for {p.title}
        </a>
      </p>
      {p.phase === 'proposals' && (
        <p className="govuk-body">
          <a className="govuk-link" href="/budgeting/my-proposals/">
            See the ideas you have suggested
          </a>
        </p>
      )}
    </>
  );
}
