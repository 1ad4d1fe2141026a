// Downloads a published round's 360Giving package as JSON or as the standard's CSV, for the page
// scripts that offer them (/grants/, /grants/round/ and /grants/360giving/).
import { grantsCsv, packageFileName, type GivingPackage } from '../lib/grants/giving360.ts';
import { publicRpc } from '../lib/public-rpc.ts';

function save(name: string, type: string, text: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

export const loadPackage = (roundId: string) => publicRpc<GivingPackage>('grant_round_360giving', { p_round_id: roundId });

export async function downloadPackage(roundId: string, format: 'json' | 'csv', pkg?: GivingPackage) {
  const data = pkg ?? (await loadPackage(roundId));
  if (format === 'csv') save(packageFileName(data.round_title, 'csv'), 'text/csv;charset=utf-8', grantsCsv(data.grants));
  else save(packageFileName(data.round_title, 'json'), 'application/json', JSON.stringify(data, null, 2));
}

/** Makes every button[data-round][data-format] inside `box` download its round's file. */
export function offerDownloads(box: HTMLElement) {
  box.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-round][data-format]');
    if (button) void downloadPackage(button.dataset.round!, button.dataset.format === 'csv' ? 'csv' : 'json');
  });
}

/** The two download buttons for a round, in a sentence. */
export const downloadButtons = (roundId: string, label: string) =>
  `<button type="button" class="wt-link-button govuk-link" data-round="${roundId}" data-format="json">JSON<span class="govuk-visually-hidden"> for ${label}</span></button> or
<button type="button" class="wt-link-button govuk-link" data-round="${roundId}" data-format="csv">CSV<span class="govuk-visually-hidden"> for ${label}</span></button>`;
