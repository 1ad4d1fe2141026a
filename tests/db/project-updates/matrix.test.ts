// Every project-updates function as every kind of caller it is not for: the signed-out are
// refused all but the public list, and the public list gives nothing but approved updates.
// The list of functions is checked against the migration, so a new one cannot go untested here.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { anonymous, openTestDatabase } from '../../support/db.ts';
import { ok, refusedWith } from '../../support/calls.ts';
import type { PublishedUpdate } from '../../../src/lib/api/project-updates.ts';
import { PROJECT_UPDATE_FUNCTIONS } from './functions.ts';
import { fields } from './world.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const ID = '00000000-0000-4000-8000-00000000abcd';
const ARGS: Record<string, Record<string, unknown>> = {
  assign_project_lead: { p_project_slug: 'community-transport', p_email: 'lead@example.org' },
  moderate_project_update: { p_id: ID, p_action: 'approve' },
  my_led_projects: {},
  officer_project_updates: {},
  project_leads: {},
  remove_project_lead: { p_project_slug: 'adults-strategy', p_person_id: '00000000-0000-4000-8000-000000000401' },
  save_project_update: fields(),
  submit_project_update: { p_id: ID },
};

describe('project-updates functions', () => {
  it('are exactly those the migration defines', async () => {
    const sql = await readFile('supabase/migrations/20261205000400_project_updates.sql', 'utf8');
    const defined = [...sql.matchAll(/create function api\.([a-z_]+)/g)].map((m) => m[1]).sort();
    expect(defined).toEqual([...PROJECT_UPDATE_FUNCTIONS].sort());
  });

  for (const fn of PROJECT_UPDATE_FUNCTIONS.filter((f) => f !== 'published_project_updates')) {
    it(`${fn} is refused to the signed-out, writing nothing`, async () => {
      await refusedWith(db, anonymous, fn, ARGS[fn]!, 401);
    });
  }

  it('published_project_updates gives anyone the approved updates only, without who wrote them', async () => {
    const published = await ok<PublishedUpdate[]>(db, anonymous, 'published_project_updates');
    const [{ n }] = (await db.query<{ n: number }>(`select count(*)::int as n from private.project_updates where status = 'approved'`)) as [
      { n: number },
    ];
    expect(published).toHaveLength(n);
    expect(published.length).toBeGreaterThan(0); // the seed's approved update
    for (const u of published) expect(Object.keys(u)).not.toContain('author_name');
  });
});
