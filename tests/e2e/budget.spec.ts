// Weight budget over the built site: every public page's HTML ≤ 14 kB gzipped, its CSS ≤ 20 kB,
// no script tag at all unless it has an island (but for the header's few lines that show the
// account links to a signed-in person, ≤ 512 B gzipped), and ≤ 30 kB gzipped JavaScript if it
// does (counting every module it loads, and Pagefind's script on the search page).
import { expect, test } from '@playwright/test';
import { KB, weigh } from '../support/page-weight.ts';
import { sitemapPaths } from './site-pages.ts';

type Row = { path: string } & ReturnType<typeof weigh>;

function overBudget(report: Row[]): string[] {
  return report.flatMap((r) => [
    ...(r.html > 14 * KB ? [`${r.path}: HTML ${r.html} B gzipped (limit 14 kB)`] : []),
    ...(r.css > 20 * KB ? [`${r.path}: CSS ${r.css} B gzipped (limit 20 kB)`] : []),
    ...(!r.hasIsland && (r.js > 0 || r.scripts > 0)
      ? [`${r.path}: ships ${r.scripts} script tag(s), ${r.js} B of JavaScript, but has no island`]
      : []),
    ...(r.hasIsland && r.scripts === 0 ? [`${r.path}: is marked as having an island but loads no script`] : []),
    ...(r.js > 30 * KB ? [`${r.path}: JavaScript ${r.js} B gzipped (limit 30 kB)`] : []),
    ...(r.headerScript > 512 ? [`${r.path}: the header's script is ${r.headerScript} B gzipped (limit 512 B)`] : []),
  ]);
}

test('every public page stays within its weight budget', () => {
  const paths = sitemapPaths();
  expect(paths.length).toBeGreaterThan(0);
  const report = paths.map((path) => ({ path, ...weigh(path) }));
  const over = overBudget(report);
  const largest = (key: 'html' | 'css' | 'js') => report.reduce((a, b) => (b[key] > a[key] ? b : a));
  console.log(
    `${report.length} pages. Largest gzipped: HTML ${largest('html').html} B (${largest('html').path}), CSS ${largest('css').css} B (${largest('css').path}), JS ${largest('js').js} B (${largest('js').path})`,
  );
  expect(over).toEqual([]);
});

// Public budgeting pages reached by a link (?p=…) or an email are not in the site map, but are
// as public as the rest: they call the API anonymously with fetch, without React or supabase-js.
test("the public budgeting results and check-ballot pages stay within the public pages' budget", () => {
  const report = ['/budgeting/results/', '/budgeting/check-ballot/'].map((path) => ({ path, ...weigh(path) }));
  for (const page of report) expect(page).toMatchObject({ hasIsland: true });
  expect(overBudget(report)).toEqual([]);
});

test('island presence comes from what the page is meant to have, not from its script tags', () => {
  // A project page's script adds updates approved after the build (src/browser/project-updates.ts).
  const interactive = ['/projects/', '/projects/area/transport-hub/', '/projects/grants-panels/', '/search/', '/self-test/', '/grants/'];
  const still = ['/', '/glossary/', '/what-is-co-production/', '/festival/', '/easy-read/home/'];
  for (const path of interactive) expect(weigh(path), path).toMatchObject({ hasIsland: true });
  for (const path of still) expect(weigh(path), path).toMatchObject({ hasIsland: false, scripts: 0, js: 0 });
  // The one exception: the header's account links script, which every page carries.
  for (const path of [...interactive, ...still]) expect(weigh(path).headerScript, path).toBeGreaterThan(0);
});

test('a page that gains a script without being meant to have an island fails the budget', () => {
  const page = '<!doctype html><html><body><main><p>Plain page</p></main><script type="module">console.log(1)</script></body></html>';
  expect(overBudget([{ path: '/plain/', ...weigh('/plain/', page) }])).toEqual([
    expect.stringMatching(/^\/plain\/: ships 1 script tag\(s\), \d+ B of JavaScript, but has no island$/),
  ]);
  const marked = page.replace('<main>', '<main data-island="demo">');
  expect(overBudget([{ path: '/marked/', ...weigh('/marked/', marked) }])).toEqual([]);
});
