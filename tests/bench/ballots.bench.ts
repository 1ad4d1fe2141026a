// npm run bench:ballots — voters casting and changing their ballots for BENCH_SECONDS (10) at 1, 8
// and 32 clients, through the API as PostgREST calls it (SQL with the role and claims set, the
// stand-in's invokeRpc) and over HTTP through the stand-in; on PGlite, and with
// BENCH_DATABASE_URL (an empty database on a real PostgreSQL server) on that server too. Prints
// ballots a second and p50/p95, then checks and prints: acknowledged ballots lost, duplicates,
// over budget (each must be 0). Beside it, `pgbench -N` at 8 clients on the same server when
// pgbench is on the PATH. Prints figures; asserts nothing. For profiling the database:
// BENCH_CLIENTS=1,8 (client counts), BENCH_SKIP_HTTP=1, BENCH_SKIP_PGBENCH=1, and
// BENCH_RESET_STATS=1 to start pg_stat_statements' figures (track = all) at each measured run.
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import type { Database } from '../../supabase/local/database.ts';
import { invokeRpc } from '../../supabase/local/rest.ts';
import { signJwt } from '../../supabase/local/jwt.ts';
import { startStandIn, type StandIn } from '../../supabase/local/server.ts';
import { liveSession } from '../support/db.ts';
import { loadSnapshot } from '../support/snapshot.ts';
import { buildPbWorld, makeEligible, newResident, type PbWorld } from '../db/pb/world.ts';
import { describeCpu, startCpuProbe } from './support/cpu.ts';
import { ms, runLoad } from './support/measure.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// BENCH_CLIENTS=1,8 picks the client counts (quicker when profiling one of them).
const CLIENTS = (process.env.BENCH_CLIENTS ?? '1,8,32').split(',').map(Number);
const VOTERS_PER_CLIENT = 8;
const SECRET = 'bench-ballots-secret-bench-ballots-secret-0123';
const COSTS = [42000, 38000, 35000, 30000, 28000, 25000, 22000, 18000, 15000, 12000, 9000, 6000];
const BUDGET = 100000;
const log = (line: string) => process.stdout.write(`${line}\n`);

interface Voter {
  sub: string;
  token: string;
  session: string;
  last?: string[];
}

/** A ballot of random shortlisted projects within the budget (so every cast should succeed). */
function randomBallot(w: PbWorld): string[] {
  const order = [...w.shortlist].sort(() => Math.random() - 0.5);
  const chosen: string[] = [];
  let total = 0;
  for (const p of order) {
    if (total + p.checkedCost <= BUDGET && Math.random() < 0.6) {
      chosen.push(p.id);
      total += p.checkedCost;
    }
  }
  return chosen.length ? chosen : [order.find((p) => p.checkedCost <= BUDGET)!.id];
}

async function makeVoters(db: Database, w: PbWorld, n: number): Promise<Voter[]> {
  const voters: Voter[] = [];
  for (let i = 0; i < n; i++) {
    const r = await newResident(db, 'bench-voter');
    await makeEligible(db, w, r.sub);
    const session = await liveSession(db, r.sub);
    const token = signJwt(
      { role: 'authenticated', aud: 'authenticated', sub: r.sub, session_id: session, exp: Math.floor(Date.now() / 1000) + 3600 },
      SECRET,
    );
    voters.push({ sub: r.sub, token, session });
  }
  return voters;
}

type Cast = (voter: Voter, ids: string[]) => Promise<boolean>;

/** Each client owns its own voters and changes their ballots in turn, so the last acknowledged
 * ballot of each voter is known and can be checked against what is stored. */
async function measure(label: string, db: Database, w: PbWorld, voters: Voter[], cast: Cast) {
  for (const clients of CLIENTS) {
    const mine = (c: number) => voters.slice(c * VOTERS_PER_CLIENT, (c + 1) * VOTERS_PER_CLIENT);
    const turn = Array(clients).fill(0) as number[];
    // BENCH_RESET_STATS=1 (with pg_stat_statements installed) starts its figures here, so they
    // hold the casts alone.
    if (process.env.BENCH_RESET_STATS) await db.query('select pg_stat_statements_reset(), pg_stat_reset()');
    const probe = db.kind === 'postgres' ? await startCpuProbe(db) : undefined;
    const r = await runLoad(clients, SECONDS, async (c) => {
      const own = mine(c);
      const voter = own[turn[c]!++ % own.length]!;
      const ids = randomBallot(w);
      const ok = await cast(voter, ids);
      if (ok) voter.last = ids;
      return ok;
    });
    log(
      `${label.padEnd(34)} ${String(clients).padStart(2)} clients: ${r.perSecond.toFixed(0).padStart(6)} ballots/s  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  errors ${r.errors}`,
    );
    if (probe) log(`${''.padEnd(34)} ${describeCpu(await probe(), r.requests + r.errors)}`);
  }
  await check(label, db, w, voters);
}

