// Bad input found by an outside attack test (issue 12, item 5): each gets a 4xx with a plain
// message and changes nothing, never a 500.
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/lib/supabase.ts';
import { startStandIn } from '../../supabase/local/server.ts';
import { loadSnapshot } from '../support/snapshot.ts';
import { startTestStandIn, TEST_JWT_SECRET, type TestStandIn } from '../support/stand-in.ts';

let s: TestStandIn;

const FIXTURES = `
  create table private.test_flags (id serial primary key, flag boolean not null);
  create function api.test_set_flag(p_flag boolean) returns int language sql volatile
    as $$ insert into private.test_flags (flag) values (p_flag) returning id $$;
  create function api.test_read_flag(p_flag boolean) returns boolean language sql stable as $$ select p_flag $$;
  create function api.test_typed(p_n int default null, p_id uuid default null, p_on date default null, p_ids int[] default null)
    returns text language sql stable as $$ select 'fine' $$;
  grant execute on function api.test_set_flag(boolean), api.test_read_flag(boolean), api.test_typed(int, uuid, date, int[]) to anon, authenticated;
`;

async function flagCount(): Promise<number> {
  const [row] = await s.db.query<{ n: number }>('select count(*)::int as n from private.test_flags');
  return row!.n;
}

/** A raw request, so the path reaches the server exactly as written (fetch would tidy it). */
function raw(
  path: string,
  options: { method?: string; body?: string; host?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: string }> {
  const url = new URL(s.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.host ?? '127.0.0.1',
        port: url.port,
        path,
        method: options.method ?? 'POST',
        headers: { apikey: s.keys.anonKey, 'Content-Type': 'application/json', ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body ?? '{}');
  });
}

beforeAll(async () => {
  s = await startTestStandIn();
  await s.db.exec(FIXTURES);
});
afterAll(() => s?.close());

describe('a fund slug too long for its index', () => {
  it('3,000 characters → 400 with a plain message, and no fund is made', async () => {
    const client = s.client();
    const signIn = await client.auth.signInWithPassword({ email: 'officer@example.org', password: 'working-together-demo' });
    expect(signIn.error).toBeNull();
    const [before] = await s.db.query<{ n: number }>('select count(*)::int as n from private.funds');
    const { status, error } = await client.rpc('create_fund', { p_slug: 'a'.repeat(3000), p_name: 'Long slug fund', p_budget: 1000 });
    expect(status).toBe(400);
    expect(error!.message).toMatch(/up to 60/);
    const [after] = await s.db.query<{ n: number }>('select count(*)::int as n from private.funds');
    expect(after!.n).toBe(before!.n);
  });
});

describe('JSON nested too deeply', () => {
  const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

  it('a REST body 5,000 levels deep → 400 PGRST102, before any permission check', async () => {
    const res = await raw('/rest/v1/rpc/test_set_flag', { body: `{"p_flag": ${deep(5000)}}` });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'PGRST102' });
    expect(JSON.parse(res.body).message).toMatch(/nested/i);
  });

  it('an Auth body 5,000 levels deep → 400', async () => {
    const res = await raw('/auth/v1/otp', { body: `{"email": "a@example.org", "data": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}` });
    expect(res.status).toBe(400);
  });

  it('ordinary nesting still works', async () => {
    const res = await raw('/rest/v1/rpc/test_read_flag', { body: `{"p_flag": true, "extra": null}` });
    // An unknown argument name is a 404 from PostgREST's function lookup, not a JSON problem.
    expect(res.status).toBe(404);
  });
});

