// Splits the text of a .pb file into rows of cells: ';' between cells, standard CSV quoting
// ("..." with "" for a quote inside, which may span lines), spaces around unquoted cells trimmed.
// Never throws: a quote that is never closed is reported and the rest of the file is dropped.

export type CsvRow = {
  /** 1-based line on which the row starts. */
  readonly line: number;
  readonly cells: readonly string[];
  /** Whether each cell was written in quotes (a quoted "META" is text, not a section title). */
  readonly quoted: readonly boolean[];
};

export type CsvResult = { readonly rows: CsvRow[]; readonly unclosedQuoteLine: number | null };

const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t';

export function splitRows(input: string): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: CsvRow[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const rowLine = line;
    const cells: string[] = [];
    const quoted: boolean[] = [];
    let endOfRow = false;
    while (!endOfRow) {
      while (isBlank(text[i])) i++;
      let cell = '';
      let wasQuoted = false;
      if (text[i] === '"') {
        wasQuoted = true;
        const openedOn = line;
        i++;
        for (;;) {
          if (i >= n) return { rows, unclosedQuoteLine: openedOn };
          const ch = text[i] as string;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
        // Anything between the closing quote and the next ';' is kept, as most CSV readers do.
        let rest = '';
        while (i < n && text[i] !== ';' && text[i] !== '\n' && text[i] !== '\r') rest += text[i++];
        cell += rest.trim();
      } else {
        const start = i;
        while (i < n && text[i] !== ';' && text[i] !== '\n' && text[i] !== '\r') i++;
        cell = text.slice(start, i).trim();
      }
      cells.push(cell);
      quoted.push(wasQuoted);
      if (text[i] === ';') {
        i++;
        continue;
      }
      endOfRow = true;
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
    }
    const blank = cells.length === 1 && cells[0] === '' && !quoted[0];
    if (!blank) rows.push({ line: rowLine, cells, quoted });
  }
  return { rows, unclosedQuoteLine: null };
}

/** A comma-separated list inside one cell, each item trimmed, empty items dropped. */
export function splitList(cell: string): string[] {
  return cell
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Quotes a cell when it would otherwise be read back differently. */
export function quoteCell(cell: string, forceQuotes = false): string {
  if (forceQuotes || /[;"\n\r]/.test(cell) || cell !== cell.trim()) return `"${cell.replaceAll('"', '""')}"`;
  return cell;
}
