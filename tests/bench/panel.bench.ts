// npm run bench:panel — the grants panel at size: a round of 200 applications, 15 members and 6
// criteria, fully scored; then how long api.round_results() takes (median of several runs,
// target under 50 ms), and the p50/p95 of submitting scores through supabase-js over HTTP with
// 30 members scoring at once for 10 s (target p95 under 15 ms). Everything is set up through the
// api, as officers and members would. Prints figures; asserts nothing.
import { createApiClient, type ApiClient } from '../../src/lib/supabase.ts';
import pg from 'pg';
import { DEMO_PASSWORD } from '../../supabase/demo-accounts.ts';
import { ms, percentile, runLoad, spawnStandIn } from './support/measure.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const APPLICATIONS = 200;
const RESULTS_MEMBERS = 15;
const LOAD_MEMBERS = 30;
const CRITERIA = [
  [25, 4],
  [20, 4],
  [20, 5],
  [15, 3],
  [10, 4],
  [10, 5],
] as const; // weight, highest score
const RESULTS_RUNS = 15;

type Client = ApiClient;
const log = (line: string) => process.stderr.write(`${line}\n`);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the benchmark's calls read answers untyped; a new call should name its wrapper's Result type (src/lib/api/).
async function call<T = any>(client: Client, fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const { data, error } = await client.rpc(fn, args);
  if (error) throw new Error(`${fn}: ${error.message}`);
  return data as T;
}

