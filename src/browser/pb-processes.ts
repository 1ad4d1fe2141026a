// "Budgeting processes" on /budgeting/: read live from the API, so a process shows as soon as
// officers open it. Without JavaScript the page's explanation still reads in full.
import { processListHtml } from '../lib/pb/process-list.ts';
import { publicRpc } from '../lib/public-rpc.ts';
import type { PbProcessSummary } from '../lib/api/pb-residents';

const box = document.getElementById('pb-processes');
if (box) {
  publicRpc<PbProcessSummary[]>('pb_processes')
    .then((processes) => {
      box.innerHTML = processListHtml(processes);
    })
    .catch(() => {
      box.innerHTML = '<p class="govuk-body">We could not load the list of processes just now. Try again in a few minutes.</p>';
    });
}
