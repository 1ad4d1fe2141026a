// Benchmark: build a generated site of 2,000 projects and 500 case studies (in a temporary
// folder, never committed) and print the build time and the size of what it makes.
// Run: npm run bench:build      (no assertions; prints figures)
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../scripts/run.ts';
import { generateContent } from './support/generate-content.ts';

async function folderSize(dir: string): Promise<{ files: number; bytes: number; pages: number }> {
  let files = 0;
  let bytes = 0;
  let pages = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    if (entry.name.endsWith('.html')) pages++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes, pages };
}

const projects = Number(process.env.BENCH_PROJECTS ?? 2000);
const caseStudies = Number(process.env.BENCH_CASE_STUDIES ?? 500);
const work = await mkdtemp(join(tmpdir(), 'wt-build-bench-'));
try {
  const content = join(work, 'content');
  const out = join(work, 'dist');
  let started = performance.now();
  await generateContent(content, { projects, caseStudies });
  console.log(`Generated ${projects} projects and ${caseStudies} case studies in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  const astro = await run('astro', ['build', '--outDir', out], { ...process.env, CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' })
    .done;
  if (astro !== 0) throw new Error(`astro build failed with exit code ${astro}`);
  const astroSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const pagefind = await run('pagefind', ['--site', out, '--silent'], process.env).done;
  if (pagefind !== 0) throw new Error(`pagefind failed with exit code ${pagefind}`);
  const pagefindSeconds = (performance.now() - started) / 1000;
  const size = await folderSize(out);
  console.log('\nBuild benchmark');
  console.log(`  astro build:     ${astroSeconds.toFixed(1)} s`);
  console.log(`  pagefind index:  ${pagefindSeconds.toFixed(1)} s`);
  console.log(`  total:           ${(astroSeconds + pagefindSeconds).toFixed(1)} s`);
  console.log(`  output:          ${size.pages} pages, ${size.files} files, ${(size.bytes / 1024 / 1024).toFixed(1)} MiB`);
} finally {
  await rm(work, { recursive: true, force: true });
}
