// How many voters are better off under each way of counting, as bars with their numbers in
// words beside them, then the projects each way funds as a table. Plain markup and SVG, no
// script: an Astro page renders it to HTML, and an island can render it from fetched data.

import type { ComparisonExplanation } from '../../lib/pb/explain/index.ts';
import { EQUAL_SHARES_LABEL, GREEDY_LABEL } from '../../lib/pb/explain/index.ts';

const BAR_COLOURS = ['#4c2a85', '#8f3b00', '#505a5f'];

type Props = { readonly comparison: ComparisonExplanation; readonly id?: string };

export default function ComparisonChart({ comparison, id = 'comparison' }: Props) {
  const most = Math.max(1, ...comparison.bars.map((b) => b.value));
  return (
    <>
      <figure className="wt-bar-chart" aria-labelledby={`${id}-caption`}>
        <figcaption className="govuk-body govuk-!-font-weight-bold" id={`${id}-caption`}>
          Which way of counting voters are better off with
        </figcaption>
        <ul className="wt-bar-chart__bars">
          {comparison.bars.map((bar, i) => (
            <li key={bar.label} className="wt-bar-chart__row">
              <span className="wt-bar-chart__label">
                {bar.label}:{' '}
                <strong>
                  {bar.value.toLocaleString('en-GB')} {bar.value === 1 ? 'voter' : 'voters'}
                </strong>
              </span>
              <svg className="wt-bar-chart__bar" aria-hidden="true" focusable="false" width="100%" height="24">
                <rect x="0" y="0" height="24" width={`${(bar.value / most) * 100}%`} fill={BAR_COLOURS[i % BAR_COLOURS.length]} />
              </svg>
            </li>
          ))}
        </ul>
      </figure>
      <table className="govuk-table wt-comparison-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Which projects each way would fund</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Project
            </th>
            <th scope="col" className="govuk-table__header">
              {EQUAL_SHARES_LABEL}
            </th>
            <th scope="col" className="govuk-table__header">
              {GREEDY_LABEL}
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {comparison.rows.map((row) => (
            <tr key={row.name} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {row.name}
              </th>
              <td className="govuk-table__cell">{row.equalShares ? 'Funded' : 'Not funded'}</td>
              <td className="govuk-table__cell">{row.greedy ? 'Funded' : 'Not funded'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
