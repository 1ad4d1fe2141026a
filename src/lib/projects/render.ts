// One project in the list, as HTML. The pre-built pages and the filter island both use this, so
// a project looks the same whether or not JavaScript runs.
import { labelOf, LEAD_AREAS, STAGES, STAIRCASE } from '../content/vocabulary.ts';
import { monthYear } from '../dates.ts';
import { escapeHtml as e } from '../html.ts';
import type { ProjectSummary } from './listing.ts';

export function projectItemHtml(p: ProjectSummary): string {
  // The spaces keep search's extracted text apart ("Lead area Adult Social Care", not "Lead areaAdult…");
  // the facts are flex items, so the spaces do not show.
  const fact = (term: string, value: string) => `<div><dt>${term}</dt> <dd>${value}</dd></div>`;
  return `<li class="wt-project">
<h3 class="govuk-heading-m wt-project__title"><a class="govuk-link" href="/projects/${e(p.slug)}/">${e(p.title)}</a></h3>
<p class="govuk-body">${e(p.summary)}</p>
<dl class="wt-project__facts govuk-body-s">${[
    fact('Lead area', e(labelOf(LEAD_AREAS, p.leadArea))),
    fact('Stage', e(labelOf(STAGES, p.stage))),
    fact('Step', e(labelOf(STAIRCASE, p.staircaseStep))),
    // Updates are monthly, so the month is as exact as we can honestly be.
    fact('Last updated', `<time datetime="${e(p.latest.slice(0, 7))}">${monthYear(p.latest)}</time>`),
  ].join(' ')}</dl>
</li>`;
}
