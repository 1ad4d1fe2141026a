// A sender killed mid-batch loses nothing and, with the provider dropping repeats by their
// idempotency key, sends nothing twice. The sender runs in a child process against the stand-in
// over HTTP; the provider is the stand-in's mailbox behind a small relay that records every
// attempt. When the 4th email of a batch of 10 reaches the mailbox, the relay SIGKILLs the
// sender before it can hear the answer (so that email is delivered but not marked). After the
// lease runs out a new sender delivers the rest, and hands over the 4th again: the mailbox drops
// it. Every notification is in the mailbox exactly once; the relay saw exactly one repeat. This
// is the honest guarantee: at-least-once delivery, with an idempotency key.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../support/db.ts';
import { startTestStandIn, type TestStandIn } from '../support/stand-in.ts';

let s: TestStandIn;
let relay: Server;
let relayUrl: string;
const attempts: string[] = [];
let killAt = 0;
let sender: ChildProcess | undefined;
const KEYS = Array.from({ length: 10 }, (_, i) => `kill-test:${i + 1}`);

beforeAll(async () => {
  s = await startTestStandIn();
  // Whatever the seed has due (its round's deadline reminders) is out of the way first.
  await s.db.query('select api.queue_deadline_reminders()');
  await s.db.exec('update private.outbox set sent_at = now()');
  for (const [i, key] of KEYS.entries()) {
    const person = await createUser(s.db, `kill-${i + 1}@example.org`);
    await s.db.query(`select private.notify($1, 'review_ready', '{"round": "Kill test"}', '/panel/review/?round=k', $2)`, [person, key]);
  }
  relay = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    attempts.push((JSON.parse(body) as { idempotency_key: string }).idempotency_key);
    const delivered = await fetch(`${s.url}/mailbox/send`, {
      method: 'POST',
      headers: { Authorization: req.headers.authorization ?? '', 'Content-Type': 'application/json' },
      body,
    });
    if (attempts.length === killAt) {
      sender?.kill('SIGKILL'); // delivered, never answered: the sender dies not knowing
      return;
    }
    res.writeHead(delivered.status, { 'Content-Type': 'application/json' }).end(await delivered.text());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/send`;
});
afterAll(async () => {
  sender?.kill('SIGKILL');
  relay.closeAllConnections();
  await new Promise((resolve) => relay.close(resolve));
  await s.close();
});

/** Runs the sender in a child process; resolves with its exit signal and what it printed. */
function runSender(options: Record<string, unknown>): Promise<{ signal: NodeJS.Signals | null; code: number | null; output: string }> {
  const env = {
    ...process.env,
    SUPABASE_URL: s.url,
    SUPABASE_SERVICE_ROLE_KEY: s.keys.serviceRoleKey,
    SITE_URL: 'http://localhost:4321',
    EMAIL_API_URL: relayUrl,
    EMAIL_API_KEY: s.notifications.env.EMAIL_API_KEY,
    EMAIL_FROM: 'Test <test@localhost>',
    SENDER_OPTIONS: JSON.stringify(options),
  };
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', 'tests/support/run-sender.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  sender = child;
  let output = '';
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output })));
}

const inMailbox = () => s.mailbox.messages.filter((m) => m.key?.startsWith('kill-test:')).map((m) => m.key!);

describe('a sender killed mid-batch', () => {
  it('loses nothing and, with the idempotency key, delivers each notification exactly once', async () => {
    killAt = 4;
    const killed = await runSender({ batch: 10, lease_seconds: 2 });
    expect(killed.signal, killed.output).toBe('SIGKILL');
    expect(attempts).toEqual(KEYS.slice(0, 4));
    const marked = await s.db.query<{ dedupe_key: string }>(
      `select dedupe_key from private.outbox where dedupe_key like 'kill-test:%' and sent_at is not null order by id`,
    );
    expect(
      marked.map((r) => r.dedupe_key),
      'the first three were marked as they went',
    ).toEqual(KEYS.slice(0, 3));

    // Straight away the rest are still leased to the dead sender: a new run takes nothing.
    killAt = 0;
    const early = await runSender({ batch: 10, lease_seconds: 2 });
    expect(JSON.parse(early.output).answer).toMatchObject({ claimed: 0, sent: 0 });

    await new Promise((resolve) => setTimeout(resolve, 2100));
    const restarted = await runSender({ batch: 10, lease_seconds: 2 });
    expect(restarted.code, restarted.output).toBe(0);
    expect(JSON.parse(restarted.output).answer).toMatchObject({ claimed: 7, sent: 7, failed: 0 });

    expect(attempts, 'the 4th was handed over twice: at-least-once').toEqual([...KEYS.slice(0, 4), ...KEYS.slice(3)]);
    expect(inMailbox().sort(), 'each is in the mailbox exactly once').toEqual([...KEYS].sort());
    const rows = await s.db.query<{ dedupe_key: string; attempts: number; sent_at: string | null }>(
      `select dedupe_key, attempts, sent_at from private.outbox where dedupe_key like 'kill-test:%' order by id`,
    );
    expect(rows.every((r) => r.sent_at !== null)).toBe(true);
    expect(rows.map((r) => r.attempts)).toEqual([1, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
  });
});
