// The live part of /budgeting/results/?p=<slug>: a process's published count, explained for
// residents (src/lib/pb/result-html.ts), and the ballot file that was counted, with its sha256,
// so anyone can count it again. A page script, not a React island: this is a public page whose
// weight budget has no room for React or supabase-js (its calls are anonymous, pb-public.ts).
// The file is fetched when asked for, not with the page: a large vote's file is far bigger than
// everything else on it.
import type { ApiResult } from '../lib/api-problem';
import { getPublicProcess, pbPublishedBallotFile, pbResult } from '../lib/api/pb-public';
import type { PbProcess } from '../lib/api/pb-residents';
import type { PbResult } from '../lib/api/pb-results';
import { errorMessageHtml, escapeHtml as e } from '../lib/html';
import { explainResult } from '../lib/pb/explain/index';
import { pbProblemWords } from '../lib/pb/refusal-words';
import { resultHtml } from '../lib/pb/result-html';
import { dayAt } from '../lib/pb/when';
import { onePress } from './one-press';

const box = document.getElementById('pb-results');
const slug = new URLSearchParams(location.search).get('p')?.trim() ?? '';

const heading = (title?: string) =>
  `<h1 class="govuk-heading-l">${title ? `<span class="govuk-caption-l">${e(title)}</span>` : ''}Results</h1>`;

function showProblem(problem: string, process?: PbProcess) {
  const link = process
    ? `<a class="govuk-link" href="/budgeting/process/?p=${encodeURIComponent(process.slug)}">Read about ${e(process.title)}</a>`
    : '<a class="govuk-link" href="/budgeting/">See every budgeting process</a>';
  box!.innerHTML = `${heading(process?.title)}<p class="govuk-body" data-testid="results-problem">${e(problem)}</p><p class="govuk-body">${link}</p>`;
}

function downloadHtml(r: PbResult): string {
  return `<section aria-labelledby="ballots-title"><h2 class="govuk-heading-m" id="ballots-title">Check the count yourself</h2>
<p class="govuk-body">You can download all ${r.ballots.toLocaleString('en-GB')} ballots that were counted. They do not say who anyone is: each voter has a random number instead of a name.</p>
<div data-download-error></div>
<button type="button" class="govuk-button govuk-button--secondary" data-download>Download the ballot file (.pb)</button>
<p class="govuk-body">The file’s sha256 fingerprint is <code class="wt-sha256" data-testid="sha256">${e(r.sha256)}</code>. If the file you download has the same fingerprint, it is exactly the file that was counted.</p>
<p class="govuk-body">Anyone can count it again: with a copy of this website’s code, run <code>npm run pb -- count</code> followed by the file’s name, or use any program that reads pabulib .pb files, and you will get the same winners. <a class="govuk-link" href="/budgeting/how-votes-are-counted/">How votes are counted</a>.</p></section>`;
}

/** The ballot file, fetched when asked for (one press, one request: one-press.ts). */
function wireDownload(processId: string) {
  const button = box!.querySelector<HTMLButtonElement>('[data-download]')!;
  const error = box!.querySelector<HTMLElement>('[data-download-error]')!;
  const download = async () => {
    error.innerHTML = '';
    button.removeAttribute('aria-describedby');
    const file = await pbPublishedBallotFile({ p_process_id: processId }, 'form');
    if (!file.ok) {
      error.innerHTML = errorMessageHtml('download-error', pbProblemWords(file, 'results'));
      button.setAttribute('aria-describedby', 'download-error');
      return;
    }
    const url = URL.createObjectURL(new Blob([file.data.ballot_file], { type: 'text/plain;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: file.data.file_name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  button.addEventListener('click', onePress(button, 'Preparing the file…', download));
}

async function show() {
  if (!slug) return showProblem('This link does not say which results to show.');
  const process: ApiResult<PbProcess> = await getPublicProcess({ p_slug: slug });
  if (!process.ok) return showProblem(pbProblemWords(process));
  const result = await pbResult({ p_process_id: process.data.id });
  if (!result.ok) return showProblem(pbProblemWords(result, 'results'), process.data);
  const r = result.data;
  const names = Object.fromEntries(r.projects.map((p) => [p.project_id, p.title]));
  const published = r.published_at ? ` and the results published on ${dayAt(r.published_at)}` : '';
  box!.innerHTML =
    heading(process.data.title) +
    `<p class="govuk-body wt-lead">${r.ballots.toLocaleString('en-GB')} people voted on how to spend ${e(process.data.title)}’s budget. The votes were counted on ${dayAt(r.counted_at)}${published}.</p>` +
    resultHtml(explainResult({ result: r.result, names }), 'result') +
    downloadHtml(r);
  wireDownload(process.data.id);
}

if (box) void show();
