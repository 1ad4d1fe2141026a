// The one moderation queue: who may read it and decide (officers only), each action's rules
// (return needs a note, hide a reason, restore only what is hidden), every decision audited,
// nothing deleted, hidden not public; tree leaves and PB proposals side by side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { anonymous, newPerson, openTestDatabase, type Actor } from '../../support/db.ts';
import { buildOfficerWorld, type OfficerWorld } from '../pb/officer-world.ts';
import { chainHead, eventsSince, leaf, ok, refusedWith, sendLeaf } from './support.ts';

type Item = { kind: string; id: string; title: string; excerpt: string; status: string; note: string | null; link: string };
type Queue = { items: Item[]; total: number; counts: Record<string, number>; page: number; page_size: number };

let db: Database;
let officer: Actor;
let resident: Actor;
beforeAll(async () => {
  db = await openTestDatabase();
  officer = await newPerson(db, 'queue-officer@example.org', { officer: true });
  resident = await newPerson(db, 'queue-resident@example.org');
});
afterAll(() => db.close());

const newLeaf = async (n: string) => ((await sendLeaf(db, leaf(n))) as { data: { id: string } }).data.id;
const leafStatus = async (id: string) =>
  (await db.query<{ status: string; note: string | null }>('select status, note from private.tree_leaves where id = $1', [id]))[0]!;
const isPublic = async (id: string) => (await ok<{ id: string }[]>(db, anonymous, 'tree_leaves')).some((l) => l.id === id);
const decide = (actor: Actor, kind: string, id: string, action: string, note?: string) =>
  ok<Item>(db, actor, 'moderate', { p_kind: kind, p_id: id, p_action: action, p_note: note });

describe('who may use the queue', () => {
  it('refuses anyone not signed in, and anyone who is not an officer, writing nothing', async () => {
    const id = await newLeaf('who');
    await refusedWith(db, anonymous, 'moderation_queue', {}, 401, { key: 'sign_in_needed' });
    await refusedWith(db, resident, 'moderation_queue', {}, 403, { key: 'not_moderator' });
    await refusedWith(db, anonymous, 'moderate', { p_kind: 'tree', p_id: id, p_action: 'approve' }, 401, { key: 'sign_in_needed' });
    await refusedWith(db, resident, 'moderate', { p_kind: 'tree', p_id: id, p_action: 'approve' }, 403, { key: 'not_moderator' });
    expect((await leafStatus(id)).status).toBe('waiting');
  });

  it('lets an officer read the waiting leaves, oldest first, with each leaf in full', async () => {
    const id = await newLeaf('read');
    const queue = await ok<Queue>(db, officer, 'moderation_queue', { p_kind: 'tree' });
    const item = queue.items.find((i) => i.id === id);
    expect(item).toMatchObject({ kind: 'tree', status: 'waiting', link: '/tree/', note: null });
    expect(item!.title).toContain('Leaf read');
    expect(item!.excerpt).toContain('What changed: The activities are now chosen');
    expect(item!.excerpt).toContain('From: Sam');
    expect(queue.counts.waiting).toBe(queue.total);
    // Reading the queue or the tree writes nothing (neither is confidential, so no read record).
    const before = await chainHead(db);
    await ok(db, officer, 'moderation_queue', { p_status: null });
    await ok(db, anonymous, 'tree_leaves');
    expect(await chainHead(db)).toBe(before);
    expect(queue.items.every((i) => i.status === 'waiting' && i.kind === 'tree')).toBe(true);
  });

  it('refuses a kind, status, action or page not in the lists', async () => {
    await refusedWith(db, officer, 'moderation_queue', { p_kind: 'tweets' }, 400, { key: 'unknown_kind' });
    await refusedWith(db, officer, 'moderation_queue', { p_status: 'deleted' }, 400, { key: 'unknown_moderation_status' });
    await refusedWith(db, officer, 'moderation_queue', { p_page: 0 }, 400, { key: 'bad_page' });
    const id = await newLeaf('bad');
    await refusedWith(db, officer, 'moderate', { p_kind: 'tree', p_id: id, p_action: 'delete' }, 400, { key: 'unknown_action' });
    await refusedWith(db, officer, 'moderate', { p_kind: 'nope', p_id: id, p_action: 'approve' }, 400, { key: 'unknown_kind' });
    await refusedWith(db, officer, 'moderate', { p_kind: 'tree', p_id: '00000000-0000-4000-8000-00000000dead', p_action: 'approve' }, 404, {
      key: 'item_not_found',
    });
    await refusedWith(db, officer, 'moderate', { p_kind: 'tree', p_id: 'not-a-uuid', p_action: 'approve' }, 400);
  });

  it('pages through 20 at a time', async () => {
    for (let i = 0; i < 21; i++) await newLeaf(`page ${i}`);
    const first = await ok<Queue>(db, officer, 'moderation_queue', { p_kind: 'tree', p_page: 1 });
    const second = await ok<Queue>(db, officer, 'moderation_queue', { p_kind: 'tree', p_page: 2 });
    expect(first.items).toHaveLength(20);
    expect(first.total).toBeGreaterThan(20);
    expect(second).toMatchObject({ page: 2, page_size: 20 });
    expect(second.items.length).toBe(Math.min(20, first.total - 20));
    expect(second.items.some((i) => first.items.some((f) => f.id === i.id))).toBe(false);
  });
});

