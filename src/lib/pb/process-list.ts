// The live list of budgeting processes on /budgeting/, as HTML: each process's stage with its
// dates, its budget and area, linking to its own page.
import type { PbProcessSummary } from '../api/pb-residents';
import { escapeHtml as e } from '../html.ts';
import { formatPounds } from '../money.ts';
import { PHASE_WORDS } from './phase-words.ts';
import { datesText } from './process-view.ts';

export function processListHtml(processes: PbProcessSummary[]): string {
  if (processes.length === 0) return '<p class="govuk-body">There are no budgeting processes yet. Check back soon.</p>';
  const items = processes.map((p) => {
    const dates = datesText(p.phases.find((d) => d.phase === p.phase));
    return `<li class="wt-process-list__item">
<h3 class="govuk-heading-s govuk-!-margin-bottom-1"><a class="govuk-link" href="/budgeting/process/?p=${encodeURIComponent(p.slug)}">${e(p.title)}</a></h3>
<p class="govuk-body govuk-!-margin-bottom-1"><strong class="govuk-tag govuk-tag--blue">${e(PHASE_WORDS[p.phase].name)}</strong>${dates ? ` ${e(dates)}` : ''}</p>
<p class="govuk-body govuk-!-margin-bottom-0">${e(formatPounds(p.budget))} for ${e(p.area)}</p>
</li>`;
  });
  return `<ul class="govuk-list" data-testid="process-list">${items.join('')}</ul>`;
}
