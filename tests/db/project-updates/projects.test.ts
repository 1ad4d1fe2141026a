// The projects a lead can be named for are exactly the files in src/content/projects/, with the
// same titles: the Markdown is the list, and the database's copy must not drift from it.
import { readdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

it('private.tracked_projects has every project file, by file name and title', async () => {
  const files: { slug: string; title: string }[] = [];
  for (const file of (await readdir('src/content/projects')).filter((f) => f.endsWith('.md')).sort()) {
    const front = (await readFile(`src/content/projects/${file}`, 'utf8')).split(/^---$/m)[1]!;
    files.push({ slug: file.replace(/\.md$/, ''), title: (parse(front) as { title: string }).title });
  }
  const rows = await db.query<{ slug: string; title: string }>('select slug, title from private.tracked_projects order by slug');
  expect(rows).toEqual(files);
});
