// One home for the rules of an update: the database's (for updates written online) and the
// content check's (for the Markdown) give the same answer on the same examples, and the lists
// of limits and statuses are the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';
import { keyOf, ok } from '../../support/calls.ts';
import { callAs } from '../../support/db.ts';
import { projectUpdate } from '../../../src/lib/content/schemas.ts';
import { UPDATE_LIMITS, UPDATE_STATUSES, youSaidIsTheirs } from '../../../src/lib/projects/update-rules.ts';
import type { ProjectUpdate } from '../../../src/lib/api/project-updates.ts';
import { buildUpdatesWorld, fields, type UpdatesWorld } from './world.ts';

let db: Database;
let w: UpdatesWorld;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildUpdatesWorld(db);
});
afterAll(() => db.close());

const YOU_SAID_EXAMPLES = [
  'People said the bus was late.',
  'We did a survey.',
  'we asked them',
  "We'd like more buses",
  '  Our group met.',
  'The council listened.',
  'The carers said it was hard.',
  'Weekends are hard for carers.',
  'Ours is a small town, people said.',
  'Wednesday suits everyone better.',
  'WE MET',
];

describe('the rules of an update', () => {
  it('limits are the same numbers in SQL and TypeScript', async () => {
    const [row] = await db.query<{ limits: Record<string, number> }>('select private.project_update_limits() as limits');
    expect(row!.limits).toEqual(UPDATE_LIMITS);
  });

  it('statuses are the same list, in the same order', async () => {
    const rows = await db.query<{ s: string }>(`select unnest(enum_range(null::private.project_update_status))::text as s`);
    expect(rows.map((r) => r.s)).toEqual([...UPDATE_STATUSES]);
  });

  it('"you said" is judged the same by the database and the content check', async () => {
    for (const example of YOU_SAID_EXAMPLES) {
      const [row] = await db.query<{ ok: boolean }>('select private.you_said_is_theirs($1) as ok', [example]);
      const content = projectUpdate.safeParse({ date: '2020-01-01', title: 'T', youSaid: example }).success;
      expect({ example, sql: row!.ok }).toEqual({ example, sql: youSaidIsTheirs(example) });
      expect({ example, content }).toEqual({ example, content: row!.ok });
    }
  });

  it('a sent update needs "you said" in the people\'s voice, a title and something to say', async () => {
    const send = async (extra: Record<string, unknown>) => {
      const draft = await ok<ProjectUpdate>(db, w.lead, 'save_project_update', fields(extra));
      return keyOf(await callAs(db, w.lead, 'submit_project_update', { p_id: draft.id }));
    };
    expect(await send({ p_you_said: 'We listened to the riders.' })).toBe('you_said_is_ours');
    expect(await send({ p_title: '' })).toBe('required');
    expect(await send({ p_text: '', p_we_asked: '', p_you_said: '', p_we_did: '' })).toBe('update_empty');
    // The content check allows an update with "you said" alone; so does the database.
    expect(await send({ p_text: '', p_we_asked: '', p_we_did: '', p_title: 'Only you said' })).toBeUndefined();
    // And refuses the same empty update.
    expect(projectUpdate.safeParse({ date: '2020-01-01', title: 'T' }).success).toBe(false);
  });
});
