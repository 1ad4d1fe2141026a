// writePb: the text of a pabulib .pb file. parsePb(writePb(file)) gives back the same file.
// Optional columns are written only when some row uses them.

import { formatPlainNumber } from '../rational.ts';
import { quoteCell } from './csv.ts';
import { SECTION_NAMES } from './sections.ts';
import type { PbFile, PbProject, PbVote } from './types.ts';

/**
 * One line of cells. undefined (a value not given) is written as nothing, and an empty value as
 * "", so that reading the file back tells the two apart. A first cell that reads like a section
 * title is quoted so it is not taken for one.
 */
function line(cells: readonly (string | undefined)[]): string {
  return cells
    .map((c, i) =>
      c === undefined ? '' : quoteCell(c, c === '' || (i === 0 && (SECTION_NAMES as readonly string[]).includes(c.trim().toLowerCase()))),
    )
    .join(';');
}

function extraNames(rows: ReadonlyArray<{ readonly extra: Readonly<Record<string, string>> }>): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row.extra)) names.add(name);
  return [...names];
}

function checkListItem(id: string, what: string): string {
  if (id.includes(',') || id !== id.trim() || id === '') {
    throw new RangeError(
      `${what} '${id}' cannot be written in a .pb list: ids in lists must be non-empty, without commas or surrounding spaces.`,
    );
  }
  return id;
}

type Column<T> = { readonly name: string; readonly get: (row: T) => string | undefined };

function table<T extends { readonly extra: Readonly<Record<string, string>> }>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  always: readonly string[],
): string[] {
  const used = columns.filter((col) => always.includes(col.name) || rows.some((r) => col.get(r) !== undefined));
  const all: Column<T>[] = [...used, ...extraNames(rows).map((name) => ({ name, get: (r: T) => r.extra[name] }))];
  return [line(all.map((c) => c.name)), ...rows.map((r) => line(all.map((c) => c.get(r))))];
}

const num = (x: number | undefined) => (x === undefined ? undefined : formatPlainNumber(x));
const list = (xs: readonly string[] | undefined, what: string) =>
  xs === undefined ? undefined : xs.map((x) => checkListItem(x, what)).join(',');

const PROJECT_COLUMNS: readonly Column<PbProject>[] = [
  { name: 'project_id', get: (p) => checkListItem(p.id, 'Project id') },
  { name: 'cost', get: (p) => num(p.cost) },
  { name: 'name', get: (p) => p.name },
  { name: 'votes', get: (p) => num(p.votes) },
  { name: 'score', get: (p) => num(p.score) },
  { name: 'selected', get: (p) => num(p.selected) },
  { name: 'category', get: (p) => list(p.category, 'Category') },
  { name: 'target', get: (p) => list(p.target, 'Target') },
  { name: 'district', get: (p) => p.district },
];

const VOTE_COLUMNS: readonly Column<PbVote>[] = [
  { name: 'voter_id', get: (v) => v.voterId },
  { name: 'vote', get: (v) => list(v.vote, 'Project id') ?? '' },
  { name: 'points', get: (v) => v.points?.map(formatPlainNumber).join(',') },
  { name: 'age', get: (v) => num(v.age) },
  { name: 'sex', get: (v) => v.sex },
  { name: 'voting_method', get: (v) => v.votingMethod },
];

/** META's num_projects and num_votes are counted from the rows written, so they are always right. */
export function writePb(file: PbFile): string {
  const { meta } = file;
  const metaRows: Array<readonly [string, string]> = [
    ['description', meta.description],
    ['country', meta.country],
    ['unit', meta.unit],
    ['instance', meta.instance],
    ['num_projects', String(file.projects.length)],
    ['num_votes', String(file.votes.length)],
    ['budget', formatPlainNumber(meta.budget)],
    ['vote_type', meta.voteType],
    ['rule', meta.rule],
    ...meta.extra,
  ];
  const lines = [
    'META',
    'key;value',
    ...metaRows.map(([k, v]) => line([k, v])),
    'PROJECTS',
    ...table(file.projects, PROJECT_COLUMNS, ['project_id', 'cost']),
    'VOTES',
    // The format requires a points column for cumulative and scoring votes, even with no votes.
    ...table(
      file.votes,
      VOTE_COLUMNS,
      meta.voteType === 'cumulative' || meta.voteType === 'scoring' ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote'],
    ),
  ];
  return `${lines.join('\n')}\n`;
}
