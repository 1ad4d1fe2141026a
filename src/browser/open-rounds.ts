// "Open for applications" on /grants/: the rounds an officer has opened (now, or from a later
// date), read live from api.open_rounds so a round shows the moment it opens and leaves once it
// closes. Each says what the fund pays for, how much, who can apply, the dates (with "Closes in 3
// days" near the end) and what the panel will score, then offers the eligibility check first and
// the application second. A plain script, not React: this page's weight matters to people on slow
// phones (tests/e2e/budget.spec.ts).
import type { OpenRound } from '../lib/api/eligibility.ts';
import { longDate } from '../lib/dates.ts';
import { checkAddress, closingSoon } from '../lib/grants/eligibility.ts';
import { escapeHtml as e } from '../lib/html.ts';
import { formatPounds } from '../lib/money.ts';
import { publicRpc } from '../lib/public-rpc.ts';

const box = document.getElementById('open-rounds');

const row = (key: string, value: string) =>
  `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${key}</dt><dd class="govuk-summary-list__value">${value}</dd></div>`;

function criteria(r: OpenRound): string {
  if (r.criteria.length === 0) return '';
  const total = r.criteria.reduce((sum, c) => sum + Number(c.weight), 0);
  const items = r.criteria
    .map((c) => {
      const share = Math.round((Number(c.weight) / total) * 100);
      return `<li><strong>${e(c.title)}</strong> (${share}% of the score)${c.guidance ? `<br>${e(c.guidance)}` : ''}</li>`;
    })
    .join('');
  return `<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">What the panel will score<span class="govuk-visually-hidden"> for ${e(r.round_title)}</span></span></summary>
<div class="govuk-details__text"><p class="govuk-body">Panel members score each application on its own against these criteria:</p><ul class="govuk-list govuk-list--bullet">${items}</ul></div></details>`;
}

function card(r: OpenRound): string {
  const id = `open-${e(r.round_id)}`;
  const soon = r.status === 'open' ? closingSoon(r.days_left) : null;
  const tag =
    r.status === 'opens_soon'
      ? '<strong class="govuk-tag govuk-tag--blue">Opens soon</strong>'
      : `<strong class="govuk-tag${soon ? ' govuk-tag--orange' : ' govuk-tag--green'}">${soon ?? 'Open'}</strong>`;
  const dates = [
    r.opens_on && r.status === 'opens_soon' ? `Opens on ${longDate(r.opens_on)}` : '',
    r.closes_on ? `Closes at 11:59pm on ${longDate(r.closes_on)}` : 'No closing date yet',
  ]
    .filter(Boolean)
    .join('<br>');
  const actions = [
    `<a class="govuk-button" href="${e(checkAddress(r.fund.slug, 'start'))}">Check if you can apply<span class="govuk-visually-hidden"> to the ${e(r.fund.name)}</span></a>`,
    r.status === 'open'
      ? `<a class="govuk-button govuk-button--secondary" href="/grants/apply/?round=${encodeURIComponent(r.round_id)}">Start your application<span class="govuk-visually-hidden"> to ${e(r.round_title)}</span></a>`
      : '',
  ].join('');
  return `<li class="wt-card" data-testid="open-round">
<h3 class="govuk-heading-s" id="${id}">${e(r.fund.name)}: ${e(r.round_title)}</h3>
<p class="govuk-body">${tag}</p>
<dl class="govuk-summary-list">
${row('What it pays for', e(r.fund.description || r.fund.name))}
${row('How much', `${formatPounds(Number(r.fund.budget))} ${e(r.fund.budget_period)} in all`)}
${r.fund.who_can_apply ? row('Who can apply', e(r.fund.who_can_apply)) : ''}
${row('Dates', dates)}
</dl>
${criteria(r)}
<div class="govuk-button-group">${actions}</div>
</li>`;
}

async function start() {
  if (!box) return;
  box.innerHTML = '<p class="govuk-body">Loading the funds open for applications…</p>';
  try {
    const rounds = await publicRpc<OpenRound[]>('open_rounds');
    box.innerHTML =
      rounds.length === 0
        ? '<p class="govuk-body">No fund is open for applications just now. Funds usually open once a year: come back to this page, or <a class="govuk-link" href="/contact/">ask the grants team</a> when the next one opens.</p>'
        : `<ul class="wt-card-list wt-card-list--wide">${rounds.map(card).join('')}</ul>`;
  } catch {
    box.innerHTML = '<p class="govuk-body">We could not load the funds open for applications just now. Please try again later.</p>';
  }
}

void start();
