// A count explained for residents: what was funded and what is left, each voter's share, how
// each funded project was paid for, why others were not, and the comparison with most votes
// first. It takes the explanation as props and uses no hooks, so a static page renders it to
// HTML with no JavaScript, and the results island can render the same from fetched data.

import type { Explanation } from '../../lib/pb/explain/index.ts';
import { money } from '../../lib/pb/explain/index.ts';
import ComparisonChart from './ComparisonChart.tsx';

type Props = {
  readonly explanation: Explanation;
  /** Prefix for ids, so two explanations can share a page. */
  readonly id?: string;
};

const HOW: Record<Explanation['funded']['projects'][number]['fundedBy'], string> = {
  'equal-shares': "Paid for by its supporters' shares",
  free: 'Cost nothing',
  'greedy-fill': 'Paid for from money left over',
  greedy: 'Most votes first',
};

function Sentences({ sentences }: { readonly sentences: readonly string[] }) {
  return <p className="govuk-body">{sentences.join(' ')}</p>;
}

export default function ResultExplanation({ explanation, id = 'result' }: Props) {
  const m = (x: number) => money(x, explanation.currency);
  const { funded, notFunded, comparison } = explanation;
  const popular = notFunded.filter((p) => p.popular);
  const others = notFunded.filter((p) => !p.popular);
  return (
    <div className="wt-result">
      <h2 className="govuk-heading-m">What was funded</h2>
      <Sentences sentences={funded.sentences} />
      {funded.projects.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Funded projects, in the order they were chosen</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Project
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Cost
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Votes
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {funded.projects.map((p) => (
              <tr key={p.projectId} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {p.name} <span className="wt-result__how">{HOW[p.fundedBy]}</span>
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{m(p.cost)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{p.votes.toLocaleString('en-GB')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className="govuk-heading-m">{explanation.rule === 'equal-shares' ? "Each voter's share" : 'How the projects were chosen'}</h2>
      {explanation.share.map((s) => (
        <p key={s} className="govuk-body">
          {s}
        </p>
      ))}

      {explanation.payments.length > 0 && (
        <>
          <h2 className="govuk-heading-m">How each project was paid for</h2>
          {explanation.payments.map((p) => (
            <section key={p.projectId} aria-labelledby={`${id}-paid-${p.projectId}`}>
              <h3 className="govuk-heading-s" id={`${id}-paid-${p.projectId}`}>
                {p.name}
              </h3>
              <Sentences sentences={p.sentences} />
            </section>
          ))}
        </>
      )}

      {notFunded.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Why other projects were not funded</h2>
          {[...popular, ...others].map((p) => (
            <section key={p.projectId} aria-labelledby={`${id}-not-${p.projectId}`}>
              <h3 className="govuk-heading-s" id={`${id}-not-${p.projectId}`}>
                {p.name} ({m(p.cost)}, {p.votes.toLocaleString('en-GB')} {p.votes === 1 ? 'vote' : 'votes'})
              </h3>
              <Sentences sentences={p.sentences} />
            </section>
          ))}
        </>
      )}

      {comparison && (
        <>
          <h2 className="govuk-heading-m">Compared with most votes first</h2>
          {comparison.sentences.map((s) => (
            <p key={s} className="govuk-body">
              {s}
            </p>
          ))}
          <ComparisonChart comparison={comparison} id={`${id}-comparison`} />
        </>
      )}
    </div>
  );
}
