// "Grants awarded" on /grants/: the awards the Cabinet decided in published rounds, by fund and
// round, read live from the API so a round shows as soon as an officer publishes it. Each round
// offers its 360Giving data as JSON and as CSV.
import { grantsCsv, packageFileName, type GivingPackage } from '../lib/grants/giving360.ts';
import { longDate } from '../lib/dates.ts';
import { escapeHtml as e } from '../lib/html.ts';
import { formatPounds } from '../lib/money.ts';

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
const url = import.meta.env.PUBLIC_SUPABASE_URL as string | undefined;
const key = import.meta.env.PUBLIC_SUPABASE_ANON_KEY as string | undefined;

async function rpc<T>(fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${url}/rest/v1/rpc/${fn}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', apikey: key!, Authorization: `Bearer ${key}` },
    body: JSON.stringify(args),
  });
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as T;
}

function save(name: string, type: string, text: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

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
<button type="button" class="wt-link-button govuk-link" data-round="${e(first.round_id)}" data-format="json">JSON<span class="govuk-visually-hidden"> for ${e(first.round_title)}</span></button> or
<button type="button" class="wt-link-button govuk-link" data-round="${e(first.round_id)}" data-format="csv">CSV<span class="govuk-visually-hidden"> for ${e(first.round_title)}</span></button></p>
</section>`;
    })
    .join('');
}

async function start() {
  if (!box || !url || !key) return;
  box.innerHTML = '<p class="govuk-body">Loading the grants awarded…</p>';
  try {
    render(await rpc<Award[]>('published_awards'));
  } catch {
    box.innerHTML = '<p class="govuk-body">We could not load the grants awarded just now. Please try again later.</p>';
    return;
  }
  box.addEventListener('click', async (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-round]');
    if (!button) return;
    const data = await rpc<GivingPackage>('grant_round_360giving', { p_round_id: button.dataset.round });
    if (button.dataset.format === 'csv') save(packageFileName(data.round_title, 'csv'), 'text/csv;charset=utf-8', grantsCsv(data.grants));
    else save(packageFileName(data.round_title, 'json'), 'application/json', JSON.stringify(data, null, 2));
  });
}

void start();
