// The notifications sender over HTTP through the stand-in: /functions/v1/send-notifications runs
// the Edge Function's handler, for the service role only, delivering to the local mailbox with
// the links written out in full. The mailbox answers as a provider (its key required, repeats of
// a key dropped). When the provider fails, the row is kept with the reason and sent on a later
// run: nothing lost.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handle } from '../../supabase/functions/send-notifications/handler.ts';
import { functionEnv } from '../../supabase/local/functions.ts';
import { createUser } from '../support/db.ts';
import { startTestStandIn, type TestStandIn } from '../support/stand-in.ts';

let s: TestStandIn;
let person: string;

beforeAll(async () => {
  s = await startTestStandIn();
  person = await createUser(s.db, 'http-outbox@example.org');
});
afterAll(async () => {
  await s.close();
});
beforeEach(async () => {
  // Each test starts with nothing due. The seed's round in scoring has its deadline within two
  // days, so its reminders are queued (once: dedupe keys) and put out of the way.
  await s.db.query('select api.queue_deadline_reminders()');
  await s.db.exec('update private.outbox set sent_at = now() where sent_at is null');
});

const row = async <T extends Record<string, unknown> = Record<string, unknown>>(key: string, columns: string) =>
  (await s.db.query<T>(`select ${columns} from private.outbox where dedupe_key = $1`, [key]))[0]!;
const queue = (key: string) =>
  s.db.query(`select private.notify($1, 'review_ready', '{"round": "HTTP round"}', '/panel/review/?round=h', $2)`, [person, key]);
const send = (key: string | null, body = '{}') =>
  fetch(`${s.url}/functions/v1/send-notifications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) },
    body,
  });
const delivered = (key: string) => s.mailbox.messages.filter((m) => m.key === key);

describe('POST /functions/v1/send-notifications', () => {
  it('delivers the outbox to the mailbox with the full link and marks each row sent', async () => {
    await queue('http:1');
    const res = await send(s.keys.serviceRoleKey);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ claimed: 1, sent: 1, failed: 0 });
    const [mail] = delivered('http:1');
    expect(mail).toMatchObject({
      to: 'http-outbox@example.org',
      subject: "The panel's recommendations for HTTP round are ready for you to review",
      code: '',
    });
    expect(mail!.text).toContain('Read the recommendations: http://localhost:4321/panel/review/?round=h');
    expect((await row<{ sent_at: string | null }>('http:1', 'sent_at')).sent_at).not.toBeNull();
    // The mailbox page shows it, its link clickable.
    const page = await (await fetch(`${s.url}/mailbox`)).text();
    expect(page).toContain('<a href="http://localhost:4321/panel/review/?round=h">');
  });

  it('refuses the anon key and a signed-out caller, and sends nothing', async () => {
    await queue('http:2');
    const anon = await send(s.keys.anonKey);
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ key: 'service_role_only' });
    expect((await send(null)).status).toBe(401);
    expect(delivered('http:2')).toEqual([]);
    expect((await row<{ attempts: number }>('http:2', 'attempts')).attempts).toBe(0);
  });

  it('refuses bad options with a key, claiming nothing', async () => {
    await queue('http:3');
    const res = await send(s.keys.serviceRoleKey, '{"batch": "lots"}');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ key: 'bad_options' });
    expect(delivered('http:3')).toEqual([]);
  });
});

describe('the mailbox as a provider', () => {
  const post = (key: string, body: unknown) =>
    fetch(`${s.url}/mailbox/send`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const email = { to: 'p@example.org', subject: 'Hello', text: 'Hi', idempotency_key: 'mailbox:1' };

  it('takes an email with its key once, and answers a repeat without keeping it again', async () => {
    expect(await (await post(s.notifications.env.EMAIL_API_KEY!, email)).json()).toEqual({ duplicate: false });
    expect(await (await post(s.notifications.env.EMAIL_API_KEY!, email)).json()).toEqual({ duplicate: true });
    expect(delivered('mailbox:1')).toHaveLength(1);
  });

  it('refuses a wrong key and an incomplete email', async () => {
    expect((await post('not-the-key', { ...email, idempotency_key: 'mailbox:2' })).status).toBe(401);
    expect((await post(s.notifications.env.EMAIL_API_KEY!, { to: 'p@example.org' })).status).toBe(400);
    expect(delivered('mailbox:2')).toEqual([]);
  });
});

describe('when the provider fails', () => {
  it('keeps the row with the reason, and a later run sends it once', async () => {
    await queue('http:retry');
    const down = createServer((_req, res) => res.writeHead(503).end('down for maintenance'));
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    try {
      const env = functionEnv({
        supabaseDir: 'supabase',
        baseUrl: s.url,
        keys: s.keys,
        env: { ...s.notifications.env, EMAIL_API_URL: `http://127.0.0.1:${(down.address() as AddressInfo).port}/` },
      });
      const req = new Request(`${s.url}/functions/v1/send-notifications`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${s.keys.serviceRoleKey}` },
      });
      const answer = await (await handle(req, env)).json();
      expect(answer).toMatchObject({ claimed: 1, sent: 0, failed: 1 });
    } finally {
      down.close();
    }
    expect(await row('http:retry', `last_error, sent_at, next_attempt_at > now() + interval '50 seconds' as later`)).toMatchObject({
      last_error: 'The email provider answered 503: down for maintenance',
      sent_at: null,
      later: true,
    });
    expect(await s.notifications.deliver()).toMatchObject({ claimed: 0 });

    await s.db.exec(`update private.outbox set next_attempt_at = now() where dedupe_key = 'http:retry'`); // the wait passes
    expect(await s.notifications.deliver()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await s.notifications.deliver()).toMatchObject({ claimed: 0 });
    expect(delivered('http:retry')).toHaveLength(1);
  });
});
