// A ballot as HTML text, the one renderer for the public check-ballot page's script
// (src/browser/pb-check-ballot.ts) and the voting islands (src/islands/pb/vote/CurrentVote.tsx).
import type { PbBallotItem, PbReceiptCheck } from '../api/pb-residents';
import { columnHeaderHtml, escapeHtml as e, tableHtml } from '../html';
import { formatPounds } from '../money';
import { momentAt } from './when';

/** The projects a ballot chose, with their checked costs and the total. */
export function ballotTableHtml(items: PbBallotItem[], total: number, caption: string): string {
  const row = (name: string, cost: string) =>
    `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${name}</th><td class="govuk-table__cell govuk-table__cell--numeric">${cost}</td></tr>`;
  const rows =
    items.map((p) => row(e(p.title), formatPounds(p.checked_cost))).join('') + row('Total', `<strong>${formatPounds(total)}</strong>`);
  return tableHtml(caption, columnHeaderHtml('Project') + columnHeaderHtml('Cost', true), rows);
}

/** Whether the ballot with this receipt counts: replaced by a later vote, counted, or waiting. */
function verdictHtml(check: PbReceiptCheck): string {
  const verdict = (tag: string, colour: string, words: string) =>
    `<p class="govuk-body" data-testid="verdict"><strong class="govuk-tag govuk-tag--${colour}">${tag}</strong> ${words}</p>`;
  if (check.replaced) {
    const when = check.replaced_at ? ` at ${momentAt(check.replaced_at)}` : '';
    return verdict(
      'Replaced',
      'grey',
      `This ballot was replaced by a later vote${when}, so it is not counted. Only the last vote a person sends counts; the later one has its own receipt code.`,
    );
  }
  if (check.counted) {
    const when = check.counted_at ? ` at ${momentAt(check.counted_at)}` : '';
    const results = `/budgeting/results/?p=${encodeURIComponent(check.process.slug)}`;
    return verdict(
      'Counted',
      'green',
      `This ballot was counted${when}. <a class="govuk-link" href="${e(results)}">See the results of ${e(check.process.title)}</a>.`,
    );
  }
  return verdict(
    'In the ballot box',
    'blue',
    'This ballot is in the ballot box and will be counted when voting closes. It has not been counted yet.',
  );
}

/** What a receipt check found: the vote, whether it counts, and what it chose. */
export function receiptCheckHtml(check: PbReceiptCheck): string {
  const how = check.channel === 'paper' ? 'on paper' : 'online';
  const chose = check.proposals.length
    ? ballotTableHtml(check.proposals, check.total, 'What this ballot contained')
    : '<p class="govuk-body">This ballot chose no projects.</p>';
  return `<section aria-labelledby="check-title" data-testid="ballot-check">
<h2 class="govuk-heading-m" id="check-title" tabindex="-1">The ballot with this receipt</h2>
<p class="govuk-body">A vote in ${e(check.process.title)}, ${how}, at ${momentAt(check.cast_at)}.</p>
${verdictHtml(check)}${chose}</section>`;
}
