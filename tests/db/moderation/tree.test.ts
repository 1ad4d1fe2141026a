// The Co-production Tree's public functions: anyone adds a leaf, which waits for an officer; bad
// input, the hidden field and too many leaves are refused with a key and store nothing; only
// approved leaves are public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { anonymous, callAs, newPerson, openTestDatabase } from '../../support/db.ts';
import { chainHead, countLeaves, eventsSince, freshAddress, keyOfResult, leaf, ok, sendLeaf } from './support.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

/** Sends a leaf expecting a refusal with this status and key, and checks nothing was kept. */
async function refusedLeaf(args: Record<string, unknown>, status: number, key: string, address = freshAddress()) {
  const [before, leaves, sends] = [await chainHead(db), await countLeaves(db), await countSends()];
  const result = await sendLeaf(db, args, address);
  expect(result).toMatchObject({ ok: false, status });
  expect(keyOfResult(result)).toBe(key);
  expect(await chainHead(db)).toBe(before);
  expect(await countLeaves(db)).toBe(leaves);
  expect(await countSends()).toBe(sends);
  return result;
}

const countSends = async () => Number((await db.query<{ n: string }>('select count(*) as n from private.tree_leaf_sends'))[0]!.n);
const publicLeaves = async () => (await ok<{ id: string }[]>(db, anonymous, 'tree_leaves')).map((l) => l.id);

