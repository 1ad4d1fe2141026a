// CSV as spreadsheets write it (RFC 4180): quoted fields may hold commas, quotes ("") and line
// breaks. Used for the applications import, the recommendations report and 360Giving files.

export type CsvRow = string[];

export interface CsvParseResult {
  rows: CsvRow[];
  /** Line number (1-based) where each row starts, for messages such as "Row on line 7". */
  lines: number[];
  problem?: string;
}

export function parseCsv(text: string): CsvParseResult {
  const rows: CsvRow[] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRow = () => {
    row.push(field);
    if (!(row.length === 1 && row[0] === '')) {
      rows.push(row);
      lines.push(rowStart);
    }
    row = [];
    field = '';
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      endRow();
      line++;
      rowStart = line;
    } else field += c;
  }
  if (quoted)
    return { rows, lines, problem: `A quoted value that starts on line ${rowStart} is never closed. Check for a missing " mark.` };
  if (field !== '' || row.length) endRow();
  return { rows, lines };
}

const needsQuotes = /[",\r\n]|^\s|\s$/;

export function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ makes spreadsheets run the cell as a formula; a quote mark disarms it.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function writeCsv(rows: unknown[][]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Rows as objects keyed by the header row (header names trimmed, compared case-insensitively). */
export function csvRecords(result: CsvParseResult): { header: string[]; records: { line: number; values: Record<string, string> }[] } {
  const [head = [], ...body] = result.rows;
  const header = head.map((h) => h.trim().toLowerCase());
  return {
    header,
    records: body.map((row, i) => ({
      line: result.lines[i + 1] ?? 0,
      values: Object.fromEntries(header.map((h, j) => [h, (row[j] ?? '').trim()])),
    })),
  };
}
