// Project updates in the officers' one moderation queue: listed with the tree's leaves and
// budgeting ideas, decided through api.moderate by the queue's rules (each decision recorded),
// and refused to anyone who is not an officer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';
import { ok, refusedWith } from '../../support/calls.ts';
import type { ProjectUpdate } from '../../../src/lib/api/project-updates.ts';
import { buildUpdatesWorld, fields, type UpdatesWorld } from './world.ts';

interface QueueItem {
  kind: string;
  id: string;
  status: string;
  link: string;
}

let db: Database;
let w: UpdatesWorld;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildUpdatesWorld(db);
});
afterAll(() => db.close());

async function sentUpdate(title: string): Promise<ProjectUpdate> {
  const draft = await ok<ProjectUpdate>(db, w.lead, 'save_project_update', fields({ p_title: title }));
  return ok<ProjectUpdate>(db, w.lead, 'submit_project_update', { p_id: draft.id });
}

describe('project updates in the moderation queue', () => {
  it('lists a sent update as waiting, and an officer approves it there, with the decision recorded', async () => {
    const u = await sentUpdate('Through the queue');
    const queue = await ok<{ items: QueueItem[] }>(db, w.officer, 'moderation_queue', { p_kind: 'updates', p_status: 'waiting' });
    expect(queue.items.find((i) => i.id === u.id)).toMatchObject({
      kind: 'updates',
      status: 'waiting',
      link: `/projects/officer/?id=${u.id}`,
    });
    const item = await ok<QueueItem>(db, w.officer, 'moderate', { p_kind: 'updates', p_id: u.id, p_action: 'approve' });
    expect(item).toMatchObject({ status: 'approved' });
    const [row] = await db.query<{ action: string }>(
      `select action from private.moderation_decisions where kind = 'updates' and item_id = $1`,
      [u.id],
    );
    expect(row?.action).toBe('approve');
  });

  it('leaves drafts out, and refuses a lead deciding through the queue', async () => {
    const draft = await ok<ProjectUpdate>(db, w.lead, 'save_project_update', fields({ p_title: 'Still a draft' }));
    const queue = await ok<{ items: QueueItem[] }>(db, w.officer, 'moderation_queue', { p_kind: 'updates', p_status: null });
    expect(queue.items.some((i) => i.id === draft.id)).toBe(false);
    const u = await sentUpdate('Not for the lead to approve');
    await refusedWith(db, w.lead, 'moderate', { p_kind: 'updates', p_id: u.id, p_action: 'approve' }, 403, { key: 'not_moderator' });
    await refusedWith(db, w.officer, 'moderate', { p_kind: 'updates', p_id: u.id, p_action: 'return' }, 400, { key: 'note_needed' });
  });
});