/** Runs fn over items, `size` at a time. */
async function inPool<T>(items: T[], size: number, fn: (item: T, index: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

/** A deterministic score for member m, application a, criterion c. */
const scoreOf = (m: number, a: number, c: number, max: number) => (m * 7 + a * 13 + c * 5) % (max + 1);

/** On a real PostgreSQL server, the planner needs statistics on the tables just filled, as
 * autovacuum gathers them within a minute of a bulk load. Timing before then measured plans made
 * for empty tables (a median of 800 ms instead of about 30). PGlite plans the same either way. */
async function analyzeRealServer() {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('analyze');
  await client.end();
  log('statistics gathered (analyze), as autovacuum would after a bulk load');
}

async function main() {
  const standIn = await spawnStandIn();
  const client = () => createApiClient(standIn.url, standIn.anonKey, { persistSession: false, autoRefreshToken: false });
  try {
    const started = performance.now();
    const officer = client();
    const signIn = await officer.auth.signInWithPassword({ email: 'officer@example.org', password: DEMO_PASSWORD });
    if (signIn.error) throw signIn.error;

    // People: 30 members with passwords, made as Supabase Auth's admin API would.
    const admin = createApiClient(standIn.url, standIn.serviceRoleKey, { persistSession: false, autoRefreshToken: false });
    const members: { id: string; client: Client }[] = [];
    await inPool(
      Array.from({ length: LOAD_MEMBERS }, (_, i) => i),
      10,
      async (i) => {
        const email = `bench-member-${i}@example.org`;
        const created = await admin.auth.admin.createUser({ email, password: 'bench-password-123', email_confirm: true });
        if (created.error) throw created.error;
        const c = client();
        const session = await c.auth.signInWithPassword({ email, password: 'bench-password-123' });
        if (session.error) throw session.error;
        members[i] = { id: created.data.user.id, client: c };
      },
    );

    const fund = await call(officer, 'create_fund', { p_slug: 'bench-fund', p_name: 'Benchmark Fund', p_budget: 1_000_000 });
    async function makeRound(prefix: string, panel: number) {
      const round = await call(officer, 'create_round', { p_fund_id: fund.id, p_title: `Benchmark ${prefix}`, p_reference_prefix: prefix });
      const criteria: { id: string; maximum: number }[] = [];
      for (const [weight, maximum] of CRITERIA) {
        const descriptors = Array.from({ length: maximum + 1 }, (_, i) => `Score ${i}`);
        const c = await call(officer, 'add_criterion', {
          p_round_id: round.id,
          p_title: `Criterion ${criteria.length + 1}`,
          p_weight: weight,
          p_maximum: maximum,
          p_descriptors: descriptors,
        });
        criteria.push({ id: c.id, maximum });
      }
      const apps: string[] = [];
      await inPool(
        Array.from({ length: APPLICATIONS }, (_, i) => i),
        8,
        async (i) => {
          const a = await call(officer, 'add_application', {
            p_round_id: round.id,
            p_application: {
              organisation_name: `Bench Group ${i}`,
              organisation_type: 'community group',
              project_title: `Project ${i}`,
              description: 'A project described in a few plain sentences, as an applicant would.',
              amount_requested: 1000 + i,
              contact: { name: `Contact ${i}`, email: `bench-${i}@example.org` },
            },
          });
          await call(officer, 'write_application_summary', { p_application_id: a.id, p_summary: `Summary ${i}.` });
          apps[i] = a.id;
        },
      );
      for (let m = 0; m < panel; m++) {
        await call(officer, 'add_panel_member', {
          p_round_id: round.id,
          p_person_id: members[m]!.id,
          p_seat: m % 2 ? 'councillor' : 'community',
          p_role: m === 0 ? 'chair' : 'member',
        });
      }
      for (const to of ['open', 'closed', 'scoring'])
        await call(officer, 'move_round', {
          p_round_id: round.id,
          p_to: to,
          ...(to === 'scoring' ? { p_force_reason: 'A benchmark panel.' } : {}),
        });
      const jobs = Array.from({ length: panel }, (_, m) => m).flatMap((m) => apps.map((app) => ({ m, app })));
      await inPool(
        Array.from({ length: panel }, (_, m) => m),
        panel,
        (m) => call(members[m]!.client, 'accept_confidentiality', { p_round_id: round.id }),
      );
      await inPool(jobs, 30, ({ m, app }) =>
        call(members[m]!.client, 'declare_interest', { p_application_id: app, p_has_conflict: false }),
      );
      return { id: round.id as string, criteria, apps };
    }
    const scoresFor = (round: { criteria: { id: string; maximum: number }[] }, m: number, a: number) =>
      round.criteria.map((c, i) => ({ criterion_id: c.id, score: scoreOf(m, a, i, c.maximum) }));

    // The results round: everyone scores everything, then the panel meets.
    const results = await makeRound('BENCHR', RESULTS_MEMBERS);
    // The first member scores alone, one application after another: the time of one call with
    // nobody else waiting (the service time every queued call then waits behind).
    const alone: number[] = [];
    for (const [a, app] of results.apps.entries()) {
      const t0 = performance.now();
      await call(members[0]!.client, 'submit_scores', { p_application_id: app, p_scores: scoresFor(results, 0, a) });
      alone.push(performance.now() - t0);
    }
    alone.sort((x, y) => x - y);
    const submissions = Array.from({ length: RESULTS_MEMBERS - 1 }, (_, m) => m + 1).flatMap((m) =>
      results.apps.map((app, a) => ({ m, a, app })),
    );
    await inPool(submissions, 30, ({ m, a, app }) =>
      call(members[m]!.client, 'submit_scores', { p_application_id: app, p_scores: scoresFor(results, m, a) }),
    );
    await call(officer, 'move_round', { p_round_id: results.id, p_to: 'panel' });
    log(
      `results round ready: ${APPLICATIONS} applications × ${RESULTS_MEMBERS} members × ${CRITERIA.length} criteria (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    await analyzeRealServer();

    const times: number[] = [];
    for (let run = 0; run < RESULTS_RUNS + 2; run++) {
      const t0 = performance.now();
      const data = await call(officer, 'round_results', { p_round_id: results.id });
      const elapsed = performance.now() - t0;
      if (run >= 2) times.push(elapsed); // two warm-up runs
      if (data.applications.length !== APPLICATIONS || data.applications[0].members_scored !== RESULTS_MEMBERS)
        throw new Error('unexpected results');
    }
    times.sort((a, b) => a - b);

    // The load round: 30 members submit one application's scores after another, all at once.
    const load = await makeRound('BENCHL', LOAD_MEMBERS);
    log(
      `load round ready: ${APPLICATIONS} applications × ${LOAD_MEMBERS} members (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    // 200 applications each is far more than a member submits in 10 s here; should one run out,
    // it waits, and the wait is not counted as a request (runLoad leaves 'idle' turns untimed).
    const position = Array(LOAD_MEMBERS).fill(0) as number[];
    const r = await runLoad(LOAD_MEMBERS, SECONDS, async (m) => {
      const a = position[m]!++;
      if (a >= APPLICATIONS) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return 'idle';
      }
      const { error } = await members[m]!.client.rpc('submit_scores', { p_application_id: load.apps[a], p_scores: scoresFor(load, m, a) });
      if (error) log(`submit_scores: ${error.message}`);
      return !error;
    });
    if (r.idle) log(`note: members ran out of applications ${r.idle} times; those waits are not in the figures`);
    const service = percentile(alone, 50);

    console.log(
      `\nGrants panel on the stand-in (${process.env.BENCH_DATABASE_URL ? 'PostgreSQL server at BENCH_DATABASE_URL' : 'PGlite'}, own process), through supabase-js over HTTP\n`,
    );
    console.log(
      `api.round_results(): ${APPLICATIONS} applications × ${RESULTS_MEMBERS} members × ${CRITERIA.length} criteria, ${RESULTS_RUNS} runs (target: under 50 ms)\n`,
    );
    console.log('|    median |       min |       p95 |       max |');
    console.log('|-----------|-----------|-----------|-----------|');
    console.log(
      `| ${ms(percentile(times, 50)).padStart(9)} | ${ms(times[0]!).padStart(9)} | ${ms(percentile(times, 95)).padStart(9)} | ${ms(times.at(-1)!).padStart(9)} |`,
    );
    console.log(
      `\napi.submit_scores(): ${LOAD_MEMBERS} members at once, ${CRITERIA.length} scores each, ${SECONDS} s (target: p95 under 15 ms)\n`,
    );
    console.log('| members | requests |   req/s |       p50 |       p95 |       p99 | errors |');
    console.log('|---------|----------|---------|-----------|-----------|-----------|--------|');
    console.log(
      `| ${'1'.padStart(7)} | ${String(alone.length).padStart(8)} | ${(1000 / (alone.reduce((x, y) => x + y, 0) / alone.length)).toFixed(0).padStart(7)} | ${ms(percentile(alone, 50)).padStart(9)} | ${ms(percentile(alone, 95)).padStart(9)} | ${ms(percentile(alone, 99)).padStart(9)} | ${'0'.padStart(6)} |`,
    );
    console.log(
      `| ${String(LOAD_MEMBERS).padStart(7)} | ${String(r.requests).padStart(8)} | ${r.perSecond.toFixed(0).padStart(7)} | ${ms(r.p50).padStart(9)} | ${ms(r.p95).padStart(9)} | ${ms(r.p99).padStart(9)} | ${String(r.errors).padStart(6)} |`,
    );
    // PGlite runs one statement at a time, so 30 members at once queue: by Little's law each
    // waits about 30 × the service time. Printed so the figure above reads in context.
    console.log(
      `\nTimed: ${alone.length} submissions by one member alone, and ${r.requests} by ${LOAD_MEMBERS} members at once (${r.idle} idle turns, when a member had no application left, not timed).`,
    );
    console.log(
      `One call alone takes ${ms(service)} (p50); with ${LOAD_MEMBERS} members in a queue that is about ${ms(service * LOAD_MEMBERS)} each.`,
    );
  } finally {
    await standIn.stop();
  }
}

await main();