describe('deciding on a leaf', () => {
  it('approves: the leaf becomes public, and the decision is audited as the officer', async () => {
    const id = await newLeaf('approve');
    const before = await chainHead(db);
    expect(await decide(officer, 'tree', id, 'approve')).toMatchObject({ id, status: 'approved' });
    expect(await isPublic(id)).toBe(true);
    const events = await eventsSince(db, before);
    expect(events.map((e) => [e.table_name, e.action, e.actor, e.actor_role])).toEqual([
      ['tree_leaves', 'update', officer.sub, 'moderator'],
      ['moderation_decisions', 'insert', officer.sub, 'moderator'],
    ]);
    expect(events[1]!.new_values).toMatchObject({ kind: 'tree', item_id: id, action: 'approve', decided_by: officer.sub });
    await refusedWith(db, officer, 'moderate', { p_kind: 'tree', p_id: id, p_action: 'approve' }, 409, { key: 'not_now' });
  });

  it('returns only with a note, and a returned leaf is not public', async () => {
    const id = await newLeaf('return');
    await refusedWith(db, officer, 'moderate', { p_kind: 'tree', p_id: id, p_action: 'return' }, 400, { key: 'note_needed' });
    await refusedWith(db, officer, 'moderate', { p_kind: 'tree', p_id: id, p_action: 'return', p_note: '  ' }, 400, { key: 'note_needed' });
    await refusedWith(db, officer, 'moderate', { p_kind: 'tree', p_id: id, p_action: 'return', p_note: 'x'.repeat(1001) }, 400, {
      key: 'note_too_long',
    });
    expect(await decide(officer, 'tree', id, 'return', 'It names a member of staff.')).toMatchObject({
      status: 'returned',
      note: 'It names a member of staff.',
    });
    expect(await isPublic(id)).toBe(false);
    // An approved leaf can be taken back down by returning it.
    const shown = await newLeaf('return after approval');
    await decide(officer, 'tree', shown, 'approve');
    await decide(officer, 'tree', shown, 'return', 'Check the date.');
    expect(await isPublic(shown)).toBe(false);
  });

  it('hides only with a reason; hidden is not public, is kept, and restore brings it back to be checked', async () => {
    const id = await newLeaf('hide');
    await decide(officer, 'tree', id, 'approve');
    await refusedWith(db, officer, 'moderate', { p_kind: 'tree', p_id: id, p_action: 'hide' }, 400, { key: 'reason_needed' });
    await refusedWith(db, officer, 'moderate', { p_kind: 'tree', p_id: id, p_action: 'restore' }, 409, { key: 'not_now' });
    const leavesBefore = (await db.query('select id from private.tree_leaves')).length;
    expect(await decide(officer, 'tree', id, 'hide', 'Advertising.')).toMatchObject({ status: 'hidden', note: 'Advertising.' });
    expect(await isPublic(id)).toBe(false);
    expect((await db.query('select id from private.tree_leaves')).length).toBe(leavesBefore);
    const hidden = await ok<Queue>(db, officer, 'moderation_queue', { p_kind: 'tree', p_status: 'hidden' });
    expect(hidden.items.map((i) => i.id)).toContain(id);
    await refusedWith(db, officer, 'moderate', { p_kind: 'tree', p_id: id, p_action: 'hide', p_note: 'Again' }, 409, { key: 'not_now' });
    await refusedWith(db, officer, 'moderate', { p_kind: 'tree', p_id: id, p_action: 'approve' }, 409, { key: 'not_now' });
    expect(await decide(officer, 'tree', id, 'restore')).toMatchObject({ status: 'waiting', note: null });
    expect(await isPublic(id)).toBe(false);
    await decide(officer, 'tree', id, 'approve');
    expect(await isPublic(id)).toBe(true);
    const decisions = await db.query<{ action: string }>('select action from private.moderation_decisions where item_id = $1 order by id', [
      id,
    ]);
    expect(decisions.map((d) => d.action)).toEqual(['approve', 'hide', 'restore', 'approve']);
  });
});

