// The send-notifications Edge Function: delivers the outbox (supabase/migrations/
// 20261204000400_notifications.sql). Run on a schedule with the service role key; the stand-in
// runs this same module on a timer (supabase/local/notifications.ts), with its local mailbox as
// the provider. Uses only Web APIs, supabase-js and relative .ts files, like pb-count.
//
//   1. api.queue_deadline_reminders: the two-day and one-day scoring reminders now due;
//   2. api.outbox_claim: a batch of due emails, leased to this run;
//   3. each email to the provider with its dedupe key as the idempotency key, then at once
//      api.outbox_mark_sent (which also blanks secrets from the stored body), or
//      api.outbox_mark_failed with the reason (tried again later, with a growing wait);
//   4. again, until nothing is due or max_batches batches are done.
//
// A run killed at any point loses nothing: unmarked rows come back when their lease ends. An
// email handed to the provider just before the kill is handed over again; the provider drops
// it by its idempotency key. So: at-least-once delivery, with an idempotency key.
//
// POST, "Authorization: Bearer <service role key>", optional JSON body
// {"batch": 20, "lease_seconds": 300, "max_batches": 10}. Answers what it did:
// {"reminders_queued", "claimed", "sent", "failed", "errors": [{"id", "error"}]}.
import { createClient } from '@supabase/supabase-js';
import { httpJsonProvider, type EmailProvider, type Env } from './provider.ts';

export interface SendAnswer {
  reminders_queued: number;
  claimed: number;
  sent: number;
  failed: number;
  errors: { id: number; error: string }[];
}

interface Claimed {
  id: number;
  recipient: string;
  subject: string;
  body: string;
  link: string;
  dedupe_key: string;
  attempts: number;
}

interface Options {
  batch: number;
  lease_seconds: number;
  max_batches: number;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
const refuse = (status: number, key: string, message: string) => json(status, { key, message });

const whole = (value: unknown, min: number, max: number, fallback: number) =>
  value === undefined ? fallback : typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : undefined;

async function readOptions(req: Request): Promise<Options | string> {
  const text = await req.text();
  let body: Record<string, unknown> = {};
  if (text.trim()) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return 'Send the options as a JSON object.';
      body = parsed as Record<string, unknown>;
    } catch {
      return 'Send the options as a JSON object.';
    }
  }
  const batch = whole(body.batch, 1, 500, 20);
  const lease = whole(body.lease_seconds, 1, 3600, 300);
  const maxBatches = whole(body.max_batches, 1, 100, 10);
  if (batch === undefined) return 'batch is a whole number from 1 to 500.';
  if (lease === undefined) return 'lease_seconds is a whole number from 1 to 3600.';
  if (maxBatches === undefined) return 'max_batches is a whole number from 1 to 100.';
  return { batch, lease_seconds: lease, max_batches: maxBatches };
}

/** The email as the person reads it: the body with the link written out in full. */
export function composeText(body: string, link: string): string {
  return body.replaceAll('{link}', link);
}

export async function handle(req: Request, env: Env, provider?: EmailProvider): Promise<Response> {
  if (req.method !== 'POST') return refuse(405, 'method_not_allowed', 'Send the request as a POST.');
  const url = env('SUPABASE_URL');
  const serviceKey = env('SUPABASE_SERVICE_ROLE_KEY');
  const siteUrl = env('SITE_URL')?.replace(/\/+$/, '');
  if (!url || !serviceKey || !siteUrl) {
    return refuse(500, 'not_configured', 'The sender is not set up: SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY and SITE_URL are needed.');
  }
  // Only the scheduler (or the site team) with the service role key may send.
  if (req.headers.get('Authorization') !== `Bearer ${serviceKey}`)
    return refuse(401, 'service_role_only', 'Only the service role may send notifications.');
  const chosen = provider ?? httpJsonProvider(env);
  if ('missing' in chosen) return refuse(500, 'not_configured', `The email provider is not set up: ${chosen.missing.join(', ')} needed.`);
  const options = await readOptions(req);
  if (typeof options === 'string') return refuse(400, 'bad_options', options);

  const db = createClient(url, serviceKey, {
    db: { schema: 'api' },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
  const answer: SendAnswer = { reminders_queued: 0, claimed: 0, sent: 0, failed: 0, errors: [] };

  const reminders = await db.rpc('queue_deadline_reminders');
  if (reminders.error) return refuse(502, 'database_failed', `Could not queue the deadline reminders: ${reminders.error.message}`);
  answer.reminders_queued = (reminders.data as { queued: number }).queued;

  for (let n = 0; n < options.max_batches; n++) {
    const claim = await db.rpc('outbox_claim', { p_batch: options.batch, p_lease_seconds: options.lease_seconds });
    if (claim.error)
      return json(502, { key: 'database_failed', message: `Could not claim notifications: ${claim.error.message}`, ...answer });
    const rows = claim.data as Claimed[];
    answer.claimed += rows.length;
    for (const row of rows) {
      const link = `${siteUrl}${row.link}`;
      try {
        await chosen.send({
          to: row.recipient,
          subject: row.subject,
          text: composeText(row.body, link),
          link,
          idempotencyKey: row.dedupe_key,
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        answer.failed += 1;
        answer.errors.push({ id: row.id, error: reason });
        // Not marked if the database is away too: the lease brings the row back.
        await db.rpc('outbox_mark_failed', { p_id: row.id, p_error: reason });
        continue;
      }
      // Not marked if the database is away: the row comes back and the provider drops the repeat.
      const marked = await db.rpc('outbox_mark_sent', { p_ids: [row.id] });
      if (!marked.error) answer.sent += 1;
    }
    if (rows.length < options.batch) break;
  }
  return json(200, answer);
}
