// The pb-count handler under the real Deno (npm run test:functions), with a fake environment
// and a fake fetch standing in for PostgREST: proves the module loads and runs where Supabase
// runs it (an import only Node resolves fails here) and that it calls the database functions
// with the right keys, in the right order, and passes refusals on with their keys.
import { handle } from './handler.ts';

const URL_BASE = 'http://supabase.test';
const ENV: Record<string, string> = { SUPABASE_URL: URL_BASE, SUPABASE_ANON_KEY: 'anon-key', SUPABASE_SERVICE_ROLE_KEY: 'service-key' };
const env = (name: string) => ENV[name];
const PROCESS = '11111111-2222-4333-8444-555555555555';
const OFFICER = '99999999-8888-4777-8666-555555555555';

const FILE = [
  'META',
  'key;value',
  'description;Test',
  'country;United Kingdom',
  'unit;Oxford',
  'instance;test',
  'num_projects;3',
  'num_votes;4',
  'budget;100',
  'vote_type;approval',
  'rule;equalshares/add1u',
  'currency;GBP',
  'PROJECTS',
  'project_id;cost;name',
  '1;60;Park',
  '2;40;Library',
  '3;50;Bus',
  'VOTES',
  'voter_id;vote',
  'a1;1,2',
  'b2;1',
  'c3;2,3',
  'd4;1,3',
  '',
].join('\n');

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
function assertEquals(actual: unknown, expected: unknown, what: string) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

type Call = { fn: string; authorization: string | null; apikey: string | null; body: Record<string, unknown> };
type Reply = { status: number; body: unknown };

/** Replaces fetch for one test: each rpc call is recorded and answered by `replies`. */
async function withFakeApi(replies: Record<string, (body: Record<string, unknown>) => Reply>, run: (calls: Call[]) => Promise<void>) {
  const calls: Call[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const fn = new URL(request.url).pathname.replace('/rest/v1/rpc/', '');
    const body = (await request.json()) as Record<string, unknown>;
    calls.push({ fn, authorization: request.headers.get('Authorization'), apikey: request.headers.get('apikey'), body });
    const reply = replies[fn]?.(body) ?? { status: 404, body: { code: 'PGRST202', message: `no ${fn}`, details: null, hint: null } };
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'Content-Type': 'application/json' } });
  };
  try {
    await run(calls);
  } finally {
    globalThis.fetch = realFetch;
  }
}

const countRequest = (body: unknown = { process_id: PROCESS }, authorization: string | null = 'Bearer officer-token') =>
  new Request(`${URL_BASE}/functions/v1/pb-count`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) },
    body: JSON.stringify(body),
  });

const refusal = (status: number, key: string, message: string): Reply => ({
  status,
  body: { code: `PT${status}`, message, details: JSON.stringify({ key }), hint: null },
});

Deno.test('answers the CORS preflight supabase-js needs from a browser', async () => {
  const res = await handle(new Request(`${URL_BASE}/functions/v1/pb-count`, { method: 'OPTIONS' }), env);
  assertEquals(res.status, 200, 'status');
  assert(res.headers.get('Access-Control-Allow-Headers')?.includes('authorization'), 'allows the Authorization header');
  assert(res.headers.get('Access-Control-Allow-Headers')?.includes('apikey'), 'allows the apikey header');
  await res.body?.cancel();
});

