// `npm start` as a newcomer uses it: it prints where everything is and the demo accounts, the
// API answers, Ctrl-C stops both servers cleanly, and a second start keeps the data.
// (--no-build: the browser tests cover the built site; this is about the processes.)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/lib/supabase.ts';
import { keysFromSecret } from '../../supabase/local/keys.ts';

let dataDir: string;
let sitePort: number;
let apiPort: number;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const portIsClosed = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

async function start(): Promise<Started> {
  let output = '';
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/start.ts', '--no-build'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(sitePort),
      SUPABASE_PORT: String(apiPort),
      PUBLIC_SUPABASE_URL: '',
      PUBLIC_SUPABASE_ANON_KEY: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (!output.includes('Press Ctrl-C to stop.')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => output, exited };
}

async function anonClient() {
  const secret = (await readFile(join(dataDir, 'jwt-secret'), 'utf8')).trim();
  return {
    keys: keysFromSecret(secret),
    client: createApiClient(`http://localhost:${apiPort}`, keysFromSecret(secret).anonKey, {
      persistSession: false,
      autoRefreshToken: false,
    }),
  };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'wt-start-'));
  sitePort = await freePort();
  apiPort = await freePort();
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('npm start', () => {
  it('prints both addresses and the demo accounts, answers, and stops cleanly on Ctrl-C', async () => {
    const first = await start();
    try {
      expect(first.output()).toContain(`Site:          http://localhost:${sitePort}`);
      expect(first.output()).toContain(`Supabase API:  http://localhost:${apiPort} (local stand-in)`);
      expect(first.output()).toContain(`http://localhost:${apiPort}/mailbox`);
      expect(first.output()).toMatch(/officer@example\.org\s+a grants officer/);
      expect(first.output()).toContain('password for all: working-together-demo');

      const { client } = await anonClient();
      expect((await client.rpc('whoami')).data).toMatchObject({ role: 'anon' });
      const signIn = await client.auth.signInWithPassword({ email: 'resident@example.org', password: 'working-together-demo' });
      expect(signIn.error).toBeNull();
      const site = await fetch(`http://localhost:${sitePort}/`);
      expect([200, 404]).toContain(site.status); // 404 when no site has been built in this checkout
    } finally {
      first.child.kill('SIGINT');
    }
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain(`Stopped. Your data is kept in ${dataDir}`);
    expect(await portIsClosed(sitePort)).toBe(true);
    expect(await portIsClosed(apiPort)).toBe(true);
  });

  it('a second start keeps the data and the keys, and does not seed again', async () => {
    const { keys: before } = await anonClient();
    const admin = createApiClient(`http://localhost:${apiPort}`, before.serviceRoleKey, { persistSession: false, autoRefreshToken: false });
    const second = await start();
    try {
      expect(second.output()).not.toContain('loaded supabase/seed.sql');
      expect(second.output()).not.toContain('applied migration');
      const created = await admin.auth.admin.createUser({ email: 'kept@example.org', password: 'kept-password', email_confirm: true });
      expect(created.error).toBeNull();
    } finally {
      second.child.kill('SIGINT');
    }
    expect(await second.exited).toBe(0);

    const third = await start();
    try {
      const { keys: after, client } = await anonClient();
      expect(after).toEqual(before);
      expect((await client.auth.signInWithPassword({ email: 'kept@example.org', password: 'kept-password' })).error).toBeNull();
    } finally {
      third.child.kill('SIGINT');
    }
    expect(await third.exited).toBe(0);
  });

  it('says plainly when a port is taken, and exits', async () => {
    const blocker = createServer().listen(apiPort, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      await expect(start()).rejects.toThrow(/A port is already in use .*Is Working Together already running\?/s);
    } finally {
      blocker.close();
    }
  });
});
