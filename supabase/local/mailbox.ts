// The local mailbox: sign-in codes are not emailed here, they are printed in the server log and
// kept in memory for the /mailbox page, as Supabase's local stack does with its mail catcher.
// Notifications arrive here too: the stand-in's sender posts them to /mailbox/send as it would
// to the council's provider, and like a provider the mailbox drops a repeat of a key it has seen.
import { createHash, randomInt } from 'node:crypto';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  code: string;
  sentAt: string;
  /** A notification's idempotency key (its outbox dedupe key). */
  key?: string;
}

interface PendingCode {
  hash: string;
  expiresAt: number;
  attemptsLeft: number;
  sentAt: number;
}

// Enough for a demo's notifications without growing without end.
const MAX_MESSAGES = 500;

const hash = (code: string) => createHash('sha256').update(code).digest('hex');

export class Mailbox {
  readonly messages: MailMessage[] = [];
  private readonly codes = new Map<string, PendingCode>();
  // Every key ever delivered (the stand-in runs for hours, not years).
  private readonly deliveredKeys = new Set<string>();
  private readonly now: () => number;
  private readonly log: (line: string) => void;
  readonly resendAfterMs: number;

  constructor(options: { now?: () => number; log?: (line: string) => void; resendAfterMs?: number } = {}) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => undefined);
    this.resendAfterMs = options.resendAfterMs ?? 60_000;
  }

  /** Milliseconds until another code may be sent to this address. */
  resendWait(email: string): number {
    const pending = this.codes.get(email.toLowerCase());
    return pending ? Math.max(0, pending.sentAt + this.resendAfterMs - this.now()) : 0;
  }

  sendCode(email: string): string {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = this.now();
    this.codes.set(email.toLowerCase(), { hash: hash(code), expiresAt: now + 10 * 60_000, attemptsLeft: 5, sentAt: now });
    const message: MailMessage = {
      to: email,
      subject: 'Your Working Together sign-in code',
      text: `Your sign-in code is ${code}. It works for 10 minutes. If you did not ask for it, you can ignore this email.`,
      code,
      sentAt: new Date(now).toISOString(),
    };
    this.messages.unshift(message);
    this.messages.length = Math.min(this.messages.length, MAX_MESSAGES);
    this.log(`mailbox: sign-in code for ${email} is ${code}`);
    return code;
  }

  /**
   * A notification from the sender: kept unless its key was delivered before (a sender killed
   * after sending but before marking sends it again). Answers whether it was a repeat.
   */
  deliver(key: string, to: string, subject: string, text: string): { duplicate: boolean } {
    if (this.deliveredKeys.has(key)) return { duplicate: true };
    this.deliveredKeys.add(key);
    this.messages.unshift({ to, subject, text, code: '', sentAt: new Date(this.now()).toISOString(), key });
    this.messages.length = Math.min(this.messages.length, MAX_MESSAGES);
    this.log(`mailbox: "${subject}" for ${to}`);
    return { duplicate: false };
  }

  /** True once for the right code; wrong guesses use up the code's attempts. */
  checkCode(email: string, code: string): boolean {
    const key = email.toLowerCase();
    const pending = this.codes.get(key);
    if (!pending || pending.expiresAt < this.now() || pending.attemptsLeft <= 0) return false;
    if (pending.hash !== hash(code.trim())) {
      pending.attemptsLeft -= 1;
      return false;
    }
    this.codes.delete(key);
    return true;
  }
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// Links in an (escaped) email made clickable, as a mail program would.
const linkify = (html: string) => html.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

export function renderMailbox(messages: readonly MailMessage[]): string {
  const rows = messages.length
    ? messages
        .map(
          (m) =>
            `<li><p><strong>To:</strong> ${escape(m.to)} <br><strong>Subject:</strong> ${escape(m.subject)} <br><strong>Sent:</strong> <time>${escape(m.sentAt)}</time></p><p class="text">${linkify(escape(m.text))}</p>${m.code ? `<p>Code: <code class="code">${escape(m.code)}</code></p>` : ''}</li>`,
        )
        .join('\n')
    : '<li>No messages yet. Ask for a sign-in code on the site, then reload this page.</li>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Local mailbox</title>
<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}li{margin-bottom:1rem;border-bottom:1px solid #ccc}.text{white-space:pre-wrap}code{font-size:1.5rem}</style></head>
<body><main><h1>Local mailbox</h1><p>On this computer emails are not sent: sign-in codes and notifications appear here instead, newest first.</p><ul>${rows}</ul></main></body></html>`;
}
