// The festival page (Markdown) and the bookings (database) must describe the same day: every
// session of an edition that takes bookings is in its programme with the same time and title, and
// the access needs the form offers are the ones the database accepts.
import { readdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';
import { NEED_KINDS, sessionKey } from '../../../src/lib/festival-bookings.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

async function programme(slug: string) {
  const text = await readFile(`src/content/festival/${slug}.md`, 'utf8');
  const front = parse(text.split(/^---$/m)[1]!) as { bookOnline?: boolean; sessions: { time: string; title: string; place?: string }[] };
  expect(front.bookOnline, `${slug} says bookOnline: true`).toBe(true);
  return front.sessions.map((s) => ({ key: sessionKey(s.title), time: s.time, title: s.title, place: s.place ?? null }));
}

describe('content and bookings agree', () => {
  it('every edition that takes bookings has a page whose programme is its sessions', async () => {
    const editions = await db.query<{ slug: string }>('select slug from private.festival_editions order by slug');
    expect(editions.map((e) => e.slug)).toContain('2027-festival');
    // And the other way round: a page that offers booking online has its sessions here.
    for (const file of await readdir('src/content/festival')) {
      if (/^bookOnline: true$/m.test(await readFile(`src/content/festival/${file}`, 'utf8')))
        expect(editions.map((e) => e.slug)).toContain(file.replace(/\.md$/, ''));
    }
    for (const { slug } of editions) {
      const sessions = await db.query<{ key: string; time: string; title: string; place: string | null }>(
        `select key, to_char(starts_at at time zone 'Europe/London', 'HH24:MI') as time, title, place
         from private.festival_sessions where edition = $1 order by starts_at`,
        [slug],
      );
      expect(sessions, slug).toEqual(await programme(slug));
    }
  });

  it('the needs the form offers are the ones the database accepts', async () => {
    const [row] = await db.query<{ kinds: string[] }>('select private.festival_need_kinds() as kinds');
    expect(row!.kinds).toEqual([...NEED_KINDS]);
  });
});
