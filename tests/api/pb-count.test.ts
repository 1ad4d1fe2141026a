// The pb-count Edge Function over HTTP through the stand-in, called as the app calls it
// (supabase-js functions.invoke through src/lib/api/pb-count.ts): an officer's count is stored,
// and once published the downloaded ballot file recounted by `npm run pb -- count` gives exactly
// the stored winners. Residents, anonymous visitors, signed-out tokens and early counts are
// refused with the database's keys; unknown functions 404 as on Supabase.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countVotes } from '../../src/lib/api/pb-count.ts';
import { type ApiClient } from '../../src/lib/supabase.ts';
import { startTestStandIn, type TestStandIn } from '../support/stand-in.ts';
import { buildCountWorld, publishLatest, type CountWorld } from '../db/pb/count-world.ts';

const run = promisify(execFile);
let s: TestStandIn;
let w: CountWorld;
let dir: string;

async function signIn(email: string): Promise<ApiClient> {
  const client = s.client();
  expect((await client.auth.signInWithOtp({ email, options: { shouldCreateUser: false } })).error).toBeNull();
  const code = s.mailbox.messages.find((m) => m.to === email)?.code ?? ''; // newest first
  expect((await client.auth.verifyOtp({ email, token: code, type: 'email' })).error).toBeNull();
  return client;
}

const emailOf = (w: CountWorld, who: 'officer' | 'otherOfficer' | 'resident') =>
  ({
    officer: `count-officer-${w.tag}@example.org`,
    otherOfficer: `count-other-${w.tag}@example.org`,
    resident: `count-resident-${w.tag}@example.org`,
  })[who];

beforeAll(async () => {
  s = await startTestStandIn();
  w = await buildCountWorld(s.db, { ballots: 400, projects: 12, budget: 120000 });
  dir = await mkdtemp(join(tmpdir(), 'wt-pb-count-'));
});
afterAll(async () => {
  await s.close();
  await rm(dir, { recursive: true, force: true });
});

