// The audit viewer's filters: audit readers choose a person by name and an application by its
// reference or title (api.audit_filter_choices), and filtering by an application brings every
// event about it, not only those on its own row. Refused for everyone else, changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';
import { ok, refused, seeded } from './support.ts';
import { buildWorld, fullScores, type World } from './world.ts';

let db: Database;
let w: World;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db, 'scoring');
});
afterAll(() => db.close());

const scrutiny = seeded('scrutiny');
const officer = seeded('officer');

describe('choosing who and what to filter by', () => {
  it('scrutiny gets people by name (no email addresses) and applications by reference and title', async () => {
    const d = await ok(db, scrutiny, 'audit_filter_choices');
    expect(d.people.find((p: { id: string }) => p.id === seeded('officer').sub)).toEqual({
      id: seeded('officer').sub,
      display_name: expect.stringMatching(/\w/),
    });
    for (const p of d.people) expect(Object.keys(p).sort()).toEqual(['display_name', 'id']);
    expect(d.applications.find((a: { id: string }) => a.id === w.apps[1])).toEqual({
      id: w.apps[1],
      reference: `${w.tag}-002`,
      project_title: 'Project 2',
      round_title: `Test round ${w.tag}`,
    });
  });

  it('an officer gets the same lists', async () => {
    const d = await ok(db, officer, 'audit_filter_choices');
    expect(d.applications.length).toBeGreaterThan(6);
  });

  it.each(['community', 'chair', 'reviewer', 'stranger'] as const)('a %s is refused, plainly, and nothing is written', async (kind) => {
    const r = await refused(db, w.actors[kind], 'audit_filter_choices', {}, 403, 'PT403');
    expect(r.refusal).toEqual({ key: 'may_not_read_audit' });
  });

  it('an anonymous caller cannot call it at all', async () => {
    await refused(db, w.actors.anonymous, 'audit_filter_choices', {}, 401, '42501');
  });
});

describe('filtering the trail by application', () => {
  it('brings the events about that application from every table, and none about others', async () => {
    // The world has the member declare no conflict on every application already.
    const app = w.apps[2]!;
    await ok(db, w.actors.community, 'open_application_pack', { p_application_id: app });
    await ok(db, w.actors.community, 'save_draft_scores', { p_application_id: app, p_scores: fullScores(w) });
    const d = await ok(db, scrutiny, 'audit_trail', { p_application_id: app, p_limit: 500 });
    const tables = new Set(d.events.map((e: { table_name: string }) => e.table_name));
    for (const t of ['applications', 'conflict_declarations', 'read_records', 'scores']) expect(tables, t).toContain(t);
    for (const e of d.events) {
      const about = e.table_name === 'applications' ? e.row_id : (e.new_values ?? e.old_values)?.application_id;
      expect(about).toBe(app);
    }
  });

  it('refuses a "from" date after the "to" date, in plain words, recording nothing', async () => {
    const r = await refused(db, scrutiny, 'audit_trail', { p_from: '2030-01-02T00:00:00Z', p_to: '2030-01-01T00:00:00Z' }, 400, 'P0001');
    expect(r.refusal).toEqual({ key: 'dates_wrong_way_round', field: 'from' });
  });
});