async function check(label: string, db: Database, w: PbWorld, voters: Voter[]) {
  const stored = await db.query<{ person_id: string; voters: string; proposal_ids: string[] }>(
    `select v.person_id, count(*) over (partition by v.person_id) as voters, b.proposal_ids
     from private.pb_voters v join private.pb_ballots b on b.id = v.ballot_id where v.process_id = $1`,
    [w.processId],
  );
  const byPerson = new Map(stored.map((s) => [s.person_id, s]));
  let lost = 0;
  for (const v of voters) {
    if (!v.last) continue;
    const s = byPerson.get(v.sub);
    if (!s || [...s.proposal_ids].sort().join() !== [...v.last].sort().join()) lost += 1;
  }
  const [dup] = await db.query<{ duplicates: string }>(
    `select (select count(*) from private.pb_voters where process_id = $1) - (select count(distinct person_id) from private.pb_voters where process_id = $1)
          + (select count(*) from private.pb_ballots where process_id = $1) - (select count(*) from private.pb_voters where process_id = $1) as duplicates`,
    [w.processId],
  );
  const [over] = await db.query<{ over: string }>(
    `select count(*) as over from private.pb_ballots b
     where b.process_id = $1 and (select coalesce(sum(p.checked_cost), 0) from private.pb_proposals p where p.id = any (b.proposal_ids)) > $2`,
    [w.processId, BUDGET],
  );
  log(
    `${label.padEnd(34)} check: acknowledged ballots lost ${lost}, duplicates ${dup!.duplicates}, over budget ${over!.over} (${stored.length} voters)`,
  );
}

async function viaApi(db: Database, w: PbWorld, voters: Voter[], label: string) {
  await measure(`${label}, API (PostgREST's SQL)`, db, w, voters, async (voter, ids) => {
    const claims = { role: 'authenticated', aud: 'authenticated', sub: voter.sub, session_id: voter.session };
    const out = await invokeRpc(
      db,
      { role: 'authenticated', claims },
      { schema: 'api', name: 'pb_cast_ballot', args: { p_process_id: w.processId, p_proposal_ids: ids } },
    );
    return out.status === 200;
  });
}

async function viaHttp(standIn: StandIn, w: PbWorld, voters: Voter[], label: string) {
  const url = `${standIn.url}/rest/v1/rpc/pb_cast_ballot`;
  await measure(`${label}, HTTP (stand-in)`, standIn.db, w, voters, async (voter, ids) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { apikey: standIn.keys.anonKey, authorization: `Bearer ${voter.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ p_process_id: w.processId, p_proposal_ids: ids }),
    });
    await res.arrayBuffer();
    return res.status === 200;
  });
}

async function onServer(label: string, standIn: StandIn) {
  const db = standIn.db;
  const voters = VOTERS_PER_CLIENT * Math.max(...CLIENTS);
  const apiWorld = await buildPbWorld(db, { phase: 'voting', budget: BUDGET, shortlist: COSTS });
  await viaApi(db, apiWorld, await makeVoters(db, apiWorld, voters), label);
  // BENCH_SKIP_HTTP=1 measures the API alone (quicker when profiling the database).
  if (process.env.BENCH_SKIP_HTTP) return;
  const httpWorld = await buildPbWorld(db, { phase: 'voting', budget: BUDGET, shortlist: COSTS });
  await viaHttp(standIn, httpWorld, await makeVoters(db, httpWorld, voters), label);
}

function pgbench(url: string) {
  try {
    execFileSync('pgbench', ['--version'], { stdio: 'ignore' });
  } catch {
    log('pgbench is not on the PATH: no pgbench -N figure');
    return undefined;
  }
  const target = new URL(url);
  target.pathname = `/${target.pathname.slice(1)}_pgbench`;
  return target.toString();
}

async function main() {
  // BENCH_SKIP_PGLITE=1 measures only the server at BENCH_DATABASE_URL (quicker when profiling it).
  if (!process.env.BENCH_SKIP_PGLITE) await onPglite();
  await onPostgres();
}

async function onPglite() {
  const pglite = await startStandIn({
    snapshot: await loadSnapshot(),
    supabaseDir: 'supabase',
    port: 0,
    jwtSecret: SECRET,
    allowedOrigins: [],
    log: () => undefined,
  });
  try {
    await onServer('PGlite', pglite);
  } finally {
    await pglite.close();
  }
}

async function onPostgres() {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    log('BENCH_DATABASE_URL not set: no figures for a real PostgreSQL server');
    return;
  }
  const server = await startStandIn({
    databaseUrl: url,
    supabaseDir: 'supabase',
    port: 0,
    jwtSecret: SECRET,
    allowedOrigins: [],
    log: () => undefined,
  });
  try {
    await server.db.exec('analyze');
    await onServer('PostgreSQL', server);
  } finally {
    await server.close();
  }
  // BENCH_SKIP_PGBENCH=1 leaves out the pgbench -N figure (quicker when profiling).
  const benchUrl = process.env.BENCH_SKIP_PGBENCH ? undefined : pgbench(url);
  if (benchUrl) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const name = new URL(benchUrl).pathname.slice(1);
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
    execFileSync('pgbench', ['-i', '-q', '-s', '8', benchUrl], { stdio: 'ignore' });
    const out = execFileSync('pgbench', ['-N', '-c', '8', '-j', '2', '-T', String(SECONDS), benchUrl], { encoding: 'utf8' });
    const tps = out.match(/tps = ([\d.]+)/)?.[1];
    log(`pgbench -N, 8 clients, same server: ${Number(tps).toFixed(0)} transactions/s`);
    const admin2 = new pg.Client({ connectionString: url });
    await admin2.connect();
    await admin2.query(`drop database if exists ${name}`);
    await admin2.end();
  }
}

await main();
