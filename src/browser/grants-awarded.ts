// "Grants awarded" on /grants/: the awards the Cabinet decided in published rounds, by fund and
// round, read live from the API so a round shows as soon as an officer publishes it. Each round
// offers its 360Giving data as JSON and as CSV, and links to the round's 360Giving page.
import { longDate } from '../lib/dates.ts';
import { escapeHtml as e } from '../lib/html.ts';
import { formatPounds } from '../lib/money.ts';
import { publicRpc } from '../lib/public-rpc.ts';
import { downloadButtons, offerDownloads } from './giving360-download.ts';

interface Award {
  reference: string;
  organisation_name: string;
  project_title: string;
  amount: number;
  decided_on: string;
  fund_slug: string;
  fund_name: string;
  round_id: string;
  round_title: string;
}

const box = document.getElementById('grants-awarded');
// On /grants/round/?id=… the page shows one round, with its name as the heading.
const onlyRound = box?.dataset.mode === 'round' ? new URLSearchParams(location.search).get('id') : null;

function render(awards: Award[]) {
  const rounds = new Map<string, Award[]>();
  for (const a of awards) if (!onlyRound || a.round_id === onlyRound) rounds.set(a.round_id, [...(rounds.get(a.round_id) ?? []), a]);
  if (rounds.size === 0) {
    box!.innerHTML = onlyRound
      ? '<p class="govuk-body">We could not find published grants for this round. <a class="govuk-link" href="/grants/#awarded">See all grants awarded</a>.</p>'
      : '<p class="govuk-body">No grants have been published yet. When the Cabinet has decided a round, its awards appear here.</p>';
    return;
  }
  if (onlyRound) {
    const first = [...rounds.values()][0]![0]!;
    const heading = document.querySelector('h1');
    if (heading) heading.textContent = `Grants awarded: ${first.fund_name}, ${first.round_title}`;
    document.title = `Grants awarded: ${first.round_title} – Working Together`;
  }
  box!.innerHTML = [...rounds.values()]
    .map((list) => {
      const first = list[0]!;
      const total = list.reduce((sum, a) => sum + Number(a.amount), 0);
      return `<section class="wt-awards" aria-labelledby="round-${e(first.round_id)}">
<h3 class="govuk-heading-m" id="round-${e(first.round_id)}">${e(first.fund_name)}: ${e(first.round_title)}</h3>
<p class="govuk-body">${list.length} grant${list.length === 1 ? '' : 's'}, ${formatPounds(total)} in total.${onlyRound ? '' : ` <a class="govuk-link" href="/grants/round/?id=${e(first.round_id)}">Page for this round</a>`}</p>
<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Grants awarded in ${e(first.round_title)}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Organisation</th><th scope="col" class="govuk-table__header">Project</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Amount</th><th scope="col" class="govuk-table__header">Decided</th></tr></thead>
<tbody class="govuk-table__body">${list.map((a) => `<tr class="govuk-table__row"><td class="govuk-table__cell">${e(a.organisation_name)}</td><td class="govuk-table__cell">${e(a.project_title)}</td><td class="govuk-table__cell govuk-table__cell--numeric">${formatPounds(a.amount)}</td><td class="govuk-table__cell">${longDate(a.decided_on)}</td></tr>`).join('')}</tbody></table>
<p class="govuk-body">Download this round's data in the 360Giving standard:
${downloadButtons(e(first.round_id), e(first.round_title))}. <a class="govuk-link" href="/grants/360giving/?round=${e(first.round_id)}">About this round's 360Giving data<span class="govuk-visually-hidden"> for ${e(first.round_title)}</span></a></p>
</section>`;
    })
    .join('');
}

async function start() {
  if (!box) return;
  box.innerHTML = '<p class="govuk-body">Loading the grants awarded…</p>';
  try {
    render(await publicRpc<Award[]>('published_awards'));
  } catch {
    box.innerHTML = '<p class="govuk-body">We could not load the grants awarded just now. Please try again later.</p>';
    return;
  }
  offerDownloads(box);
}

void start();
