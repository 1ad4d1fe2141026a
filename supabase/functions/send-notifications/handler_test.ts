// The send-notifications handler under the real Deno (npm run test:functions), with a fake
// PostgREST and a fake provider behind one fake fetch: proves the module loads where Supabase
// runs it, sends each claimed email with its idempotency key and the full link, marks it sent at
// once, marks a failed one failed with the provider's reason, and refuses callers without the
// service role key.
import { handle } from './handler.ts';

const BASE = 'http://supabase.test';
const PROVIDER = 'https://mail.test/send';
const ENV: Record<string, string> = {
  SUPABASE_URL: BASE,
  SUPABASE_ANON_KEY: 'anon-key',
  SUPABASE_SERVICE_ROLE_KEY: 'service-key',
  SITE_URL: 'https://together.test/',
  EMAIL_API_URL: PROVIDER,
  EMAIL_API_KEY: 'mail-key',
  EMAIL_FROM: 'Working Together <wt@council.test>',
};
const env = (name: string) => ENV[name];

function assertEquals(actual: unknown, expected: unknown, what: string) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

type Call = { url: string; authorization: string | null; idempotency: string | null; body: Record<string, unknown> };

const rows = [
  {
    id: 1,
    recipient: 'a@example.org',
    subject: 'One',
    body: 'Hello.\n\nSee: {link}',
    link: '/panel/round/?id=r1',
    dedupe_key: 'k1',
    attempts: 1,
  },
  { id: 2, recipient: 'b@example.org', subject: 'Two', body: 'Hi.\n\n{link}', link: '/budgeting/', dedupe_key: 'k2', attempts: 1 },
];

/** Replaces fetch: rpc calls and provider posts are recorded; the provider refuses b@. */
async function withFakes(run: (calls: Call[]) => Promise<void>) {
  const calls: Call[] = [];
  let claims = 0;
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const text = await request.text();
    const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    calls.push({
      url: request.url,
      authorization: request.headers.get('Authorization'),
      idempotency: request.headers.get('Idempotency-Key'),
      body,
    });
    const reply = (status: number, value: unknown) =>
      new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });
    if (request.url === PROVIDER) return body.to === 'b@example.org' ? reply(503, { message: 'try later' }) : reply(200, { id: 'm1' });
    const fn = new URL(request.url).pathname.replace('/rest/v1/rpc/', '');
    if (fn === 'queue_deadline_reminders') return reply(200, { queued: 0 });
    if (fn === 'outbox_claim') return reply(200, claims++ === 0 ? rows : []);
    if (fn === 'outbox_mark_sent') return reply(200, { marked: 1 });
    if (fn === 'outbox_mark_failed') return reply(200, { id: body.p_id, attempts: 1 });
    return reply(404, { message: `no ${fn}` });
  };
  try {
    await run(calls);
  } finally {
    globalThis.fetch = realFetch;
  }
}

const post = (authorization: string | null = 'Bearer service-key', body = '{"batch": 5}') =>
  new Request(`${BASE}/functions/v1/send-notifications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) },
    body,
  });

Deno.test('sends each claimed email with its idempotency key and full link, and marks each one', async () => {
  await withFakes(async (calls) => {
    const res = await handle(post(), env);
    assertEquals(res.status, 200, 'status');
    assertEquals(
      await res.json(),
      {
        reminders_queued: 0,
        claimed: 2,
        sent: 1,
        failed: 1,
        errors: [{ id: 2, error: 'The email provider answered 503: {"message":"try later"}' }],
      },
      'answer',
    );
    const sent = calls.filter((c) => c.url === PROVIDER);
    assertEquals(
      sent.map((c) => [c.idempotency, c.authorization, c.body.to]),
      [
        ['k1', 'Bearer mail-key', 'a@example.org'],
        ['k2', 'Bearer mail-key', 'b@example.org'],
      ],
      'provider calls',
    );
    assertEquals(sent[0]!.body.text, 'Hello.\n\nSee: https://together.test/panel/round/?id=r1', 'the link is written out in full');
    assertEquals(sent[0]!.body.from, 'Working Together <wt@council.test>', 'from');
    const rpc = calls.filter((c) => c.url !== PROVIDER).map((c) => [new URL(c.url).pathname.split('/').pop(), c.authorization]);
    assertEquals(
      rpc,
      [
        ['queue_deadline_reminders', 'Bearer service-key'],
        ['outbox_claim', 'Bearer service-key'],
        ['outbox_mark_sent', 'Bearer service-key'],
        ['outbox_mark_failed', 'Bearer service-key'],
      ],
      'database calls, in order, as the service role (one batch of 2 < 5 ends the run)',
    );
    assertEquals(calls.find((c) => c.url.endsWith('outbox_mark_sent'))!.body, { p_ids: [1] }, 'marks the sent one at once');
  });
});

Deno.test('refuses a caller without the service role key, and sends nothing', async () => {
  await withFakes(async (calls) => {
    for (const authorization of [null, 'Bearer anon-key']) {
      const res = await handle(post(authorization), env);
      assertEquals([res.status, ((await res.json()) as { key: string }).key], [401, 'service_role_only'], `refused ${authorization}`);
    }
    assertEquals(calls.length, 0, 'no calls');
  });
});

Deno.test('refuses bad options and a missing provider setting with keys', async () => {
  await withFakes(async (calls) => {
    const bad = await handle(post(undefined, '{"batch": 0}'), env);
    assertEquals([bad.status, ((await bad.json()) as { key: string }).key], [400, 'bad_options'], 'batch 0');
    const unset = await handle(post(), (n) => (n === 'EMAIL_API_KEY' ? undefined : ENV[n]));
    assertEquals(
      await unset.json(),
      { key: 'not_configured', message: 'The email provider is not set up: EMAIL_API_KEY needed.' },
      'missing key',
    );
    assertEquals(calls.length, 0, 'no calls');
  });
});
