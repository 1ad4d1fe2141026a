// Finds the three sections of a .pb file (META, PROJECTS, VOTES), each a title line, a header
// row and data rows, and reads the META section.

import { problemAt, readNumber } from './cells.ts';
import type { CsvRow } from './csv.ts';
import { VOTE_TYPES, type PbMeta, type PbProblem, type VoteType } from './types.ts';

export const SECTION_NAMES = ['meta', 'projects', 'votes'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

export type Section = { readonly name: SectionName; readonly line: number; header: CsvRow | null; readonly rows: CsvRow[] };

function sectionTitle(row: CsvRow): SectionName | null {
  const first = (row.cells[0] ?? '').toLowerCase();
  if (row.quoted[0] || !row.cells.slice(1).every((c) => c === '')) return null;
  return (SECTION_NAMES as readonly string[]).includes(first) ? (first as SectionName) : null;
}

export function findSections(rows: readonly CsvRow[], problems: PbProblem[]): Map<SectionName, Section> {
  const sections = new Map<SectionName, Section>();
  let current: Section | null = null;
  let warnedBeforeMeta = false;
  for (const row of rows) {
    const title = sectionTitle(row);
    if (title) {
      if (sections.has(title)) {
        problems.push(problemAt(row, `a second ${title.toUpperCase()} section starts here; a file has exactly one of each.`));
        current = { name: title, line: row.line, header: null, rows: [] }; // read it, but drop it
        continue;
      }
      current = { name: title, line: row.line, header: null, rows: [] };
      sections.set(title, current);
      continue;
    }
    if (!current) {
      if (!warnedBeforeMeta)
        problems.push(problemAt(row, `expected the file to start with a line saying META, but found '${row.cells.join(';')}'.`));
      warnedBeforeMeta = true;
      continue;
    }
    if (current.header === null) current.header = row;
    else current.rows.push(row);
  }
  const lastLine = rows.at(-1)?.line ?? 1;
  const what: Record<SectionName, string> = {
    meta: 'a META section (key;value lines such as budget;100000)',
    projects: 'a PROJECTS section (one line per project, with project_id and cost)',
    votes: 'a VOTES section (one line per voter, with voter_id and vote)',
  };
  for (const name of SECTION_NAMES) {
    const s = sections.get(name);
    if (!s) problems.push(problemAt({ line: lastLine }, `the file has no ${name.toUpperCase()} section. A .pb file needs ${what[name]}.`));
    else if (!s.header)
      problems.push(problemAt({ line: s.line }, `the ${name.toUpperCase()} section has no header row (the line naming its columns).`));
  }
  return sections;
}

const REQUIRED_META = ['description', 'country', 'unit', 'instance', 'num_projects', 'num_votes', 'budget', 'vote_type', 'rule'] as const;

const META_HINTS: Record<(typeof REQUIRED_META)[number], string> = {
  description: 'a short description of the vote',
  country: 'the country',
  unit: 'the council or organisation running the vote',
  instance: 'which edition it is, such as the year',
  num_projects: 'how many projects there are',
  num_votes: 'how many people voted',
  budget: 'the total amount to spend',
  vote_type: `how people voted: ${VOTE_TYPES.join(', ')}`,
  rule: 'the counting rule, such as greedy or equalshares/add1',
};

/**
 * What could be read from META. `meta` is set only when META has no problems; the parts the
 * other sections are checked against are given whenever they can be read on their own, so a
 * problem in META (a missing description, say) does not hide problems in PROJECTS or VOTES.
 */
export type MetaRead = {
  readonly meta: PbMeta | null;
  readonly voteType: VoteType | null;
  readonly numProjects: number | undefined;
  readonly numVotes: number | undefined;
};

export function readMeta(section: Section, problems: PbProblem[]): MetaRead {
  const header = section.header;
  if (header && !(header.cells.length >= 2 && header.cells[0]?.toLowerCase() === 'key' && header.cells[1]?.toLowerCase() === 'value')) {
    problems.push(problemAt(header, `the META header row should be 'key;value', not '${header.cells.join(';')}'.`));
  }
  const values = new Map<string, { value: string; line: number }>();
  const extra: Array<readonly [string, string]> = [];
  for (const row of section.rows) {
    const [key = '', value = '', ...rest] = row.cells;
    if (row.cells.length < 2) {
      const hint = key.includes(':') ? ` (use a semicolon, like '${key.replace(/\s*:\s*/, ';')}')` : '';
      problems.push(problemAt(row, `expected a key and a value separated by ';', but found '${key}'${hint}.`));
      continue;
    }
    if (rest.some((c) => c !== '')) {
      problems.push(
        problemAt(
          row,
          `a META line has just a key and a value, but this one has ${row.cells.length} parts; put quotes around a value that contains ';'.`,
        ),
      );
      continue;
    }
    if (values.has(key)) {
      problems.push(problemAt(row, `'${key}' is given twice in META (first on line ${values.get(key)?.line}).`));
      continue;
    }
    values.set(key, { value, line: row.line });
    if (!(REQUIRED_META as readonly string[]).includes(key)) extra.push([key, value]);
  }
  const before = problems.length;
  for (const key of REQUIRED_META) {
    if (!values.has(key)) problems.push(problemAt({ line: section.line }, `META is missing '${key}' (${META_HINTS[key]}).`));
  }
  const text = (key: string) => values.get(key)?.value ?? '';
  const num = (key: string, whole: boolean) => {
    const v = values.get(key);
    return v ? readNumber(v.value, { line: v.line, field: key }, { whole, min: 0 }, problems) : undefined;
  };
  const numProjects = num('num_projects', true);
  const numVotes = num('num_votes', true);
  const budget = num('budget', false);
  const voteTypeText = text('vote_type').toLowerCase();
  const voteType = (VOTE_TYPES as readonly string[]).includes(voteTypeText) ? (voteTypeText as VoteType) : null;
  const voteEntry = values.get('vote_type');
  if (voteEntry && !voteType) {
    problems.push(
      problemAt(
        { line: voteEntry.line, field: 'vote_type' },
        `'${voteEntry.value}' is not a vote type this format knows; use one of ${VOTE_TYPES.join(', ')}.`,
      ),
    );
  }
  const partial = { voteType, numProjects, numVotes };
  if (problems.length > before || numProjects === undefined || numVotes === undefined || budget === undefined || !voteType)
    return { ...partial, meta: null };
  const meta: PbMeta = {
    description: text('description'),
    country: text('country'),
    unit: text('unit'),
    instance: text('instance'),
    numProjects,
    numVotes,
    budget,
    voteType,
    rule: text('rule'),
    extra,
  };
  return { ...partial, meta };
}
