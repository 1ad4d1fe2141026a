// Writes a large, valid content folder for the build benchmark: the site's own pages, glossary
// and festival, plus generated projects and case studies. Seeded, so every run builds the same.
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LEAD_AREAS, STAGES, STAIRCASE } from '../../../src/lib/content/vocabulary.ts';
import { mulberry32 } from '../../../src/lib/pb/prng.ts';

const TOPICS = ['older people', 'carers', 'young people', 'transport', 'health', 'housing', 'training', 'strategy'];
const WORDS = 'people carers council services together design review support community plan listen change group meeting ideas'.split(' ');

export async function generateContent(dir: string, { projects = 2000, caseStudies = 500, seed = 7 } = {}): Promise<void> {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, () => pick(WORDS));
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  for (const folder of ['pages', 'glossary', 'festival']) await cp(join('src', 'content', folder), join(dir, folder), { recursive: true });
  await mkdir(join(dir, 'projects'), { recursive: true });
  await mkdir(join(dir, 'case-studies'), { recursive: true });
  for (let i = 1; i <= projects; i++) {
    const updates = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, u) => {
      const date = `20${18 + Math.floor(random() * 8)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-01`;
      return `  - date: ${date}\n    title: Update ${u + 1}\n    weAsked: ${sentence(8)}\n    youSaid: ${sentence(10)}\n    weDid: ${sentence(9)}`;
    });
    await writeFile(
      join(dir, 'projects', `project-${i}.md`),
      `---\ntitle: Generated project ${i}\nsummary: ${sentence(14)}\nleadArea: ${pick(LEAD_AREAS).slug}\npartners: [Generated partner]\nstage: ${pick(STAGES).slug}\nstaircaseStep: ${pick(STAIRCASE).slug}\ntopics: [${pick(TOPICS)}]\nupdates:\n${updates.join('\n')}\n---\n\n## What this project is about\n\n${Array.from({ length: 6 }, () => sentence(12)).join(' ')}\n`,
    );
  }
  for (let i = 1; i <= caseStudies; i++) {
    const related = Array.from({ length: 2 }, () => `project-${1 + Math.floor(random() * projects)}`);
    await writeFile(
      join(dir, 'case-studies', `case-study-${i}.md`),
      `---\ntitle: Generated case study ${i}\nsummary: ${sentence(16)}\npublished: 2026-01-01\nwhoWasInvolved: [people who use services, carers]\nwhatPeopleSaid:\n  - text: ${sentence(12)}\n    who: a carer\nlessons: [${sentence(6).replace('.', '')}]\nrelatedProjects: [${[...new Set(related)].join(', ')}]\n---\n\n## The problem\n\n${sentence(20)}\n\n## What we did\n\n${sentence(20)}\n\n## What changed\n\n${sentence(20)}\n`,
    );
  }
}