describe('PB proposals in the same queue', () => {
  let w: OfficerWorld;
  beforeAll(async () => {
    w = await buildOfficerWorld(db, 'proposals');
  });
  const proposal = async (id: string) =>
    (
      await db.query<{ status: string; status_reason: string | null }>(
        'select status, status_reason from private.pb_proposals where id = $1',
        [id],
      )
    )[0]!;
  const pbItem = async (actor: Actor, id: string) =>
    (await ok<Queue>(db, actor, 'moderation_queue', { p_kind: 'pb', p_status: null })).items.find((i) => i.id === id);

  it('lists the proposals of the processes the officer runs, and nobody else’s', async () => {
    const item = await pbItem(w.actors.officer, w.proposals[0]!);
    expect(item).toMatchObject({ kind: 'pb', status: 'waiting', link: `/budgeting/proposal/?id=${w.proposals[0]}` });
    expect(item!.title).toBe('P-001 Project 1');
    expect(await pbItem(w.actors.otherOfficer, w.proposals[0]!)).toBeUndefined();
    await refusedWith(db, w.actors.otherOfficer, 'moderate', { p_kind: 'pb', p_id: w.proposals[0], p_action: 'approve' }, 403, {
      key: 'not_process_officer',
    });
    await refusedWith(db, w.actors.resident, 'moderate', { p_kind: 'pb', p_id: w.proposals[0], p_action: 'approve' }, 403, {
      key: 'not_moderator',
    });
    await refusedWith(
      db,
      w.actors.officer,
      'moderate',
      { p_kind: 'pb', p_id: '00000000-0000-4000-8000-00000000dead', p_action: 'approve' },
      404,
      {
        key: 'proposal_not_found',
      },
    );
  });

  it('approves without changing the proposal, audited, and not twice', async () => {
    const id = w.proposals[1]!;
    const before = await chainHead(db);
    expect(await decide(w.actors.officer, 'pb', id, 'approve')).toMatchObject({ status: 'approved' });
    expect((await proposal(id)).status).toBe('submitted');
    const events = await eventsSince(db, before);
    expect(events.map((e) => [e.table_name, e.action, e.actor_role])).toEqual([['moderation_decisions', 'insert', 'moderator']]);
    await refusedWith(db, w.actors.officer, 'moderate', { p_kind: 'pb', p_id: id, p_action: 'approve' }, 409, { key: 'not_now' });
  });

  it('returns with a note, emailing the proposer, while proposals are open', async () => {
    const id = w.proposals[2]!;
    await refusedWith(db, w.actors.officer, 'moderate', { p_kind: 'pb', p_id: id, p_action: 'return' }, 400, { key: 'note_needed' });
    expect(await decide(w.actors.officer, 'pb', id, 'return', 'Say which park.')).toMatchObject({
      status: 'returned',
      note: 'Say which park.',
    });
    const [mail] = await db.query<{ body: string; person_id: string }>(
      `select body, person_id from private.outbox where template = 'pb_proposal_returned' and link like $1`,
      [`%${id}`],
    );
    expect(mail).toMatchObject({ person_id: w.person.resident, body: expect.stringContaining('Say which park.') });
    // The proposer changing it puts it back to waiting.
    await db.query(
      `update private.pb_proposals set summary = 'In Florence Park.', updated_at = now() + interval '1 second' where id = $1`,
      [id],
    );
    expect((await pbItem(w.actors.officer, id))!.status).toBe('waiting');
  });

  it('hides with a reason the proposer sees, through PB’s own rules, and restores as submitted', async () => {
    const id = w.proposals[3]!;
    await refusedWith(db, w.actors.officer, 'moderate', { p_kind: 'pb', p_id: id, p_action: 'hide' }, 400, { key: 'reason_needed' });
    await refusedWith(db, w.actors.officer, 'moderate', { p_kind: 'pb', p_id: id, p_action: 'restore' }, 409, { key: 'wrong_status' });
    await decide(w.actors.officer, 'pb', id, 'approve');
    expect(await decide(w.actors.officer, 'pb', id, 'hide', 'It names a private person.')).toMatchObject({ status: 'hidden' });
    expect(await proposal(id)).toEqual({ status: 'hidden', status_reason: 'It names a private person.' });
    const publicList = await ok<{ proposals: { id: string }[] }>(db, anonymous, 'pb_proposals', { p_process_id: w.processId });
    expect(publicList.proposals.map((p) => p.id)).not.toContain(id);
    expect(await decide(w.actors.officer, 'pb', id, 'restore')).toMatchObject({ status: 'waiting' });
    expect((await proposal(id)).status).toBe('submitted');
  });

  it('shows tree leaves, proposals and project updates together when no kind is chosen', async () => {
    await newLeaf('together');
    const all = await ok<Queue>(db, w.actors.officer, 'moderation_queue', { p_status: null, p_page: 1 });
    const kinds = new Set<string>();
    for (let page = 1; page <= Math.ceil(all.total / 20); page++) {
      for (const i of (await ok<Queue>(db, w.actors.officer, 'moderation_queue', { p_status: null, p_page: page })).items)
        kinds.add(i.kind);
    }
    expect(kinds).toEqual(new Set(['tree', 'pb', 'updates']));
  });
});
