// Reading a notification from the stand-in's local mailbox (/mailbox.json, newest first), as
// its sender delivered it from the outbox every few seconds. Sign-in codes are in the same
// mailbox; a notification is the one with an idempotency key and no code.
import { API, expect } from './support.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The first web address in the text: the page the email asks the person to open. */
  link: string;
}

interface Stored {
  to: string;
  subject: string;
  text: string;
  code: string;
  key?: string;
}

/** Waits (the sender runs every 5 seconds) for the newest notification to `to` whose subject
 *  matches, and returns it with its link. */
export async function waitForMail(to: string, subject: RegExp | string, timeout = 20_000): Promise<Mail> {
  let found: Stored | undefined;
  await expect
    .poll(
      async () => {
        const messages = (await (await fetch(`${API}/mailbox.json`)).json()) as Stored[];
        found = messages.find(
          (m) =>
            m.key &&
            !m.code &&
            m.to.toLowerCase() === to.toLowerCase() &&
            (typeof subject === 'string' ? m.subject === subject : subject.test(m.subject)),
        );
        return Boolean(found);
      },
      { timeout, message: `an email to ${to} with the subject ${String(subject)}` },
    )
    .toBe(true);
  const link = /https?:\/\/\S+/.exec(found!.text)?.[0] ?? '';
  return { to: found!.to, subject: found!.subject, text: found!.text, link };
}
