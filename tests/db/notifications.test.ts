// The outbox itself (supabase/migrations/20261204000400_notifications.sql): a notification is
// queued at most once per dedupe key; a claim leases rows so no two senders take the same one
// and a killed sender's rows come back; a failure is retried after a growing wait; sent rows
// are never claimed again and lose their secrets. The sender's functions are the service
// role's alone; anon and authenticated reach neither them nor the table.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/database.ts';
import { anonymous, callAs, createUser, openTestDatabase, serviceRole, signedIn } from '../support/db.ts';
import { keyOf, ok, refused } from './pb/support.ts';

let db: Database;
let alice: string;
let bob: string;

beforeAll(async () => {
  db = await openTestDatabase();
  alice = await createUser(db, 'alice-outbox@example.org');
  bob = await createUser(db, 'bob-outbox@example.org');
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  // Each test starts from an empty outbox (the snapshot's seed queued nothing, see below).
  await db.exec('delete from private.outbox');
});

type Row = { id: string; recipient: string; subject: string; body: string; link: string; dedupe_key: string; attempts: number };

const notify = (person: string, key: string, template = 'review_ready', params: Record<string, unknown> = { round: 'Test round' }) =>
  db.query('select private.notify($1, $2, $3, $4, $5)', [person, template, JSON.stringify(params), '/panel/review/?round=x', key]);