describe('an officer counts with functions.invoke', () => {
  it('stores the count, and the published file recounts to the same winners with npm run pb -- count', async () => {
    const officer = await signIn(emailOf(w, 'officer'));
    const counted = await countVotes(w.processId, officer);
    if (!counted.ok) expect.fail(`count refused: ${counted.status} ${counted.key} ${counted.message}`);
    expect(counted.data).toMatchObject({ process_id: w.processId, ballots: 400 });
    expect(counted.data.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(counted.data.winners.length).toBeGreaterThan(0);
    for (const k of ['checking_ms', 'reading_ms', 'counting_ms', 'storing_ms', 'total_ms'] as const)
      expect(counted.data.timings[k]).toBeGreaterThanOrEqual(0);

    const latest = await officer.rpc('pb_latest_result', { p_process_id: w.processId });
    expect(latest.error).toBeNull();
    expect(latest.data).toMatchObject({ sha256: counted.data.sha256, published_at: null, result: { winners: counted.data.winners } });

    await publishLatest(s.db, w.processId, w.person.officer);
    const anyone = s.client();
    const result = await anyone.rpc('pb_result', { p_process_id: w.processId });
    const download = await anyone.rpc('pb_published_ballot_file', { p_process_id: w.processId });
    expect(result.error).toBeNull();
    expect(download.error).toBeNull();
    expect(download.data.sha256).toBe(counted.data.sha256);

    const file = join(dir, download.data.file_name);
    await writeFile(file, download.data.ballot_file);
    const { stdout: sum } = await run('sha256sum', [file]).catch(() => ({ stdout: `${download.data.sha256} -` }));
    expect(sum.split(/\s/)[0]).toBe(download.data.sha256);
    // The recount command the file itself gives, as a resident would run it.
    const recount = /^recount;(.*)$/m.exec(download.data.ballot_file)?.[1] ?? '';
    const args = recount.replace('npm run pb -- ', '').replace('<this file>', file).split(' ');
    const { stdout } = await run(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/pb.ts', ...args, '--json']);
    const cli = JSON.parse(stdout) as { ok: boolean; result: { winners: string[] } };
    expect(cli.ok).toBe(true);
    expect(cli.result.winners).toEqual(result.data.result.winners);
    expect(cli.result.winners).toEqual(counted.data.winners);
  });
});

describe('everyone else is refused with the database key', () => {
  it('refuses a resident and an officer of another process (403)', async () => {
    const world = await buildCountWorld(s.db, { ballots: 20 });
    for (const who of ['resident', 'otherOfficer'] as const) {
      const counted = await countVotes(world.processId, await signIn(emailOf(world, who)));
      expect(counted).toMatchObject({ ok: false, status: 403, key: 'not_process_officer' });
    }
    expect((await s.db.query('select 1 from private.pb_results where process_id = $1', [world.processId])).length).toBe(0);
  });

  it('refuses an anonymous visitor and a token kept after signing out (401)', async () => {
    const world = await buildCountWorld(s.db, { ballots: 20 });
    expect(await countVotes(world.processId, s.client())).toMatchObject({ ok: false, status: 401, key: 'sign_in_needed' });
    const officer = await signIn(emailOf(world, 'officer'));
    const token = (await officer.auth.getSession()).data.session!.access_token;
    await officer.auth.signOut();
    const kept = createClient(s.url, s.keys.anonKey, {
      global: { headers: { Authorization: `Bearer ${token}` } },
      auth: { persistSession: false, autoRefreshToken: false },
    });
    expect(await countVotes(world.processId, kept as unknown as ApiClient)).toMatchObject({ ok: false, status: 401, key: 'session_ended' });
    expect((await s.db.query('select 1 from private.pb_results where process_id = $1', [world.processId])).length).toBe(0);
  });

  it('refuses to count before the process is in counting (409)', async () => {
    const world = await buildCountWorld(s.db, { ballots: 20, phase: 'voting' });
    const counted = await countVotes(world.processId, await signIn(emailOf(world, 'officer')));
    expect(counted).toMatchObject({ ok: false, status: 409, key: 'wrong_phase' });
  });

  it('refuses a missing process id (400) without touching the database', async () => {
    const officer = await signIn(emailOf(w, 'officer'));
    const { error } = await officer.functions.invoke('pb-count', { body: { process_id: 'nope' } });
    const response = (error as { context: Response }).context;
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ key: 'process_id_required' });
  });
});

describe('the stand-in serves /functions/v1 as Supabase does', () => {
  it('answers 404 for a function that does not exist, and 401 without a valid token', async () => {
    const post = (name: string, headers: Record<string, string>) =>
      fetch(`${s.url}/functions/v1/${name}`, {
        method: 'POST',
        headers: { apikey: s.keys.anonKey, 'Content-Type': 'application/json', ...headers },
        body: '{}',
      });
    const missing = await post('no-such-function', { Authorization: `Bearer ${s.keys.anonKey}` });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 'NOT_FOUND', message: 'Requested function was not found' });
    expect((await post('..%2Fpb-count', { Authorization: `Bearer ${s.keys.anonKey}` })).status).toBe(404);
    expect((await post('pb-count', {})).status).toBe(401);
    expect((await post('pb-count', { Authorization: 'Bearer not-a-jwt' })).status).toBe(401);
  });

  it('answers the browser preflight for the site', async () => {
    const res = await fetch(`${s.url}/functions/v1/pb-count`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:4321',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, apikey, content-type, x-client-info',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:4321');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('gives the function its Supabase settings', async () => {
    const { functionEnv } = await import('../../supabase/local/functions.ts');
    const env = functionEnv({
      supabaseDir: 'supabase',
      baseUrl: s.url,
      keys: s.keys,
      env: { OTHER: 'x', SUPABASE_URL: 'http://elsewhere' },
    });
    expect([env('SUPABASE_URL'), env('SUPABASE_ANON_KEY'), env('SUPABASE_SERVICE_ROLE_KEY'), env('OTHER')]).toEqual([
      s.url,
      s.keys.anonKey,
      s.keys.serviceRoleKey,
      'x',
    ]);
  });
});
