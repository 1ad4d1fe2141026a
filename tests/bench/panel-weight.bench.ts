// Benchmark: the gzipped JavaScript each grants panel page (and sign-in) makes a browser download,
// supabase-js and React included, against the panel's aim of 80 kB. Reads the built site.
// Run: npm run build && npm run bench:weight      (no assertions; prints figures)
import { existsSync, readdirSync } from 'node:fs';
import { KB, javascriptTransfer } from '../support/page-weight.ts';

const dist = process.env.DIST_DIR ?? 'dist';
if (!existsSync(`${dist}/panel/index.html`)) {
  console.error(`No built site in ${dist}/. Run npm run build first.`);
  process.exit(1);
}

const aim = 80 * KB;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`;
const paths = ['/sign-in/', '/panel/', ...readdirSync(`${dist}/panel`, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `/panel/${e.name}/`)];
const pages = paths.map((path) => ({ path, ...javascriptTransfer(path, dist) }));

console.log('\nGrants panel pages: gzipped JavaScript per page (each module gzipped on its own)');
for (const page of pages) {
  console.log(`  ${page.path.padEnd(22)} ${kb(page.total).padStart(9)}  ${page.total > aim ? 'over' : 'within'} the 80 kB aim  (${page.modules.length} modules)`);
}

// Name the heaviest modules once, with the pages that load them, so the next saving is obvious.
const shared = new Map<string, { gzipped: number; pages: number }>();
for (const page of pages) {
  for (const m of page.modules) shared.set(m.file, { gzipped: m.gzipped, pages: (shared.get(m.file)?.pages ?? 0) + 1 });
}
console.log('\nHeaviest modules');
for (const [file, m] of [...shared].sort((a, b) => b[1].gzipped - a[1].gzipped).slice(0, 8)) {
  console.log(`  ${file.padEnd(44)} ${kb(m.gzipped).padStart(9)}  on ${m.pages} of ${pages.length} pages`);
}
const largest = pages.reduce((a, b) => (b.total > a.total ? b : a));
const smallest = pages.reduce((a, b) => (b.total < a.total ? b : a));
console.log(`\nLargest ${largest.path} ${kb(largest.total)}; smallest ${smallest.path} ${kb(smallest.total)}; aim 80.0 kB`);
