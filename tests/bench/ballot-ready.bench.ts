// npm run bench:ballot-ready — how long a voter on a cheap phone with a poor connection waits,
// from navigating to the ballot page until they can add a project (the first "Add" button is on
// screen, hydrated, with the shortlist loaded). In Chromium through the DevTools protocol: the
// CPU slowed 4× and Lighthouse's "slow 4G" network (562.5 ms round trip, 1.47 Mbit/s down,
// 675 kbit/s up, as DevTools applies it). Cold runs have an empty cache (a first visit); warm
// runs keep it (a voter coming back). Prints figures; asserts nothing.
//
// It starts the site as `npm start` does, on its own ports (BENCH_PORT, BENCH_API_PORT) and a
// fresh data folder, signs the demo resident in and makes them eligible (unthrottled), then
// measures. CHROMIUM_PATH as for the browser tests; BENCH_RUNS (default 5) runs of each kind.
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { withProjectNode } from '../../scripts/run.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4391);
const API_PORT = Number(process.env.BENCH_API_PORT ?? 54391);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SITE = `http://localhost:${PORT}`;
const API = `http://localhost:${API_PORT}`;
const CHEST = '00000000-0000-4000-a001-000000000001';
const VOTE = `${SITE}/budgeting/vote/?p=community-chest-2027`;
const CPU_SLOWDOWN = 4;
// Lighthouse's mobileSlow4G with DevTools throttling: 150 ms × 3.75, 1.6 Mbit/s × 0.9, 750 kbit/s × 0.9.
const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};

const work = mkdtempSync(join(tmpdir(), 'wt-ballot-ready-'));
const logFile = join(work, 'server.log');
console.error(`Starting the site on ${SITE} (building takes a minute or two; log in ${logFile})…`);
const server = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/start.ts'], {
  env: withProjectNode({
    ...process.env,
    DATA_DIR: join(work, 'data'),
    PORT: String(PORT),
    SUPABASE_PORT: String(API_PORT),
    PUBLIC_SUPABASE_URL: '',
    PUBLIC_SUPABASE_ANON_KEY: '',
  }),
  stdio: ['ignore', openSync(logFile, 'a'), openSync(logFile, 'a')],
});
const stopServer = () => {
  if (server.exitCode === null) server.kill('SIGINT');
};
process.on('exit', () => {
  stopServer();
  rmSync(work, { recursive: true, force: true });
});

async function waitForSite(deadline = Date.now() + 300_000) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The site stopped (exit ${server.exitCode}); see ${logFile}.`);
    try {
      if ((await fetch(`${SITE}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('The site did not start within 5 minutes.');
}

/** Records, inside the page, the moment (ms since navigation start) the first Add button appears. */
function watchForReady() {
  const w = window as unknown as { __ready?: number };
  const look = () => {
    const button = [...document.querySelectorAll('.wt-ballot-item button')].find((b) => b.textContent?.startsWith('Add'));
    if (button && w.__ready === undefined) w.__ready = performance.now();
    return w.__ready !== undefined;
  };
  new MutationObserver((_, observer) => look() && observer.disconnect()).observe(document, { subtree: true, childList: true });
}

async function measure(page: Page, cdp: CDPSession, cold: boolean) {
  if (cold) await cdp.send('Network.clearBrowserCache');
  await page.goto('about:blank');
  await page.goto(VOTE, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready !== undefined, undefined, {
    timeout: 120_000,
    polling: 250,
  });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const bytes = resources.reduce((sum, r) => sum + r.transferSize, nav.transferSize);
    // Where the wait goes: the last script in, the process read by slug, then the voter's data.
    const scripts = Math.max(...resources.filter((r) => r.name.endsWith('.js')).map((r) => r.responseEnd));
    const ended = (fn: string) => resources.find((r) => r.name.includes(`/rpc/${fn}`))?.responseEnd ?? NaN;
    return {
      ready: (window as unknown as { __ready: number }).__ready,
      fcp,
      bytes,
      scripts,
      process: ended('pb_process'),
      shortlist: ended('pb_shortlist'),
    };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

try {
  await waitForSite();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 2.625,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();

  // Unthrottled set-up: sign the demo resident in and make them eligible by postcode.
  await page.goto(`${SITE}/sign-in/?next=${encodeURIComponent('/budgeting/')}`);
  await page.getByRole('button', { name: 'Sign in with a password instead' }).click();
  await page.getByLabel('Email address').fill('resident@example.org');
  await page.getByLabel('Password').fill('working-together-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/budgeting\/$/);
  const token = await page.evaluate(
    () => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith('-auth-token'))!)!).access_token as string,
  );
  const proved = await fetch(`${API}/rest/v1/rpc/pb_declare_postcode`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, apikey: token },
    body: JSON.stringify({ p_process_id: CHEST, p_postcode: 'OX4 1AA' }),
  });
  if (!proved.ok && proved.status !== 409) throw new Error(`Could not make the resident eligible: ${proved.status} ${await proved.text()}`);
  await page.addInitScript(watchForReady);

  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);

  const results: Record<'cold' | 'warm', Awaited<ReturnType<typeof measure>>[]> = { cold: [], warm: [] };
  await measure(page, cdp, true); // one unmeasured visit, so the server's first-call costs are not counted
  for (let i = 0; i < RUNS; i++) results.cold.push(await measure(page, cdp, true));
  for (let i = 0; i < RUNS; i++) results.warm.push(await measure(page, cdp, false));
  await browser.close();

  console.log(`\nBallot page ${new URL(VOTE).pathname}${new URL(VOTE).search}: navigation until a voter can add a project`);
  console.log(`Chromium, CPU ${CPU_SLOWDOWN}× slower, slow 4G (562.5 ms RTT, 1.47 Mbit/s down, 675 kbit/s up), ${RUNS} runs each, medians`);
  for (const kind of ['cold', 'warm'] as const) {
    const r = results[kind];
    const m = (key: keyof (typeof r)[number]) => median(r.map((x) => x[key]));
    const label = kind === 'cold' ? 'first visit (empty cache)' : 'coming back (cached)    ';
    console.log(
      `  ${label}  ready ${s(m('ready'))}  (min ${s(Math.min(...r.map((x) => x.ready)))}, max ${s(Math.max(...r.map((x) => x.ready)))})  first paint ${s(m('fcp'))}  transferred ${(m('bytes') / 1024).toFixed(1)} kB`,
    );
    console.log(
      `  ${' '.repeat(label.length)}  of which: scripts in by ${s(m('scripts'))}, process read by ${s(m('process'))}, shortlist and ballot by ${s(m('shortlist'))}`,
    );
  }
} finally {
  stopServer();
}
