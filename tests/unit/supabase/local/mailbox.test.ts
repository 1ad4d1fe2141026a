// The local mailbox: a sign-in code is printed in the log and shown on the mailbox page; a
// notification is kept once per key, as a provider keeps an idempotent request.
import { describe, expect, it } from 'vitest';
import { Mailbox, renderMailbox } from '../../../../supabase/local/mailbox.ts';

describe('the local mailbox', () => {
  it('prints the code in the server log', () => {
    const lines: string[] = [];
    const mailbox = new Mailbox({ log: (line) => lines.push(line) });
    const code = mailbox.sendCode('carer@example.org');
    expect(code).toMatch(/^\d{6}$/);
    expect(lines).toEqual([`mailbox: sign-in code for carer@example.org is ${code}`]);
  });

  it('lists the newest message first on the page, with its code, escaping what it shows', () => {
    const mailbox = new Mailbox();
    const older = mailbox.sendCode('first@example.org');
    const newer = mailbox.sendCode('<b>second</b>@example.org');
    const html = renderMailbox(mailbox.messages);
    expect(html.indexOf(newer)).toBeLessThan(html.indexOf(older));
    expect(html).toContain(`<code class="code">${older}</code>`);
    expect(html).not.toContain('<b>second</b>');
    expect(html).toContain('&#60;b&#62;second&#60;/b&#62;@example.org');
    expect(html).toContain('<html lang="en">');
  });

  it('says what to do when there is nothing yet', () => {
    expect(renderMailbox([])).toContain('No messages yet');
  });

  it('a code works once, and five wrong guesses use it up', () => {
    const mailbox = new Mailbox();
    const code = mailbox.sendCode('a@example.org');
    expect(mailbox.checkCode('a@example.org', code)).toBe(true);
    expect(mailbox.checkCode('a@example.org', code)).toBe(false);
    const next = mailbox.sendCode('a@example.org');
    const wrong = next === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect(mailbox.checkCode('a@example.org', wrong)).toBe(false);
    expect(mailbox.checkCode('a@example.org', next)).toBe(false);
  });

  it('keeps a notification once per key, and shows its link as a link', () => {
    const mailbox = new Mailbox();
    expect(
      mailbox.deliver('k1', 'm@example.org', 'Scoring is open', 'Start scoring: http://localhost:4321/panel/round/?id=1&x=<2>'),
    ).toEqual({ duplicate: false });
    expect(mailbox.deliver('k1', 'm@example.org', 'Scoring is open', 'again')).toEqual({ duplicate: true });
    expect(mailbox.messages).toHaveLength(1);
    const html = renderMailbox(mailbox.messages);
    expect(html).toContain('<a href="http://localhost:4321/panel/round/?id=1&#38;x=&#60;2&#62;">');
    expect(html).toContain('<strong>Subject:</strong> Scoring is open');
  });
});
