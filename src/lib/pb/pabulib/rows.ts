// Reads the PROJECTS and VOTES sections of a .pb file into typed rows, checking each cell.

import { problemAt, readNumber, readNumberList, readOptionalNumber } from './cells.ts';
import { splitList, type CsvRow } from './csv.ts';
import type { Section } from './sections.ts';
import type { PbProblem, PbProject, PbVote, VoteType } from './types.ts';

type Columns = { readonly names: readonly string[]; readonly index: ReadonlyMap<string, number> };

function readHeader(section: Section, required: readonly string[], problems: PbProblem[]): Columns | null {
  const header = section.header;
  if (!header) return null;
  // A trailing ';' on the header line (common in files saved by spreadsheets) names no column,
  // so it is left out here and rows are measured against the real columns only.
  const cells = header.cells.map((c) => c.trim());
  const names = cells.length > 1 && cells.at(-1) === '' ? cells.slice(0, -1) : cells;
  const index = new Map<string, number>();
  let ok = true;
  names.forEach((name, i) => {
    if (index.has(name)) {
      problems.push(problemAt(header, `the column '${name}' appears twice in the ${section.name.toUpperCase()} header.`));
      ok = false;
    }
    index.set(name, i);
  });
  for (const name of required) {
    if (!index.has(name)) {
      problems.push(
        problemAt(
          header,
          `the ${section.name.toUpperCase()} header has no '${name}' column; it lists: ${names.filter((n) => n).join(', ')}.`,
        ),
      );
      ok = false;
    }
  }
  return ok ? { names, index } : null;
}

/**
 * The row's cells by column name, or null (with a problem) if it has the wrong number of cells.
 * Empty cells past the last column are a trailing ';' and are ignored, as on the header.
 */
function cellsOf(row: CsvRow, cols: Columns, headerLine: number, problems: PbProblem[]): Map<string, string> | null {
  const extraCells = row.cells.slice(cols.names.length);
  if (row.cells.length < cols.names.length || extraCells.some((c) => c !== '')) {
    problems.push(
      problemAt(row, `this line has ${row.cells.length} values, but the header on line ${headerLine} names ${cols.names.length} columns.`),
    );
    return null;
  }
  // A cell left empty is "not given" and is left out; one written as "" is an empty value. This
  // keeps an empty name or category list apart from a missing one (writePb writes them so).
  const out = new Map<string, string>();
  cols.names.forEach((name, i) => {
    const cell = row.cells[i] ?? '';
    if (cell !== '' || row.quoted[i]) out.set(name, cell);
  });
  return out;
}

function extraColumns(cells: ReadonlyMap<string, string>, known: ReadonlySet<string>): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const [name, value] of cells) if (name !== '' && !known.has(name)) extra[name] = value;
  return extra;
}

const PROJECT_COLUMNS = new Set(['project_id', 'cost', 'name', 'votes', 'score', 'selected', 'category', 'target', 'district']);

/** The projects, and every id named in the section (even on rows with other problems). */
export function readProjects(section: Section, problems: PbProblem[]): { projects: PbProject[]; ids: Set<string> } | null {
  const cols = readHeader(section, ['project_id', 'cost'], problems);
  if (!cols) return null;
  const headerLine = section.header?.line ?? section.line;
  const projects: PbProject[] = [];
  const seen = new Map<string, number>();
  const idColumn = cols.index.get('project_id') as number;
  for (const row of section.rows) {
    const at = (field: string) => ({ line: row.line, field });
    // The id is read (and checked for repeats) before the rest of the row, so that a row with
    // some other problem does not also make every vote for its project look like a mistake.
    const id = row.cells[idColumn] ?? '';
    if (id !== '' && seen.has(id))
      problems.push(problemAt(at('project_id'), `project '${id}' is listed twice (first on line ${seen.get(id)}).`));
    if (id !== '' && !seen.has(id)) seen.set(id, row.line);
    const cells = cellsOf(row, cols, headerLine, problems);
    if (!cells) continue;
    if (id === '') {
      problems.push(problemAt(at('project_id'), 'every project needs an id.'));
      continue;
    }
    if (id.includes(','))
      problems.push(problemAt(at('project_id'), `'${id}' contains a comma, so votes could not name it; use an id without commas.`));
    const cost = readNumber(cells.get('cost') ?? '', at('cost'), { min: 0 }, problems);
    const votes = readOptionalNumber(cells.get('votes'), at('votes'), { whole: true, min: 0 }, problems);
    const score = readOptionalNumber(cells.get('score'), at('score'), {}, problems);
    const selected = readOptionalNumber(cells.get('selected'), at('selected'), { whole: true, min: 0 }, problems);
    if (cost === undefined) continue;
    const text = (name: string) => cells.get(name);
    const list = (name: string) => {
      const cell = cells.get(name);
      return cell === undefined ? undefined : splitList(cell);
    };
    const name = text('name');
    const category = list('category');
    const target = list('target');
    const district = text('district');
    projects.push({
      id,
      cost,
      ...(name !== undefined ? { name } : {}),
      ...(votes !== undefined ? { votes } : {}),
      ...(score !== undefined ? { score } : {}),
      ...(selected !== undefined ? { selected } : {}),
      ...(category !== undefined ? { category } : {}),
      ...(target !== undefined ? { target } : {}),
      ...(district !== undefined ? { district } : {}),
      extra: extraColumns(cells, PROJECT_COLUMNS),
    });
  }
  return { projects, ids: new Set(seen.keys()) };
}

