// Benchmark: the count inside the product, end to end. 100,000 ballots × 100 projects are
// loaded into the database (one bulk SQL insert), then an officer calls the pb-count Edge
// Function through the stand-in exactly as the app does (supabase-js functions.invoke): it
// checks the officer, reads the ballot file through api.pb_count_input, counts it with the
// engine and stores it through api.pb_store_result. Prints the split the function reports
// (checking, reading, counting, storing) and the time the officer waits. Target: under 3 s.
//
//   npm run bench:pb-count                                   (PGlite, in memory)
//   BENCH_DATABASE_URL=postgres://… npm run bench:pb-count   (an empty PostgreSQL database)
//   BENCH_BALLOTS=20000 BENCH_RUNS=3 npm run bench:pb-count
import type { PbCountAnswer } from '../../src/lib/api/pb-count.ts';
import { startStandIn, type StandIn } from '../../supabase/local/server.ts';
import { startTestStandIn, TEST_JWT_SECRET } from '../support/stand-in.ts';
import { createApiClient } from '../../src/lib/supabase.ts';
import { buildCountWorld } from '../db/pb/count-world.ts';
import { startCpuProbe, type CpuSplit } from './support/cpu.ts';
import { loadavg } from 'node:os';

const BALLOTS = Number(process.env.BENCH_BALLOTS ?? 100_000);
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const databaseUrl = process.env.BENCH_DATABASE_URL;

const standIn: StandIn = databaseUrl
  ? await startStandIn({
      databaseUrl,
      supabaseDir: 'supabase',
      port: 0,
      jwtSecret: TEST_JWT_SECRET,
      allowedOrigins: [],
      log: () => undefined,
      otpResendAfterMs: 0,
    })
  : await startTestStandIn();
const { db } = standIn;

const t0 = performance.now();
const world = await buildCountWorld(db, { projects: PROJECTS, ballots: 0, budget: 1_500_000, phase: 'counting' });
// Costs like the engine's own benchmark (5k–100k); each voter approves 1–10 projects, some
// projects far more popular than others. Triggers are off for the load only: 100,000 audit
// events are not what is measured here.
await db.query(
  `update private.pb_proposals set checked_cost = 1000 * (5 + (number * 37) % 96) where process_id = $1 and status = 'shortlisted'`,
  [world.processId],
);
await db.transaction(async (tx) => {
  await tx.exec('set local session_replication_role = replica');
  await tx.query(
    `insert into private.pb_ballots (process_id, proposal_ids, channel)
     select $1, array(select p.id from private.pb_proposals p
                      where p.process_id = $1 and p.status = 'shortlisted' and g > 0
                      order by random() / (1 + (p.number * 13) % 5) limit 1 + (g * 7919) % 10), 'online'
     from generate_series(1, $2::int) as g`,
    [world.processId, BALLOTS],
  );
});
const loaded = performance.now();

const officer = createApiClient(standIn.url, standIn.keys.anonKey, { persistSession: false, autoRefreshToken: false });
const email = `count-officer-${world.tag}@example.org`;
await officer.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
const code = standIn.mailbox.messages.find((m) => m.to === email)?.code ?? '';
const signedIn = await officer.auth.verifyOtp({ email, token: code, type: 'email' });
if (signedIn.error) throw signedIn.error;

const fileStart = performance.now();
const [fileRow] = await db.query<{ bytes: number }>('select octet_length(private.pb_ballot_file($1)) as bytes', [world.processId]);
const fileMs = performance.now() - fileStart;

console.log(
  `pb-count end to end on ${databaseUrl ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'PGlite (in memory)'}: ${BALLOTS.toLocaleString('en-GB')} ballots × ${PROJECTS} projects`,
);
console.log(
  `loaded in ${((loaded - t0) / 1000).toFixed(1)} s; ballot file ${(Number(fileRow!.bytes) / 1e6).toFixed(1)} MB, built by SQL alone in ${fileMs.toFixed(0)} ms`,
);
console.log('run | checking ms | reading ms | counting ms | storing ms | function total ms | officer waits ms | winners');
console.log('----|-------------|------------|-------------|------------|-------------------|------------------|--------');
const waits: number[] = [];
const cpus: CpuSplit[] = [];
for (let run = 1; run <= RUNS; run++) {
  // On a shared machine the wait says more about the neighbours than about the count: the CPU
  // each side used (the function and stand-in here, the database's backends) is printed too.
  const probe = db.kind === 'postgres' ? await startCpuProbe(db) : undefined;
  const start = performance.now();
  // What countVotes (src/lib/api/pb-count.ts) does, without the browser's module resolution.
  const { data, error } = await officer.functions.invoke<PbCountAnswer>('pb-count', { body: { process_id: world.processId } });
  const wait = performance.now() - start;
  if (error) throw new Error(`count refused: ${await (error.context as Response).text()}`);
  const counted = { data: data as PbCountAnswer };
  waits.push(wait);
  if (probe) cpus.push(await probe());
  const t = counted.data.timings;
  console.log(
    `${String(run).padStart(3)} | ${t.checking_ms.toFixed(0).padStart(11)} | ${t.reading_ms.toFixed(0).padStart(10)} | ${t.counting_ms.toFixed(0).padStart(11)} | ${t.storing_ms.toFixed(0).padStart(10)} | ${t.total_ms.toFixed(0).padStart(17)} | ${wait.toFixed(0).padStart(16)} | ${counted.data.winners.length}`,
  );
}
const median = [...waits].sort((a, b) => a - b)[Math.floor(waits.length / 2)]!;
console.log(
  `median the officer waits: ${(median / 1000).toFixed(2)} s (target under 3 s); load average ${loadavg()[0]!.toFixed(1)} on ${navigator.hardwareConcurrency} cores`,
);
for (const [i, c] of cpus.entries()) {
  console.log(
    `run ${i + 1} CPU: function and stand-in ${c.nodeSeconds.toFixed(2)} s, database ${c.dbSeconds === undefined ? '(not on this machine)' : `${c.dbSeconds.toFixed(2)} s`}`,
  );
}
await standIn.close();
process.exit(0);