describe('adding a leaf', () => {
  it('takes a leaf from anyone, without signing in, waiting for an officer and audited', async () => {
    const before = await chainHead(db);
    const result = await sendLeaf(db, leaf('anon'));
    expect(result).toMatchObject({ ok: true, status: 200, data: { status: 'waiting' } });
    const id = (result as { data: { id: string } }).data.id;
    const events = await eventsSince(db, before);
    expect(events.map((e) => [e.table_name, e.action, e.row_id, e.actor_role])).toEqual([['tree_leaves', 'insert', id, 'public']]);
    expect(await publicLeaves()).not.toContain(id);
    const [row] = await db.query<{ name: string; status: string; easy_read: boolean }>(
      'select name, status, easy_read from private.tree_leaves where id = $1',
      [id],
    );
    expect(row).toEqual({ name: 'Sam', status: 'waiting', easy_read: false });
  });

  it('takes one from a signed-in person too, and keeps "anonymous" as no name', async () => {
    const resident = await newPerson(db, 'tree-resident@example.org');
    const data = await ok<{ id: string }>(db, resident, 'tree_add_leaf', { ...leaf(2), p_name: ' Anonymous ', p_easy_read: true });
    const [row] = await db.query<{ name: string | null; easy_read: boolean }>(
      'select name, easy_read from private.tree_leaves where id = $1',
      [data.id],
    );
    expect(row).toEqual({ name: null, easy_read: true });
  });

  it('needs what it was and what changed, but not who or a name', async () => {
    await refusedLeaf({ ...leaf(), p_what: '  ' }, 400, 'leaf_answer_needed');
    const missing = await refusedLeaf({ ...leaf(), p_what_changed: undefined }, 400, 'leaf_answer_needed');
    expect(JSON.parse((missing as { details: string }).details).field).toBe('what_changed');
    expect(await sendLeaf(db, { p_what: 'A walk', p_what_changed: 'More people came.' })).toMatchObject({ ok: true });
  });

  it('refuses answers that are too long, naming the field and the limit', async () => {
    const result = await refusedLeaf({ ...leaf(), p_who: 'x'.repeat(301) }, 400, 'leaf_too_long');
    expect(JSON.parse((result as { details: string }).details)).toMatchObject({ field: 'who', max: 300, length: 301 });
    await refusedLeaf({ ...leaf(), p_what: 'x'.repeat(100_000) }, 400, 'leaf_too_long');
    await refusedLeaf({ ...leaf(), p_name: 'x'.repeat(41) }, 400, 'leaf_too_long');
  });

  it('refuses web addresses, which is what spam is for', async () => {
    for (const link of ['See https://cheap.example', 'www.pills.biz is great', 'visit bestdeals.com now']) {
      await refusedLeaf({ ...leaf(), p_what_changed: link }, 400, 'leaf_no_links');
    }
  });

  it('refuses a leaf whose hidden field is filled in, keeping nothing', async () => {
    await refusedLeaf({ ...leaf(), p_website: 'http://spam.example' }, 400, 'leaf_not_taken');
    await refusedLeaf({ ...leaf(), p_website: 'x' }, 400, 'leaf_not_taken');
  });

  it('refuses a wrong type of argument with a 400, not a 500', async () => {
    const result = await sendLeaf(db, { ...leaf(), p_easy_read: 'perhaps' });
    expect(result).toMatchObject({ ok: false, status: 400 });
  });

  it('limits how many leaves one address sends in an hour, not another address', async () => {
    const [limits] = await db.query<{ per_address: number }>('select per_address from private.tree_limits()');
    const address = '198.51.100.7';
    for (let i = 0; i < limits!.per_address; i++) expect(await sendLeaf(db, leaf(`burst ${i}`), address)).toMatchObject({ ok: true });
    const refused = await refusedLeaf(leaf('one too many'), 429, 'too_many_leaves', address);
    expect(JSON.parse((refused as { details: string }).details)).toMatchObject({ scope: 'address', retry_after: expect.any(Number) });
    // Behind a proxy list, only the first address counts: the same client through another hop is still limited.
    await refusedLeaf(leaf('through a proxy'), 429, 'too_many_leaves', `${address}, 10.1.1.1`);
    expect(await sendLeaf(db, leaf('elsewhere'), '198.51.100.8')).toMatchObject({ ok: true });
    // An hour later the address may send again, and what is older than the window is forgotten.
    await db.query(`update private.tree_leaf_sends set at = at - interval '61 minutes'`);
    expect(await sendLeaf(db, leaf('next hour'), address)).toMatchObject({ ok: true });
    expect(await countSends()).toBe(1);
  });

  it('limits leaves from everyone together, so a flood from many addresses is stopped', async () => {
    const [limits] = await db.query<{ per_everyone: number }>('select per_everyone from private.tree_limits()');
    await db.query(`insert into private.tree_leaf_sends (address_hash) select md5(g::text) from generate_series(1, $1) g`, [
      limits!.per_everyone,
    ]);
    const refused = await refusedLeaf(leaf('flood'), 429, 'too_many_leaves');
    expect(JSON.parse((refused as { details: string }).details)).toMatchObject({ scope: 'everyone' });
    await db.query('delete from private.tree_leaf_sends');
  });

  it('keeps no address, only a hash of it', async () => {
    await sendLeaf(db, leaf('hash'), '192.0.2.55');
    const rows = await db.query<{ address_hash: string }>('select address_hash from private.tree_leaf_sends');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.address_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('reading the tree', () => {
  it('shows only approved leaves, to anyone', async () => {
    const officer = await newPerson(db, 'tree-officer@example.org', { officer: true });
    const waiting = ((await sendLeaf(db, leaf('to approve'))) as { data: { id: string } }).data.id;
    await ok(db, officer, 'moderate', { p_kind: 'tree', p_id: waiting, p_action: 'approve' });
    const leaves = await ok<{ id: string; name: string | null; what: string }[]>(db, anonymous, 'tree_leaves');
    expect(leaves.find((l) => l.id === waiting)).toMatchObject({ name: 'Sam', what: expect.stringContaining('to approve') });
    const statuses = await db.query<{ status: string }>('select status from private.tree_leaves where id = any($1)', [
      leaves.map((l) => l.id),
    ]);
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['approved']));
  });

  it('gives anonymous and signed-in callers no way to read the tables', async () => {
    for (const table of ['private.tree_leaves', 'private.tree_leaf_sends', 'private.moderation_decisions']) {
      const [row] = await db.query<{ anon: boolean; auth: boolean }>(
        `select has_table_privilege('anon', $1, 'select') as anon, has_table_privilege('authenticated', $1, 'select') as auth`,
        [table],
      );
      expect(row, table).toEqual({ anon: false, auth: false });
    }
    expect(await callAs(db, anonymous, 'moderation_items_tree', {}, 'private')).toMatchObject({ ok: false });
  });
});
