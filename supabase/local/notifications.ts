// The stand-in's sender: the send-notifications Edge Function's own handler, run on a timer and
// on demand, with the local mailbox as its email provider. The handler is given exactly what it
// gets on Supabase (SUPABASE_URL and the service role key, SITE_URL, EMAIL_API_URL/KEY/FROM), so
// it claims and marks through this server's /rest/v1 and posts each email over HTTP to
// /mailbox/send, which the mailbox answers as a provider would, dropping repeats by key.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { functionEnv, loadFunction } from './functions.ts';
import { BodyTooLarge, bearerToken, readBody, sendJson } from './http.ts';
import type { ApiKeys } from './keys.ts';
import type { Mailbox } from './mailbox.ts';

export interface Notifications {
  /** The variables the sender gets, for /functions/v1/send-notifications and for tests. */
  env: Record<string, string>;
  /** One run of the sender now (a run already going is waited for instead). */
  deliver(): Promise<unknown>;
  stop(): Promise<void>;
}

/** The provider settings that make the local mailbox the sender's provider. */
export function mailboxProviderEnv(baseUrl: string, siteUrl: string): Record<string, string> {
  return {
    EMAIL_API_URL: `${baseUrl}/mailbox/send`,
    // A new key each start: only this server's own sender may post to its mailbox.
    EMAIL_API_KEY: randomUUID(),
    EMAIL_FROM: 'Working Together <no-reply@localhost>',
    SITE_URL: siteUrl,
  };
}

export function startNotifications(options: {
  supabaseDir: string;
  baseUrl: string;
  keys: ApiKeys;
  env: Record<string, string>;
  /** How often to run; omit for on demand only. */
  everyMs?: number;
  log: (line: string) => void;
}): Notifications {
  let running: Promise<unknown> | undefined;
  const run = async () => {
    const handle = await loadFunction(options.supabaseDir, 'send-notifications');
    if (!handle) throw new Error('supabase/functions/send-notifications/handler.ts is missing.');
    const request = new Request(`${options.baseUrl}/functions/v1/send-notifications`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${options.keys.serviceRoleKey}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    const response = await handle(
      request,
      functionEnv({ supabaseDir: options.supabaseDir, baseUrl: options.baseUrl, keys: options.keys, env: options.env }),
    );
    const answer = (await response.json()) as { sent?: number; failed?: number; message?: string };
    if (!response.ok) options.log(`notifications: the sender failed (${response.status}): ${answer.message ?? ''}`);
    else if (answer.sent || answer.failed) options.log(`notifications: ${answer.sent} sent, ${answer.failed} failed`);
    return answer;
  };
  const deliver = () => {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = options.everyMs
    ? setInterval(() => void deliver().catch((error: Error) => options.log(`notifications: ${error.message}`)), options.everyMs)
    : undefined;
  timer?.unref();
  return {
    env: options.env,
    deliver,
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}

const Delivery = z.object({
  to: z.string().min(3).max(320),
  subject: z.string().min(1).max(300),
  text: z.string().min(1).max(200_000),
  idempotency_key: z.string().min(1).max(300),
});

/** POST /mailbox/send: the provider's side of the JSON-over-HTTPS interface, for the local mailbox. */
export async function receiveMail(req: IncomingMessage, res: ServerResponse, mailbox: Mailbox, apiKey: string): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { message: 'POST an email here.' });
  if (bearerToken(req) !== apiKey) return sendJson(res, 401, { message: 'Wrong or missing EMAIL_API_KEY.' });
  let parsed;
  try {
    parsed = Delivery.safeParse(JSON.parse(await readBody(req)));
  } catch (error) {
    if (error instanceof BodyTooLarge) return sendJson(res, 413, { message: 'The email is too large.' });
    return sendJson(res, 400, { message: 'Send the email as JSON.' });
  }
  if (!parsed.success)
    return sendJson(res, 400, {
      message: `The email is not complete: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
    });
  const { to, subject, text, idempotency_key: key } = parsed.data;
  sendJson(res, 200, mailbox.deliver(key, to, subject, text));
}