const claim = (batch = 20, lease = 300) => ok<Row[]>(db, serviceRole, 'outbox_claim', { p_batch: batch, p_lease_seconds: lease });
const outbox = () =>
  db.query<{
    id: string;
    dedupe_key: string;
    attempts: number;
    sent_at: string | null;
    next_attempt_at: string;
    last_error: string | null;
    body: string;
    body_after_sending: string | null;
  }>('select id, dedupe_key, attempts, sent_at, next_attempt_at, last_error, body, body_after_sending from private.outbox order by id');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('queueing', () => {
  it('the seed queued nothing: the demo data is not news to anyone', async () => {
    const fresh = await openTestDatabase();
    try {
      expect(await fresh.query('select 1 from private.outbox')).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it("renders the template with the person's name, and queues the same dedupe key once", async () => {
    await notify(alice, 'k:same');
    await notify(alice, 'k:same');
    const rows = await db.query<{ recipient: string; subject: string; body: string; link: string }>(
      'select recipient, subject, body, link from private.outbox',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      recipient: 'alice-outbox@example.org',
      subject: "The panel's recommendations for Test round are ready for you to review",
      link: '/panel/review/?round=x',
    });
    expect(rows[0]!.body).toMatch(/^Hello alice-outbox,\n\nThe panel has made its recommendations for Test round\./);
    expect(rows[0]!.body).toContain('Read the recommendations: {link}');
  });

  it('fills each placeholder once, so a value that looks like a placeholder stays as typed', async () => {
    await notify(alice, 'k:braces', 'review_ready', { round: 'The {name} fund' });
    const [row] = await db.query<{ subject: string }>('select subject from private.outbox');
    expect(row!.subject).toBe("The panel's recommendations for The {name} fund are ready for you to review");
  });

  it('skips a person without an email address, and everything while the seed files run', async () => {
    await db.query('update auth.users set email = null where id = $1', [bob]);
    await notify(bob, 'k:no-email');
    await db.query('update auth.users set email = $2 where id = $1', [bob, 'bob-outbox@example.org']);
    await db.transaction(async (tx) => {
      await tx.query(`select set_config('app.acting_as', 'seed', true)`);
      await tx.query('select private.notify($1, $2, $3, $4, $5)', [alice, 'review_ready', '{"round": "R"}', '/x', 'k:seed']);
    });
    expect(await outbox()).toEqual([]);
  });

  it('keeps a template that queued emails from being deleted or renamed, and lets an unused one go', async () => {
    await notify(alice, 'k:in-use');
    const inUse = (sql: string) =>
      db.transaction(async (tx) => {
        await tx.query(sql);
      });
    await expect(inUse(`delete from private.email_templates where key = 'review_ready'`)).rejects.toThrow(/used by emails in the outbox/);
    await expect(inUse(`update private.email_templates set key = 'review_ready_two' where key = 'review_ready'`)).rejects.toThrow(
      /used by emails in the outbox/,
    );
    // Its words may still change, and a template nothing was queued from may be renamed and removed.
    await db
      .transaction(async (tx) => {
        await tx.query(`update private.email_templates set sent_when = sent_when || ' ' where key = 'review_ready'`);
        await tx.query(`update private.email_templates set key = 'scoring_open_two' where key = 'scoring_open'`);
        await tx.query(`delete from private.email_templates where key = 'scoring_open_two'`);
        expect(await tx.query(`select 1 from private.email_templates where key like 'scoring_open%'`)).toEqual([]);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
  });

  it('refuses a template whose placeholder has no value, failing the act that asked (a programming error)', async () => {
    await expect(notify(alice, 'k:missing', 'scoring_open', { round: 'R' })).rejects.toThrow(/needs applications, deadline/);
    await expect(notify(alice, 'k:unknown', 'no_such_template')).rejects.toThrow(/no email template/);
  });

  it('is not written to the audit trail (the act that caused it is), so a receipt code never reaches it', async () => {
    const [before] = await db.query<{ n: string }>('select count(*) as n from private.audit_events');
    await notify(alice, 'k:audit');
    const [after] = await db.query<{ n: string }>('select count(*) as n from private.audit_events');
    expect(after!.n).toBe(before!.n);
  });
});

describe('claiming and leasing', () => {
  it('gives each due row to one claim only, oldest first, and counts the attempt', async () => {
    for (const k of ['a', 'b', 'c']) await notify(alice, `k:${k}`);
    const first = await claim(2);
    expect(first.map((r) => r.dedupe_key)).toEqual(['k:a', 'k:b']);
    expect(first.every((r) => r.attempts === 1)).toBe(true);
    const second = await claim(2);
    expect(second.map((r) => r.dedupe_key)).toEqual(['k:c']);
    expect(await claim(2)).toEqual([]);
  });

  it("gives a killed sender's rows back once the lease runs out, and not before", async () => {
    await notify(alice, 'k:lease');
    expect((await claim(5, 1)).map((r) => r.dedupe_key)).toEqual(['k:lease']);
    expect(await claim(5, 1)).toEqual([]);
    await sleep(1200);
    const again = await claim(5, 1);
    expect(again.map((r) => [r.dedupe_key, r.attempts])).toEqual([['k:lease', 2]]);
  });

  it('never claims a sent row again, and marking it twice changes nothing', async () => {
    await notify(alice, 'k:sent');
    const [row] = await claim();
    expect(await ok(db, serviceRole, 'outbox_mark_sent', { p_ids: [row!.id] })).toEqual({ marked: 1 });
    expect(await ok(db, serviceRole, 'outbox_mark_sent', { p_ids: [row!.id] })).toEqual({ marked: 0 });
    await db.exec("update private.outbox set claimed_until = now() - interval '1 second', next_attempt_at = now() - interval '1 second'");
    expect(await claim()).toEqual([]);
    const [stored] = await outbox();
    expect(stored!.sent_at).not.toBeNull();
  });

  it('claims nothing with a bad batch or lease, with keys', async () => {
    await notify(alice, 'k:bad');
    expect(keyOf(await refused(db, serviceRole, 'outbox_claim', { p_batch: 0 }, 400))).toBe('batch_out_of_range');
    expect(keyOf(await refused(db, serviceRole, 'outbox_claim', { p_batch: 501 }, 400))).toBe('batch_out_of_range');
    expect(keyOf(await refused(db, serviceRole, 'outbox_claim', { p_batch: 5, p_lease_seconds: 0 }, 400))).toBe('lease_out_of_range');
    expect((await outbox())[0]!.attempts).toBe(0);
  });
});

describe('failures and retries', () => {
  it('waits 1, then 2, then 4 minutes before trying a failed row again, keeping the reason', async () => {
    await notify(alice, 'k:fail');
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const [row] = await claim();
      expect(row!.attempts).toBe(attempt);
      const failed = await ok<{ next_attempt_at: string }>(db, serviceRole, 'outbox_mark_failed', {
        p_id: row!.id,
        p_error: `provider said no ${attempt}`,
      });
      const [{ now }] = (await db.query<{ now: string }>('select now() as now')) as [{ now: string }];
      waits.push(Math.round((Date.parse(failed.next_attempt_at) - Date.parse(now)) / 60_000));
      expect(await claim(), 'not due yet').toEqual([]);
      await db.exec(`update private.outbox set next_attempt_at = now() - interval '1 second'`); // the wait passes
    }
    expect(waits).toEqual([1, 2, 4]);
    const [stored] = await outbox();
    expect(stored).toMatchObject({ last_error: 'provider said no 3', sent_at: null });
  });

  it('caps the wait at six hours, and never gives a row up', async () => {
    await notify(alice, 'k:cap');
    await db.exec('update private.outbox set attempts = 40');
    const [row] = await claim();
    const failed = await ok<{ next_attempt_at: string }>(db, serviceRole, 'outbox_mark_failed', { p_id: row!.id, p_error: 'down' });
    const hours = (Date.parse(failed.next_attempt_at) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(5.9);
    expect(hours).toBeLessThan(6.1);
  });

  it('refuses to mark a row failed once it is sent, or one that does not exist', async () => {
    await notify(alice, 'k:done');
    const [row] = await claim();
    await ok(db, serviceRole, 'outbox_mark_sent', { p_ids: [row!.id] });
    expect(keyOf(await refused(db, serviceRole, 'outbox_mark_failed', { p_id: row!.id, p_error: 'late' }, 404))).toBe(
      'notification_not_found',
    );
    expect(keyOf(await refused(db, serviceRole, 'outbox_mark_failed', { p_id: 999999999, p_error: 'x' }, 404))).toBe(
      'notification_not_found',
    );
    expect((await outbox())[0]).toMatchObject({ last_error: null });
  });
});

describe('secrets', () => {
  it('keeps a receipt code only until the email is sent', async () => {
    await notify(alice, 'k:receipt', 'pb_vote_receipt', { process: 'Test vote', receipt: 'ABCD2345EFGH6789' });
    const [row] = await claim();
    expect(row!.body).toContain('ABCD2345EFGH6789');
    await ok(db, serviceRole, 'outbox_mark_sent', { p_ids: [row!.id] });
    const [stored] = await db.query<Record<string, unknown>>('select * from private.outbox');
    expect(JSON.stringify(stored)).not.toContain('ABCD2345EFGH6789');
    expect(stored!.body).toContain('Your receipt code is:\n\n(removed once this email was sent)');
    expect(stored!.body_after_sending).toBeNull();
  });
});

describe("who may call the sender's functions", () => {
  const calls: [string, Record<string, unknown>][] = [
    ['outbox_claim', { p_batch: 5 }],
    ['outbox_mark_sent', { p_ids: [1] }],
    ['outbox_mark_failed', { p_id: 1, p_error: 'x' }],
    ['queue_deadline_reminders', {}],
  ];

  it('refuses anonymous and signed-in callers, and claims nothing for them', async () => {
    await notify(alice, 'k:perm');
    const someone = signedIn(alice, 'alice-outbox@example.org');
    for (const [fn, args] of calls) {
      expect(await callAs(db, anonymous, fn, args), `${fn} as anon`).toMatchObject({ ok: false, status: 401, code: '42501' });
      expect(await callAs(db, someone, fn, args), `${fn} as authenticated`).toMatchObject({ ok: false, status: 403, code: '42501' });
    }
    expect((await outbox())[0]!.attempts).toBe(0);
  });

  it('lets the service role call each of them', async () => {
    await notify(alice, 'k:service');
    const [row] = await claim();
    expect(row!.dedupe_key).toBe('k:service');
    expect(await callAs(db, serviceRole, 'outbox_mark_failed', { p_id: row!.id, p_error: 'x' })).toMatchObject({ ok: true });
    expect(await callAs(db, serviceRole, 'outbox_mark_sent', { p_ids: [row!.id] })).toMatchObject({ ok: true, data: { marked: 1 } });
    // The seeded round in scoring has its deadline within two days, so this queues its reminders.
    expect(await callAs(db, serviceRole, 'queue_deadline_reminders')).toMatchObject({ ok: true, data: { queued: expect.any(Number) } });
  });

  it('keeps the tables from anon and authenticated even by direct SQL', async () => {
    for (const role of ['anon', 'authenticated']) {
      for (const table of ['private.outbox', 'private.email_templates']) {
        await expect(
          db.transaction(async (tx) => {
            await tx.exec(`set local role ${role}`);
            await tx.query(`select * from ${table}`);
          }),
          `${role} reading ${table}`,
        ).rejects.toThrow(/permission denied/);
      }
    }
  });
});
