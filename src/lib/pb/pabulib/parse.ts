// parsePb: reads the text of a pabulib .pb file. Returns the file, or every problem found, each
// naming its line (and field) in plain English. Never throws, whatever it is given.

import { problemAt } from './cells.ts';
import { splitRows } from './csv.ts';
import { readProjects, readVotes } from './rows.ts';
import { findSections, readMeta } from './sections.ts';
import type { PbParseResult, PbProblem } from './types.ts';

const MAX_PROBLEMS = 100;

function fail(problems: PbProblem[]): PbParseResult {
  if (problems.length <= MAX_PROBLEMS) return { ok: false, problems };
  const shown = problems.slice(0, MAX_PROBLEMS);
  const last = problems.at(-1) as PbProblem;
  shown.push({ line: last.line, message: `…and ${problems.length - MAX_PROBLEMS} more problems like these.` });
  return { ok: false, problems: shown };
}

function parseText(text: string): PbParseResult {
  const problems: PbProblem[] = [];
  if (text.trim() === '') {
    return fail([{ line: 1, message: 'Line 1: the file is empty. A .pb file has three sections: META, PROJECTS and VOTES.' }]);
  }
  const { rows, unclosedQuoteLine } = splitRows(text);
  if (unclosedQuoteLine !== null) {
    problems.push(
      problemAt(
        { line: unclosedQuoteLine },
        'a value opens a quote (") that is never closed; add the closing quote at the end of the value.',
      ),
    );
  }
  const sections = findSections(rows, problems);
  const metaSection = sections.get('meta');
  const projectSection = sections.get('projects');
  const voteSection = sections.get('votes');
  // Each section is checked as far as it can be on its own, so that one problem (in META, say)
  // does not hide the others: whoever fixes the file sees everything in one go.
  const metaRead = metaSection?.header ? readMeta(metaSection, problems) : null;
  const meta = metaRead?.meta ?? null;
  const read = projectSection?.header ? readProjects(projectSection, problems) : null;
  const projects = read?.projects ?? null;
  const votes = voteSection?.header ? readVotes(voteSection, metaRead?.voteType ?? null, read?.ids ?? null, problems) : null;

  // Count data lines, not valid rows, so a bad row is not also reported as a wrong count.
  const numProjects = metaRead?.numProjects;
  const numVotes = metaRead?.numVotes;
  if (numProjects !== undefined && projectSection?.header && numProjects !== projectSection.rows.length) {
    problems.push(
      problemAt(
        { line: projectSection.line },
        `META says num_projects is ${numProjects}, but the PROJECTS section lists ${projectSection.rows.length} projects.`,
      ),
    );
  }
  if (numVotes !== undefined && voteSection?.header && numVotes !== voteSection.rows.length) {
    problems.push(
      problemAt(
        { line: voteSection.line },
        `META says num_votes is ${numVotes}, but the VOTES section has ${voteSection.rows.length} votes.`,
      ),
    );
  }
  if (problems.length > 0 || !meta || !projects || !votes) {
    if (problems.length === 0) problems.push({ line: 1, message: 'Line 1: the file could not be read as a .pb file.' });
    return fail(problems);
  }
  return { ok: true, value: { meta, projects, votes } };
}

export function parsePb(text: unknown): PbParseResult {
  if (typeof text !== 'string') {
    return { ok: false, problems: [{ line: 1, message: 'Line 1: expected the text of a .pb file.' }] };
  }
  try {
    return parseText(text);
  } catch (error) {
    // Belt and braces: a bug here must show as a problem, not crash a council officer's upload.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ line: 1, message: `Line 1: the file could not be read (${detail}).` }] };
  }
}
