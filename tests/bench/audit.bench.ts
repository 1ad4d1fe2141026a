// npm run bench:audit — audited writes a second at 1, 8 and 32 clients: each write is one
// transaction inserting a row into an audited table, so its trigger appends one event to the
// audit trail. Runs on PGlite (in-process, one connection: clients take turns) and, with
// BENCH_DATABASE_URL, on a real PostgreSQL server, where `pgbench -N` on the same server is
// printed beside it when pgbench is installed, together with the same audited write driven by
// pgbench itself (-f), so that one ratio compares like with like: on a small machine Node's own
// CPU use holds the Node-driven figure down. Each Node figure is shown for the 64 lanes and, for
// comparison, with every transaction forced onto one lane (the old single chain head).
// Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../supabase/local/database.ts';
import { migrate } from '../../supabase/local/migrate.ts';
import { loadSnapshot } from '../support/snapshot.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = [1, 8, 32];
const log = (line: string) => process.stderr.write(`${line}\n`);

const SETUP = `
  drop table if exists private.bench_audit;
  create table private.bench_audit (id bigserial primary key, client int not null, n int not null, note text);
  select private.audit_table('private.bench_audit');`;
const WRITE = 'insert into private.bench_audit (client, n, note) values ($1, $2, $3)';
const ONE_LANE = `create or replace function private.audit_lanes() returns int language sql immutable set search_path = '' as $$ select 1 $$`;
const ALL_LANES = `create or replace function private.audit_lanes() returns int language sql immutable set search_path = '' as $$ select 64 $$`;

