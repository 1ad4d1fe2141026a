// Benchmark: the gzipped JavaScript each grants panel page (and sign-in), and the budgeting ballot,
// results and receipt pages, make a browser download,
// supabase-js and React included, against the panel's aim of 80 kB. Reads the built site.
// "at load" is what a page fetches before its islands can run, the figure the aim is for; "on
// demand" what only a dynamic import() fetches when first needed (auth-js, to refresh a token
// near its end); "in all" both.
// Run: npm run bench:weight      (no assertions; prints figures)
// It builds the site into a temporary folder with a Supabase address and key set, as `npm start`
// does: built without them, the bundler drops supabase-js and the figures would flatter. DIST_DIR
// measures an existing build instead.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../scripts/run.ts';
import { KB, javascriptTransfer } from '../support/page-weight.ts';

const own = process.env.DIST_DIR ? undefined : mkdtempSync(join(tmpdir(), 'wt-weight-'));
const dist = process.env.DIST_DIR ?? join(own!, 'dist');
process.on('exit', () => own && rmSync(own, { recursive: true, force: true }));
if (own) {
  console.error('Building the site (about a minute)…');
  const env = {
    ...process.env,
    PUBLIC_SUPABASE_URL: 'http://localhost:54321',
    PUBLIC_SUPABASE_ANON_KEY: 'bench-anon-key',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  if ((await run('astro', ['build', '--silent', '--outDir', dist], env).done) !== 0) process.exit(1);
}
if (!existsSync(`${dist}/panel/index.html`)) {
  console.error(`No built site in ${dist}/.`);
  process.exit(1);
}
const withoutClient = readdirSync(`${dist}/_astro`).some(
  (f) => f.endsWith('.js') && readFileSync(`${dist}/_astro/${f}`, 'utf8').includes('was built without PUBLIC_SUPABASE_URL'),
);
if (withoutClient) {
  console.error(
    `${dist}/ was built without PUBLIC_SUPABASE_URL, so it has no supabase-js: its figures would be too low. Leave DIST_DIR unset.`,
  );
  process.exit(1);
}

const aim = 80 * KB;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`;
const paths = [
  '/sign-in/',
  '/panel/',
  ...readdirSync(`${dist}/panel`, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `/panel/${e.name}/`),
];
const pages = paths.map((path) => ({ path, ...javascriptTransfer(path, dist) }));

const row = (page: (typeof pages)[number], width: number) =>
  `  ${page.path.padEnd(width)} ${kb(page.atLoad).padStart(9)} at load  ${page.atLoad > aim ? 'over' : 'within'} the 80 kB aim` +
  `  (${page.modules.length - page.later.length} modules; on demand ${kb(page.onDemand)}, in all ${kb(page.total)})`;
console.log('\nGrants panel pages: gzipped JavaScript per page (each module gzipped on its own)');
for (const page of pages) console.log(row(page, 22));

// The resident's ballot page (and the other budgeting pages that load the API client), which
// people open on cheap phones: the same measure, against the same aim.
const budgeting = ['/budgeting/vote/', '/budgeting/results/', '/budgeting/check-ballot/']
  .filter((path) => existsSync(`${dist}${path}index.html`))
  .map((path) => ({ path, ...javascriptTransfer(path, dist) }));
console.log('\nParticipatory budgeting pages: gzipped JavaScript per page');
for (const page of budgeting) console.log(`${row(page, 26)}${page.path === '/budgeting/vote/' ? '  <- the ballot page' : ''}`);

// Name the heaviest modules once, with the pages that load them, so the next saving is obvious.
const shared = new Map<string, { gzipped: number; pages: number }>();
for (const page of pages) {
  for (const m of page.modules) shared.set(m.file, { gzipped: m.gzipped, pages: (shared.get(m.file)?.pages ?? 0) + 1 });
}
console.log('\nHeaviest modules');
for (const [file, m] of [...shared].sort((a, b) => b[1].gzipped - a[1].gzipped).slice(0, 8)) {
  console.log(`  ${file.padEnd(44)} ${kb(m.gzipped).padStart(9)}  on ${m.pages} of ${pages.length} pages`);
}
const largest = pages.reduce((a, b) => (b.atLoad > a.atLoad ? b : a));
const smallest = pages.reduce((a, b) => (b.atLoad < a.atLoad ? b : a));
console.log(`\nLargest ${largest.path} ${kb(largest.atLoad)} at load; smallest ${smallest.path} ${kb(smallest.atLoad)}; aim 80.0 kB`);