Deno.test('counts with the engine and stores the result with the file sha256', async () => {
  const sha = await sha256Hex(FILE);
  await withFakeApi(
    {
      pb_start_count: () => ({
        status: 200,
        body: { process_id: PROCESS, counted_by: OFFICER, ballots: 4, rule: 'equal-shares', rule_options: {} },
      }),
      pb_count_input: () => ({
        status: 200,
        body: {
          process_id: PROCESS,
          rule: 'equal-shares',
          rule_options: { completion: 'add1u', seed: 1 },
          ballot_file: FILE,
          sha256: sha,
          ballots: 4,
        },
      }),
      pb_store_result: (b) => ({
        status: 200,
        body: {
          result_id: 'r1',
          process_id: PROCESS,
          sha256: b.p_sha256,
          ballots: 4,
          counted_at: '2026-12-04T10:00:00Z',
          winners: (b.p_result as { winners: string[] }).winners,
        },
      }),
    },
    async (calls) => {
      const res = await handle(countRequest(), env);
      const body = await res.json();
      assertEquals(res.status, 200, 'status');
      assertEquals(
        calls.map((c) => c.fn),
        ['pb_start_count', 'pb_count_input', 'pb_store_result'],
        'calls in order',
      );
      assertEquals(calls[0]?.authorization, 'Bearer officer-token', "the officer check runs with the caller's token");
      assertEquals(calls[0]?.apikey, 'anon-key', 'the officer check uses the anon key');
      assertEquals(calls[1]?.authorization, 'Bearer service-key', 'the input is read with the service role');
      assertEquals(calls[2]?.authorization, 'Bearer service-key', 'the result is stored with the service role');
      assertEquals(calls[2]?.body.p_sha256, sha, 'stores the sha256 counted');
      assertEquals(calls[2]?.body.p_counted_by, OFFICER, 'stores who counted');
      assertEquals((calls[2]?.body.p_result as { rule: string }).rule, 'equal-shares', 'stores the engine result');
      assertEquals(body.winners, (calls[2]?.body.p_result as { winners: string[] }).winners, 'answers the stored winners');
      assert(body.winners.length > 0, 'some project wins');
      for (const k of ['checking_ms', 'reading_ms', 'counting_ms', 'storing_ms', 'total_ms'])
        assert(typeof body.timings[k] === 'number', `times ${k}`);
    },
  );
});

Deno.test('passes a refusal of the officer check on with its status and key, and goes no further', async () => {
  await withFakeApi(
    { pb_start_count: () => refusal(403, 'not_process_officer', 'Only the officers running this process can count the votes.') },
    async (calls) => {
      const res = await handle(countRequest(), env);
      assertEquals(res.status, 403, 'status');
      assertEquals(
        await res.json(),
        { key: 'not_process_officer', message: 'Only the officers running this process can count the votes.' },
        'body',
      );
      assertEquals(calls.length, 1, 'nothing read or stored');
    },
  );
});

Deno.test('refuses to store when the ballots changed since they were read', async () => {
  const sha = await sha256Hex(FILE);
  await withFakeApi(
    {
      pb_start_count: () => ({ status: 200, body: { counted_by: OFFICER } }),
      pb_count_input: () => ({ status: 200, body: { rule: 'greedy', rule_options: {}, ballot_file: FILE, sha256: sha, ballots: 4 } }),
      pb_store_result: () => refusal(409, 'ballots_changed', 'The ballots changed while they were being counted.'),
    },
    async () => {
      const res = await handle(countRequest(), env);
      assertEquals(res.status, 409, 'status');
      assertEquals((await res.json()).key, 'ballots_changed', 'key');
    },
  );
});

Deno.test('refuses a file whose sha256 does not match what the database said', async () => {
  await withFakeApi(
    {
      pb_start_count: () => ({ status: 200, body: { counted_by: OFFICER } }),
      pb_count_input: () => ({
        status: 200,
        body: { rule: 'greedy', rule_options: {}, ballot_file: FILE, sha256: '0'.repeat(64), ballots: 4 },
      }),
    },
    async (calls) => {
      const res = await handle(countRequest(), env);
      assertEquals(res.status, 502, 'status');
      assertEquals((await res.json()).key, 'count_failed', 'key');
      assertEquals(calls.length, 2, 'nothing stored');
    },
  );
});

Deno.test('refuses bad requests before calling anything', async () => {
  await withFakeApi({}, async (calls) => {
    const cases: Array<[Request, number, string]> = [
      [countRequest({ process_id: 'not-a-uuid' }), 400, 'process_id_required'],
      [countRequest({}), 400, 'process_id_required'],
      [countRequest(undefined, null), 401, 'sign_in_needed'],
      [new Request(`${URL_BASE}/functions/v1/pb-count`, { method: 'GET' }), 405, 'method_not_allowed'],
    ];
    for (const [req, status, key] of cases) {
      const res = await handle(req, env);
      assertEquals([res.status, (await res.json()).key], [status, key], `${req.method} ${status}`);
    }
    const unset = await handle(countRequest(), () => undefined);
    assertEquals([unset.status, (await unset.json()).key], [500, 'not_configured'], 'without its settings');
    assertEquals(calls.length, 0, 'no calls');
  });
});
