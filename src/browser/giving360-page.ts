// /grants/360giving/?round=<id>: the stable web address of a published round's 360Giving data.
// It shows the package's own details (title, publisher, licence, when it was issued and last
// changed, how many grants) and offers the files, read live from api.grant_round_360giving.
import { longDate } from '../lib/dates.ts';
import type { GivingPackage } from '../lib/grants/giving360.ts';
import { escapeHtml as e } from '../lib/html.ts';
import { formatPounds } from '../lib/money.ts';
import { downloadButtons, loadPackage, offerDownloads } from './giving360-download.ts';

const box = document.getElementById('giving360');
const roundId = new URLSearchParams(location.search).get('round') ?? '';

const row = (key: string, value: string) =>
  `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${key}</dt><dd class="govuk-summary-list__value">${value}</dd></div>`;

function render(pkg: GivingPackage) {
  const heading = document.querySelector('h1');
  if (heading) heading.textContent = `360Giving data: ${pkg.round_title}`;
  document.title = `360Giving data: ${pkg.round_title} – Working Together`;
  const total = pkg.grants.reduce((sum, g) => sum + Number(g.amountAwarded), 0);
  box!.innerHTML = `<p class="govuk-body">${e(pkg.description)}</p>
<dl class="govuk-summary-list">
${row('Title', e(pkg.title))}
${row('Grants', `${pkg.grants.length} grant${pkg.grants.length === 1 ? '' : 's'}, ${formatPounds(total)} in total`)}
${row('Publisher', `${e(pkg.publisher.name)} (${e(pkg.publisher.identifier)})`)}
${row('Issued', longDate(pkg.issued.slice(0, 10)))}
${row('Last changed', longDate(pkg.modified.slice(0, 10)))}
${row('Licence', `<a class="govuk-link" href="${e(pkg.license)}">Creative Commons Attribution 4.0</a>`)}
</dl>
<p class="govuk-body">Download the data: ${downloadButtons(e(roundId), e(pkg.round_title))}.</p>
<p class="govuk-body"><a class="govuk-link" href="/grants/round/?id=${e(roundId)}">See the grants awarded in this round</a></p>`;
}

async function start() {
  if (!box) return;
  const missing =
    '<p class="govuk-body">We could not find 360Giving data for this round. It may not be published yet, or it made no awards. <a class="govuk-link" href="/grants/#awarded">See all grants awarded</a>.</p>';
  if (!/^[0-9a-f-]{36}$/i.test(roundId)) {
    box.innerHTML = missing;
    return;
  }
  box.innerHTML = '<p class="govuk-body">Loading…</p>';
  try {
    render(await loadPackage(roundId));
  } catch (error) {
    box.innerHTML =
      String(error) === 'Error: 404' ? missing : '<p class="govuk-body">We could not load this data just now. Please try again later.</p>';
    return;
  }
  offerDownloads(box);
}

void start();
