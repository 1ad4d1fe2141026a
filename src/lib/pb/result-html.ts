// A count explained for residents, as HTML: what was funded and what is left, each voter's share,
// how each funded project was paid for, why others were not, and the comparison with most votes
// first (bars and a table). Plain TypeScript, so one piece serves the static "how votes are
// counted" page (set:html), the public results page's small script (its weight has no room for
// React) and the officer's preview before publishing. Every name is escaped.
import { columnHeaderHtml as th, escapeHtml, tableHtml as table } from '../html';
import type { ComparisonExplanation, Explanation } from './explain/index';
import { EQUAL_SHARES_LABEL, GREEDY_LABEL, money } from './explain/index';

const HOW: Record<Explanation['funded']['projects'][number]['fundedBy'], string> = {
  'equal-shares': "Paid for by its supporters' shares",
  free: 'Cost nothing',
  'greedy-fill': 'Paid for from money left over',
  greedy: 'Most votes first',
};

const BAR_COLOURS = ['#4c2a85', '#8f3b00', '#505a5f'];

const e = escapeHtml;
const para = (text: string) => `<p class="govuk-body">${e(text)}</p>`;
const count = (n: number) => n.toLocaleString('en-GB');

/** How many voters are better off under each way of counting, then what each way funds. */
export function comparisonHtml(comparison: ComparisonExplanation, id = 'comparison'): string {
  const most = Math.max(1, ...comparison.bars.map((b) => b.value));
  const bars = comparison.bars
    .map(
      (bar, i) =>
        `<li class="wt-bar-chart__row"><span class="wt-bar-chart__label">${e(bar.label)}: <strong>${count(bar.value)} ${bar.value === 1 ? 'voter' : 'voters'}</strong></span>` +
        `<svg class="wt-bar-chart__bar" aria-hidden="true" focusable="false" width="100%" height="24"><rect x="0" y="0" height="24" width="${(bar.value / most) * 100}%" fill="${BAR_COLOURS[i % BAR_COLOURS.length]}"></rect></svg></li>`,
    )
    .join('');
  const rows = comparison.rows
    .map(
      (row) =>
        `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${e(row.name)}</th>` +
        `<td class="govuk-table__cell">${row.equalShares ? 'Funded' : 'Not funded'}</td><td class="govuk-table__cell">${row.greedy ? 'Funded' : 'Not funded'}</td></tr>`,
    )
    .join('');
  return (
    `<figure class="wt-bar-chart" aria-labelledby="${e(id)}-caption"><figcaption class="govuk-body govuk-!-font-weight-bold" id="${e(id)}-caption">Which way of counting voters are better off with</figcaption>` +
    `<ul class="wt-bar-chart__bars">${bars}</ul></figure>` +
    table('Which projects each way would fund', th('Project') + th(EQUAL_SHARES_LABEL) + th(GREEDY_LABEL), rows, ' wt-comparison-table')
  );
}

/** The whole explanation; `id` prefixes its heading ids, so two can share a page. */
export function resultHtml(explanation: Explanation, id = 'result'): string {
  const m = (x: number) => e(money(x, explanation.currency));
  const { funded, notFunded, comparison } = explanation;
  const section = (headingId: string, heading: string, sentences: readonly string[]) =>
    `<section aria-labelledby="${e(headingId)}"><h3 class="govuk-heading-s" id="${e(headingId)}">${heading}</h3>${para(sentences.join(' '))}</section>`;
  const parts = ['<h2 class="govuk-heading-m">What was funded</h2>', para(funded.sentences.join(' '))];
  if (funded.projects.length > 0) {
    const rows = funded.projects
      .map(
        (p) =>
          `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${e(p.name)} <span class="wt-result__how">${e(HOW[p.fundedBy])}</span></th>` +
          `<td class="govuk-table__cell govuk-table__cell--numeric">${m(p.cost)}</td><td class="govuk-table__cell govuk-table__cell--numeric">${count(p.votes)}</td></tr>`,
      )
      .join('');
    parts.push(table('Funded projects, in the order they were chosen', th('Project') + th('Cost', true) + th('Votes', true), rows));
  }
  parts.push(
    `<h2 class="govuk-heading-m">${e(explanation.rule === 'equal-shares' ? "Each voter's share" : 'How the projects were chosen')}</h2>`,
  );
  parts.push(...explanation.share.map(para));
  if (explanation.payments.length > 0) {
    parts.push('<h2 class="govuk-heading-m">How each project was paid for</h2>');
    parts.push(...explanation.payments.map((p) => section(`${id}-paid-${p.projectId}`, e(p.name), p.sentences)));
  }
  if (notFunded.length > 0) {
    const ordered = [...notFunded.filter((p) => p.popular), ...notFunded.filter((p) => !p.popular)];
    parts.push('<h2 class="govuk-heading-m">Why other projects were not funded</h2>');
    parts.push(
      ...ordered.map((p) =>
        section(
          `${id}-not-${p.projectId}`,
          `${e(p.name)} (${m(p.cost)}, ${count(p.votes)} ${p.votes === 1 ? 'vote' : 'votes'})`,
          p.sentences,
        ),
      ),
    );
  }
  if (comparison) {
    parts.push('<h2 class="govuk-heading-m">Compared with most votes first</h2>', ...comparison.sentences.map(para));
    parts.push(comparisonHtml(comparison, `${id}-comparison`));
  }
  return `<div class="wt-result">${parts.join('')}</div>`;
}
