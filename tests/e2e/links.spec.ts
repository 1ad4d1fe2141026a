// Every link between the site's own pages leads somewhere: no page in the built site links to a
// page that does not exist (a missing content file, or a typo in a Markdown link).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'pagefind' || e.name === '_astro' ? [] : htmlFiles(path);
    return e.name.endsWith('.html') ? [path] : [];
  });
}

const exists = (path: string) => {
  const file = join('dist', path);
  return path.endsWith('/') ? existsSync(join(file, 'index.html')) : existsSync(file);
};

test('every internal link points to a page that exists', () => {
  const broken: string[] = [];
  for (const file of htmlFiles('dist')) {
    const html = readFileSync(file, 'utf8');
    for (const [, href] of html.matchAll(/href="(\/[^"#?]*)[^"]*"/g)) {
      if (!exists(href!)) broken.push(`${file.replace(/^dist/, '').replace(/index\.html$/, '')} → ${href}`);
    }
  }
  expect([...new Set(broken)]).toEqual([]);
});