describe('arguments of the wrong type → 400, as PostgREST gives', () => {
  for (const value of [2, -1, '"nope"', '{}', '[]']) {
    it(`a boolean given ${value} by POST → 400, nothing written`, async () => {
      const before = await flagCount();
      const res = await raw('/rest/v1/rpc/test_set_flag', { body: `{"p_flag": ${value}}` });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ code: '22P02' });
      expect(await flagCount()).toBe(before);
    });
  }

  for (const value of ['2', '-1', 'nope', '{}', '[]']) {
    it(`a boolean given ${value} by GET → 400`, async () => {
      const res = await raw(`/rest/v1/rpc/test_read_flag?p_flag=${encodeURIComponent(value)}`, { method: 'GET', body: '' });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ code: '22P02' });
    });
  }

  it('booleans PostgreSQL accepts still work, by POST and GET', async () => {
    expect((await s.client().rpc('test_read_flag', { p_flag: true })).data).toBe(true);
    expect((await s.client().rpc('test_read_flag', { p_flag: 'false' }, { get: true })).data).toBe(false);
  });

  for (const [name, value] of [
    ['p_n', '{}'],
    ['p_n', '1.5'],
    ['p_n', '99999999999'],
    ['p_id', '"not-a-uuid"'],
    ['p_id', '7'],
    ['p_on', '"2026-02-30"'],
    ['p_on', 'true'],
    ['p_ids', '"x"'],
    ['p_ids', '["a"]'],
    ['p_ids', '{"a": 1}'],
  ] as const) {
    it(`${name} given ${value} → 400`, async () => {
      const res = await raw('/rest/v1/rpc/test_typed', { body: `{"${name}": ${value}}` });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).code).toMatch(/^22/);
    });
  }
});

describe('addresses starting with a backslash', () => {
  it('POST /\\x → 400, not "Invalid URL"', async () => {
    const res = await raw('/\\x');
    expect(res.status).toBe(400);
    expect(res.body).not.toMatch(/Invalid URL/);
  });

  it('/\\host/rest/v1/... is not served as /rest/v1/...', async () => {
    const res = await raw('/\\evil.example/rest/v1/rpc/test_set_flag', { body: '{"p_flag": true}' });
    expect(res.status).toBe(400);
    const resAuth = await raw('/\\evil.example/auth/v1/settings', { method: 'GET', body: '' });
    expect(resAuth.status).toBe(400);
  });

  it('//host/rest/v1/... is not served either', async () => {
    const res = await raw('//evil.example/rest/v1/rpc/whoami');
    expect(res.status).toBe(400);
  });
});

describe('the sign-in throttle survives a restart', () => {
  it('an account locked before a restart is still locked after it', async () => {
    // Both runs read one stopped clock, so the wait cannot run out while the second one starts.
    const clock = Date.now();
    const first = await startStandIn({
      snapshot: await loadSnapshot(),
      supabaseDir: 'supabase',
      port: 0,
      jwtSecret: TEST_JWT_SECRET,
      log: () => undefined,
      now: () => clock,
    });
    const client = () => createApiClient(first.url, first.keys.anonKey, { persistSession: false, autoRefreshToken: false });
    const email = 'chair@example.org';
    for (let i = 0; i < 6; i++) {
      await client().auth.signInWithPassword({ email, password: `wrong-${i}` });
    }
    const locked = await client().auth.signInWithPassword({ email, password: 'working-together-demo' });
    expect(locked.error?.status).toBe(429);
    const dump = await first.db.dump();
    await first.close();
    const second = await startStandIn({
      snapshot: dump,
      supabaseDir: 'supabase',
      port: 0,
      jwtSecret: TEST_JWT_SECRET,
      log: () => undefined,
      now: () => clock + 1000,
    });
    try {
      const res = await fetch(`${second.url}/auth/v1/token?grant_type=password`, {
        method: 'POST',
        headers: { apikey: second.keys.anonKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password: 'working-together-demo' }),
      });
      expect(res.status).toBe(429);
    } finally {
      await second.close();
    }
  });
});

describe('the local mailbox answers only this computer', () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

  it.runIf(external)('refuses a caller from another address, even when the server listens on every address', async () => {
    const open = await startStandIn({
      snapshot: await loadSnapshot(),
      supabaseDir: 'supabase',
      port: 0,
      host: '0.0.0.0',
      jwtSecret: TEST_JWT_SECRET,
      log: () => undefined,
    });
    try {
      const port = new URL(open.url).port;
      open.mailbox.sendCode('someone@example.org');
      const away = await fetch(`http://${external}:${port}/mailbox.json`);
      expect(away.status).toBe(403);
      expect(await away.text()).not.toContain('someone@example.org');
      expect((await fetch(`http://${external}:${port}/mailbox`)).status).toBe(403);
      const here = await fetch(`http://127.0.0.1:${port}/mailbox.json`);
      expect(here.status).toBe(200);
      expect(await here.text()).toContain('someone@example.org');
    } finally {
      await open.close();
    }
  });
});
