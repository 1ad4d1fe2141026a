// The audit trail for people who read it: each event carries the ids it names in words (a
// person's name, an application's reference and title, a round's title), so a Cabinet decision
// says which application; and a download of the filtered trail is recorded as an export of it,
// while a member asking for the download is refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';
import { ok, refused, seeded } from './support.ts';
import { buildWorld, type World } from './world.ts';

let db: Database;
let w: World;
const scrutiny = seeded('scrutiny');
const officer = seeded('officer');
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db, 'panel');
  await ok(db, officer, 'record_recommendation', {
    p_application_id: w.apps[0],
    p_outcome: 'award',
    p_amount: 500,
    p_reasons: 'A clear need.',
    p_how_agreed: 'consensus',
  });
});
afterAll(() => db.close());

describe('names in the trail', () => {
  it('a recommendation names its application by reference and title, its round by title and who recorded it by name', async () => {
    const d = await ok(db, scrutiny, 'audit_trail', { p_table: 'recommendations', p_application_id: w.apps[0], p_limit: 5 });
    const [event] = d.events;
    expect(event.names[w.apps[0]!]).toBe(`${w.tag}-001: Project 1`);
    expect(event.names[w.roundId]).toBe(`Test round ${w.tag}`);
    expect(event.names[officer.sub!]).toMatch(/\w/);
  });

  it('a panel member is named by the person, not by the membership id', async () => {
    const d = await ok(db, scrutiny, 'audit_trail', { p_table: 'panel_members', p_row_id: w.member.chair, p_limit: 5 });
    expect(d.events[0].names[w.member.chair]).toMatch(/\w/);
    expect(d.events[0].names[w.member.chair]).not.toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('downloading the filtered trail', () => {
  it('is recorded as an export of the trail, with the filters used', async () => {
    await ok(db, scrutiny, 'audit_trail', { p_table: 'recommendations', p_limit: 500, p_export: true });
    const [read] = await db.query<{ kind: string; what: string; details: Record<string, unknown> }>(
      'select kind, what, details from private.read_records where person_id = $1 order by id desc limit 1',
      [scrutiny.sub],
    );
    expect(read).toMatchObject({ kind: 'export', what: 'audit trail', details: { table: 'recommendations' } });
  });

  it('an ordinary look is recorded as a read', async () => {
    await ok(db, scrutiny, 'audit_trail', { p_limit: 5 });
    const [read] = await db.query<{ kind: string }>('select kind from private.read_records where person_id = $1 order by id desc limit 1', [
      scrutiny.sub,
    ]);
    expect(read?.kind).toBe('read');
  });

  it('is refused to a panel member, writing nothing', async () => {
    await refused(db, w.actors.chair, 'audit_trail', { p_export: true, p_limit: 500 }, 403, 'PT403');
  });
});