/** Runs `write(client, n)` from each client in a loop for SECONDS; writes a second. */
async function measure(clients: number, write: (client: number, n: number) => Promise<unknown>): Promise<number> {
  const stopAt = performance.now() + SECONDS * 1000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let n = 0; performance.now() < stopAt; n++) {
        await write(c, n);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

async function pglite(): Promise<Record<string, number>> {
  const db = await openDatabase({ snapshot: await loadSnapshot() });
  await db.exec(SETUP);
  const out: Record<string, number> = {};
  for (let n = 0; n < 500; n++) await db.query(WRITE, [0, n, 'warm-up']);
  for (const [label, lanes] of [
    ['64 lanes', ALL_LANES],
    ['1 lane', ONE_LANE],
  ] as const) {
    // Cached plans keep the lane count they were made with (it is folded in as a constant).
    await db.exec(`${lanes}; discard plans`);
    for (const c of CLIENTS) out[`${label} ${c}`] = await measure(c, (client, n) => db.query(WRITE, [client, n, 'a benchmark row']));
  }
  await db.exec(`${ALL_LANES}; discard plans`);
  await checkIntact(db);
  await db.close();
  return out;
}

/** The chain must still be whole after the load, or the figures mean nothing: every lane reaches its head. */
async function checkIntact(db: Database) {
  const [row] = await db.query<{ intact: boolean; events: string; lanes: string }>(`
    select bool_and(ok) as intact, sum(n) as events, count(*) filter (where n > 0) as lanes from (
      select h.events = count(e.id) and h.last_id is not distinct from max(e.id) as ok, count(e.id) as n
      from private.audit_chain_head h left join private.audit_events e on e.lane = h.lane group by h.lane, h.events, h.last_id) s`);
  log(`  chain after the load: ${row!.intact ? 'every lane reaches its head' : 'BROKEN'} (${row!.events} events in ${row!.lanes} lanes)`);
}

async function realServer(url: string): Promise<Record<string, number>> {
  const db = await openDatabase({ databaseUrl: url });
  await migrate(db, { supabaseDir: 'supabase', log: () => undefined });
  await db.exec(SETUP);
  const out: Record<string, number> = {};
  for (const [label, lanes] of [
    ['64 lanes', ALL_LANES],
    ['1 lane', ONE_LANE],
  ] as const) {
    await db.exec(lanes);
    // New connections: cached plans keep the lane count they were made with (folded in as a constant).
    const pool = new pg.Pool({ connectionString: url, max: Math.max(...CLIENTS) });
    await Promise.all(Array.from({ length: Math.max(...CLIENTS) }, () => pool.query('select 1')));
    // A named prepared statement, as PostgREST runs its statements (and as pgbench -M prepared
    // would): parsed and planned once per connection, not once per write.
    for (const c of CLIENTS)
      out[`${label} ${c}`] = await measure(c, (client, n) =>
        pool.query({ name: 'bench-audit-write', text: WRITE, values: [client, n, 'a benchmark row'] }),
      );
    const [{ lanes: used }] = (
      await pool.query<{ lanes: number }>(
        `select count(distinct lane)::int as lanes from (select lane from private.audit_events order by id desc limit 200) e`,
      )
    ).rows as [{ lanes: number }];
    log(`  ${label}: the last 200 events used ${used} lane${used === 1 ? '' : 's'}`);
    await pool.end();
  }
  await db.exec(ALL_LANES);
  await checkIntact(db);
  await db.close();
  return out;
}

function pgbenchBinary(): string | undefined {
  const onPath = spawnSync('pgbench', ['--version']);
  if (onPath.status === 0) return 'pgbench';
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const bins = readdirSync(root)
    .sort()
    .map((v) => `${root}/${v}/bin/pgbench`)
    .filter(existsSync);
  return bins.at(-1);
}

/** tps of one pgbench run. */
function runPgbench(bin: string, args: string[], target: string, clients: number): number {
  const run = spawnSync(bin, [...args, '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(SECONDS), target], {
    encoding: 'utf8',
  });
  const tps = /tps = ([\d.]+)/.exec(run.stdout)?.[1];
  if (!tps) throw new Error(`pgbench ${args.join(' ')} failed: ${run.stderr || run.stdout}`);
  return Number(tps);
}

/** Our audited write driven by pgbench itself (-f), so both figures have the same client: on a
 * small machine Node's own CPU use lowers the first column, not the database's speed. */
function pgbenchAudited(url: string): Record<number, number> | undefined {
  const bin = pgbenchBinary();
  if (!bin) return undefined;
  const script = join(mkdtempSync(join(tmpdir(), 'bench-audit-')), 'audited-write.sql');
  writeFileSync(script, "insert into private.bench_audit (client, n, note) values (:client_id, 1, 'a benchmark row');\n");
  return Object.fromEntries(CLIENTS.map((c) => [c, runPgbench(bin, ['-n', '-f', script], url, c)]));
}

/** pgbench -N's tps at each client count, on a scratch database of the same server. */
async function pgbench(url: string): Promise<Record<number, number> | undefined> {
  const bin = pgbenchBinary();
  if (!bin) return undefined;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop database if exists bench_pgbench');
  await admin.query('create database bench_pgbench');
  await admin.end();
  const target = new URL(url);
  target.pathname = '/bench_pgbench';
  const init = spawnSync(bin, ['-i', '-q', '-s', '10', target.toString()], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
  return Object.fromEntries(CLIENTS.map((c) => [c, runPgbench(bin, ['-N'], target.toString(), c)]));
}

const fmt = (n: number | undefined) => (n === undefined ? '—' : Math.round(n).toLocaleString('en-GB')).padStart(8);

function print(title: string, figures: Record<string, number>, bench?: Record<number, number>, viaPgbench?: Record<number, number>) {
  console.log(`\n${title}`);
  console.log(`  clients   64 lanes   1 lane (old)${bench ? '   pgbench -N   ÷ pgbench   audited by pgbench -f   ÷ pgbench' : ''}`);
  for (const c of CLIENTS) {
    const ours = figures[`64 lanes ${c}`];
    const line = `  ${String(c).padStart(7)}   ${fmt(ours)}   ${fmt(figures[`1 lane ${c}`])}    `;
    const same = viaPgbench?.[c];
    console.log(
      bench
        ? `${line}  ${fmt(bench[c])}   ${(ours! / bench[c]!).toFixed(2).padStart(8)}   ${fmt(same).padStart(21)}   ${same ? (same / bench[c]!).toFixed(2).padStart(8) : ''}`
        : line,
    );
  }
}

log(`audited writes a second, ${SECONDS} s per figure (BENCH_SECONDS to change)`);
print('PGlite (in-process, one connection)', await pglite());
const url = process.env.BENCH_DATABASE_URL;
if (url) {
  const figures = await realServer(url);
  const bench = await pgbench(url).catch((error) => {
    log(`pgbench: ${(error as Error).message}`);
    return undefined;
  });
  const viaPgbench = bench ? pgbenchAudited(url) : undefined;
  print(`PostgreSQL at ${new URL(url).host}${new URL(url).pathname} (columns 2–3 driven from Node by pg)`, figures, bench, viaPgbench);
  if (!bench) console.log('  (pgbench not found: install postgresql-client to see its figure beside ours)');
} else {
  console.log('\nSet BENCH_DATABASE_URL to a scratch PostgreSQL database to measure a real server too.');
}