const VOTE_COLUMNS = new Set(['voter_id', 'vote', 'points', 'age', 'sex', 'voting_method']);

/**
 * The votes. `voteType` is null when META does not say (or says something unknown): the votes
 * are then checked for everything that does not depend on it, with points read when present.
 */
export function readVotes(
  section: Section,
  voteType: VoteType | null,
  projectIds: ReadonlySet<string> | null,
  problems: PbProblem[],
): PbVote[] | null {
  const usesPoints = voteType === 'cumulative' || voteType === 'scoring';
  const cols = readHeader(section, usesPoints ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote'], problems);
  if (!cols) return null;
  const headerLine = section.header?.line ?? section.line;
  const votes: PbVote[] = [];
  const seen = new Map<string, number>();
  for (const row of section.rows) {
    const cells = cellsOf(row, cols, headerLine, problems);
    if (!cells) continue;
    const at = (field: string) => ({ line: row.line, field });
    const voterId = cells.get('voter_id') ?? '';
    if (voterId === '') {
      problems.push(problemAt(at('voter_id'), 'every vote needs a voter id.'));
      continue;
    }
    if (seen.has(voterId))
      problems.push(
        problemAt(at('voter_id'), `voter '${voterId}' appears twice (first on line ${seen.get(voterId)}); each person votes once.`),
      );
    if (!seen.has(voterId)) seen.set(voterId, row.line);
    const vote = splitList(cells.get('vote') ?? '');
    const chosen = new Set<string>();
    for (const id of vote) {
      if (projectIds && !projectIds.has(id)) problems.push(problemAt(at('vote'), `project '${id}' is not in the PROJECTS section.`));
      if (chosen.has(id)) problems.push(problemAt(at('vote'), `project '${id}' is chosen more than once in the same vote.`));
      chosen.add(id);
    }
    if (voteType === 'choose-1' && vote.length > 1) {
      problems.push(problemAt(at('vote'), `this is a choose-1 vote, but it names ${vote.length} projects.`));
    }
    let points: number[] | undefined;
    if (usesPoints) {
      points = readNumberList(splitList(cells.get('points') ?? ''), at('points'), voteType === 'cumulative' ? { min: 0 } : {}, problems);
      if (points && points.length !== vote.length) {
        problems.push(
          problemAt(
            at('points'),
            `there are ${points.length} points values for ${vote.length} projects; give one number per project, in the same order.`,
          ),
        );
        points = undefined;
      }
    } else if (cells.get('points') !== undefined) {
      points = readNumberList(splitList(cells.get('points') ?? ''), at('points'), {}, problems);
    }
    const age = readOptionalNumber(cells.get('age'), at('age'), { whole: true, min: 0 }, problems);
    const sex = cells.get('sex');
    const votingMethod = cells.get('voting_method');
    votes.push({
      voterId,
      vote,
      ...(points !== undefined ? { points } : {}),
      ...(age !== undefined ? { age } : {}),
      ...(sex !== undefined ? { sex } : {}),
      ...(votingMethod !== undefined ? { votingMethod } : {}),
      extra: extraColumns(cells, VOTE_COLUMNS),
    });
  }
  return votes;
}
