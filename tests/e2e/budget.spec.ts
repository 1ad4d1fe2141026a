// Weight budget over the built site: every public page's HTML ≤ 14 kB gzipped, its CSS ≤ 20 kB,
// no script tag at all unless it has an island, and ≤ 30 kB gzipped JavaScript if it does
// (counting every module it loads, and Pagefind's script on the search page).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { sitemapPaths } from './site-pages.ts';

const KB = 1024;
const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const distFile = (path: string) => join('dist', path.endsWith('/') ? `${path}index.html` : path);

/** A module and everything it imports, statically or dynamically, by path in dist/. */
function moduleGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(join('dist', entry), 'utf8');
  for (const [, spec] of code.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+\.js)["']/g)) {
    const next = spec!.startsWith('/') ? spec! : join(dirname(entry), spec!);
    moduleGraph(next, seen);
  }
  return seen;
}

function weigh(path: string, html = readFileSync(distFile(path), 'utf8')) {
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => readFileSync(join('dist', m[1]!), 'utf8'));
  css.push(...[...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!));
  const modules = new Set<string>();
  for (const [, src] of html.matchAll(/<script[^>]+src="([^"]+)"/g)) moduleGraph(src!, modules);
  for (const [, url] of html.matchAll(/component-url="([^"]+)"|renderer-url="([^"]+)"/g)) if (url) moduleGraph(url, modules);
  if (html.includes('/pagefind/pagefind.js') || path === '/search/') modules.add('/pagefind/pagefind.js');
  const inlineScripts = [...html.matchAll(/<script(?![^>]*src=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  const js = [...modules].map((m) => readFileSync(join('dist', m), 'utf8')).concat(inlineScripts);
  return {
    html: gz(html),
    css: gz(css.join('\n')),
    js: js.length ? gz(js.join('\n')) : 0,
    scripts: [...html.matchAll(/<script(?![^>]*type="application\/(?:ld\+)?json")[^>]*>/g)].length,
    // What the page is meant to have, not what it happens to ship: a React island, or an element
    // a page script enhances, marked data-island="…" (see BaseLayout.astro).
    hasIsland: html.includes('<astro-island') || /\sdata-island="[^"]+"/.test(html),
  };
}

type Row = { path: string } & ReturnType<typeof weigh>;

function overBudget(report: Row[]): string[] {
  return report.flatMap((r) => [
    ...(r.html > 14 * KB ? [`${r.path}: HTML ${r.html} B gzipped (limit 14 kB)`] : []),
    ...(r.css > 20 * KB ? [`${r.path}: CSS ${r.css} B gzipped (limit 20 kB)`] : []),
    ...(!r.hasIsland && (r.js > 0 || r.scripts > 0) ? [`${r.path}: ships ${r.scripts} script tag(s), ${r.js} B of JavaScript, but has no island`] : []),
    ...(r.hasIsland && r.scripts === 0 ? [`${r.path}: is marked as having an island but loads no script`] : []),
    ...(r.js > 30 * KB ? [`${r.path}: JavaScript ${r.js} B gzipped (limit 30 kB)`] : []),
  ]);
}

test('every public page stays within its weight budget', () => {
  const paths = sitemapPaths();
  expect(paths.length).toBeGreaterThan(0);
  const report = paths.map((path) => ({ path, ...weigh(path) }));
  const over = overBudget(report);
  const largest = (key: 'html' | 'css' | 'js') => report.reduce((a, b) => (b[key] > a[key] ? b : a));
  console.log(`${report.length} pages. Largest gzipped: HTML ${largest('html').html} B (${largest('html').path}), CSS ${largest('css').css} B (${largest('css').path}), JS ${largest('js').js} B (${largest('js').path})`);
  expect(over).toEqual([]);
});

test('island presence comes from what the page is meant to have, not from its script tags', () => {
  const interactive = ['/projects/', '/projects/area/transport-hub/', '/search/', '/self-test/', '/grants/'];
  const still = ['/', '/glossary/', '/what-is-co-production/', '/festival/', '/projects/grants-panels/', '/easy-read/home/'];
  for (const path of interactive) expect(weigh(path), path).toMatchObject({ hasIsland: true });
  for (const path of still) expect(weigh(path), path).toMatchObject({ hasIsland: false, scripts: 0, js: 0 });
});

test('a page that gains a script without being meant to have an island fails the budget', () => {
  const page = '<!doctype html><html><body><main><p>Plain page</p></main><script type="module">console.log(1)</script></body></html>';
  expect(overBudget([{ path: '/plain/', ...weigh('/plain/', page) }])).toEqual([expect.stringMatching(/^\/plain\/: ships 1 script tag\(s\), \d+ B of JavaScript, but has no island$/)]);
  const marked = page.replace('<main>', '<main data-island="demo">');
  expect(overBudget([{ path: '/marked/', ...weigh('/marked/', marked) }])).toEqual([]);
});
