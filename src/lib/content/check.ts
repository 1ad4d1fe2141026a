// Checks a content folder the way the build will, and a little more (easy-read sentence length,
// links between entries), without starting Astro: `npm run check:content` and the tests use it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { ZodType } from 'zod';
import { easyReadIcons } from '../markdown/easy-read-icons.ts';
import { BUILT_PAGES } from '../page-links.ts';
import { monthYear } from '../dates.ts';
import { updateAnchor } from '../projects/updates.ts';
import * as schemas from './schemas.ts';

export interface Problem {
  file: string;
  field: string;
  message: string;
}

const COLLECTIONS: Record<string, ZodType> = {
  projects: schemas.project,
  'case-studies': schemas.caseStudy,
  festival: schemas.festival,
  pages: schemas.page,
  glossary: schemas.glossaryEntry,
};

/** Easy-read points: one idea each, 15 words or fewer. */
export const EASY_READ_MAX_WORDS = 15;

function markdownFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

export function splitFrontmatter(source: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { data: {}, body: source };
  return { data: parse(match[1]!) ?? {}, body: source.slice(match[0].length) };
}

/** Sentences of each easy-read point that are longer than the limit. */
export function longEasyReadSentences(body: string): string[] {
  return body
    .split('\n')
    .filter((line) => /^\s*-\s+\[[a-z-]+\]/.test(line))
    .flatMap((line) => line.replace(/^\s*-\s+\[[a-z-]+\]\s*/, '').split(/(?<=[.!?])\s+/))
    .filter(
      (sentence) =>
        sentence
          .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
          .split(/\s+/)
          .filter(Boolean).length > EASY_READ_MAX_WORDS,
    );
}

/** The YAML parser's first line, with the line number counted in the file (after the first ---). */
function yamlProblem(error: Error & { linePos?: { line: number }[] }): string {
  const what = error.message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '');
  const line = error.linePos?.[0]?.line;
  return `the part between the --- lines is not valid YAML${line ? ` (line ${line + 1} of the file)` : ''}: ${what}`;
}

export function checkContent(root: string): Problem[] {
  const problems: Problem[] = [];
  const ids: Record<string, Set<string>> = {};
  const entries: { collection: string; id: string; file: string; data: Record<string, unknown>; body: string }[] = [];
  for (const [collection, schema] of Object.entries(COLLECTIONS)) {
    const dir = join(root, collection);
    ids[collection] = new Set();
    for (const path of markdownFiles(dir)) {
      const file = relative(process.cwd(), path);
      const id = relative(dir, path).replace(/\.md$/, '');
      ids[collection]!.add(id);
      let parsed: { data: unknown; body: string };
      try {
        parsed = splitFrontmatter(readFileSync(path, 'utf8'));
      } catch (error) {
        problems.push({ file, field: '(frontmatter)', message: yamlProblem(error as Error & { linePos?: { line: number }[] }) });
        continue;
      }
      const result = schema.safeParse(parsed.data);
      if (!result.success) {
        for (const issue of result.error.issues)
          problems.push({ file, field: issue.path.join('.') || '(frontmatter)', message: issue.message });
        continue;
      }
      entries.push({ collection, id, file, data: result.data as Record<string, unknown>, body: parsed.body });
    }
  }
  for (const entry of entries) {
    if (entry.collection === 'case-studies') {
      for (const heading of schemas.CASE_STUDY_SECTIONS) {
        const section = new RegExp(`^## ${heading}\\s*\\n+(?!#)\\S`, 'm');
        if (!section.test(entry.body))
          problems.push({
            file: entry.file,
            field: '(text)',
            message: `add a section headed "## ${heading}" with at least one sentence under it`,
          });
      }
      for (const slug of entry.data.relatedProjects as string[]) {
        if (!ids.projects!.has(slug))
          problems.push({ file: entry.file, field: 'relatedProjects', message: `there is no project called "${slug}" in projects/` });
      }
    }
    if (entry.collection === 'projects') {
      // The feed links to each update by its month and title, so two alike would share an address.
      const seen = new Set<string>();
      (entry.data.updates as { date: Date; title: string }[]).forEach((u, i) => {
        const anchor = updateAnchor(u);
        if (seen.has(anchor))
          problems.push({
            file: entry.file,
            field: `updates.${i}.title`,
            message: `another update in ${monthYear(u.date)} has the same title: give each update its own title`,
          });
        seen.add(anchor);
      });
    }
    if (entry.collection === 'pages') {
      for (const key of ['easyReadVersion', 'standardVersion'] as const) {
        const target = entry.data[key] as string | undefined;
        if (target && !ids.pages!.has(target) && !BUILT_PAGES.includes(target))
          problems.push({ file: entry.file, field: key, message: `there is no page called "${target}" in pages/` });
      }
      if (entry.data.easyRead) {
        for (const [, name] of entry.body.matchAll(/^\s*-\s+\[([a-z-]+)\]/gm)) {
          if (!(name! in easyReadIcons))
            problems.push({ file: entry.file, field: '(text)', message: `the easy-read icon "[${name}]" does not exist` });
        }
        for (const sentence of longEasyReadSentences(entry.body)) {
          problems.push({
            file: entry.file,
            field: '(text)',
            message: `this easy-read sentence is longer than ${EASY_READ_MAX_WORDS} words: "${sentence}"`,
          });
        }
      }
    }
  }
  return problems;
}
