// A batch of voting codes as a spreadsheet (one code a row, for a mail-merge of letters) and the
// web address each letter gives. The codes exist only in this download and the printed letters.
import { writeCsv } from '../csv';

export const voteAddress = (origin: string, slug: string) => `${origin}/budgeting/vote/?p=${encodeURIComponent(slug)}`;

export function codesCsv(
  process: { title: string; slug: string },
  batch: { label: string; codes: readonly string[] },
  origin: string,
): string {
  const address = voteAddress(origin, process.slug);
  return writeCsv([['process', 'batch', 'code', 'vote_at'], ...batch.codes.map((code) => [process.title, batch.label, code, address])]);
}

export const codesFileName = (slug: string, label: string) =>
  `voting-codes-${slug}-${label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.csv`;
