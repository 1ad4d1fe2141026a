// npm run bench:api — round-trip latency of api.whoami() through supabase-js over HTTP, with 1
// and with 20 concurrent clients for 10 s each, and the time from `npm start` to the first page
// served (fresh data folder, then again with the data kept). Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { ms, runLoad, spawnStandIn } from './support/measure.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function rpcLatency() {
  const standIn = await spawnStandIn({ onDisk: true });
  const rows: string[] = [];
  try {
    for (const clients of [1, 20]) {
      const supabase = Array.from({ length: clients }, () =>
        createClient(standIn.url, standIn.anonKey, { db: { schema: 'api' }, auth: { persistSession: false } }),
      );
      await supabase[0]!.rpc('whoami'); // warm up
      const r = await runLoad(clients, SECONDS, async (i) => !(await supabase[i]!.rpc('whoami')).error);
      rows.push(
        `| ${String(clients).padStart(7)} | ${String(r.requests).padStart(8)} | ${r.perSecond.toFixed(0).padStart(7)} | ${ms(r.p50).padStart(9)} | ${ms(r.p95).padStart(9)} | ${ms(r.p99).padStart(9)} | ${String(r.errors).padStart(6)} |`,
      );
    }
  } finally {
    await standIn.stop();
  }
  console.log(
    `\napi.whoami() round trip through supabase-js over HTTP, ${SECONDS} s per row (stand-in on PGlite persisted on disk as with npm start, own process; p-values are of successful calls)\n`,
  );
  console.log('| clients | requests |   req/s |       p50 |       p95 |       p99 | errors |');
  console.log('|---------|----------|---------|-----------|-----------|-----------|--------|');
  for (const row of rows) console.log(row);
}

/** Seconds from spawning `npm start` until the home page answers 200. */
async function timeToFirstPage(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      SUPABASE_PORT: String(port + 50000 - 4000),
      PUBLIC_SUPABASE_URL: '',
      PUBLIC_SUPABASE_ANON_KEY: '',
    },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return (performance.now() - started) / 1000;
      if (performance.now() - started > 300_000) throw new Error('npm start did not serve a page within 5 minutes');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    process.kill(-child.pid!, 'SIGINT');
    await new Promise((r) => child.once('exit', r));
  }
}

async function startUp() {
  const dataDir = await mkdtemp(join(tmpdir(), 'wt-bench-start-'));
  try {
    const fresh = await timeToFirstPage(dataDir, 4391);
    const again = await timeToFirstPage(dataDir, 4391);
    console.log('\nTime from `npm start` to the first page served (includes building the site)\n');
    console.log('| data folder           | seconds |');
    console.log('|-----------------------|---------|');
    console.log(`| new (first start)     | ${fresh.toFixed(1).padStart(7)} |`);
    console.log(`| kept (second start)   | ${again.toFixed(1).padStart(7)} |`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

await rpcLatency();
await startUp();
