// What anyone (anon too) can read: processes, proposals, one proposal, the shortlist. Hidden,
// withdrawn and merged proposals appear in no public list; drafts are 404 to all but officers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { anonymous, openTestDatabase, type Actor } from '../../support/db.ts';
import { ok, refused } from './support.ts';
import { addProposal, buildPbWorld, newResident, setPhase, type PbWorld } from './world.ts';

let db: Database;
let w: PbWorld;
let draft: PbWorld;
let author: Actor & { sub: string };
const ids: Record<string, string> = {};
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildPbWorld(db, { phase: 'voting' });
  draft = await buildPbWorld(db, { phase: 'draft' });
  author = await newResident(db, 'author');
  ids.submitted = await addProposal(db, w, {
    title: 'Zebra crossing by the school',
    author_id: author.sub,
    ward_id: w.wards[1]!.id,
    category_id: w.categories[1]!.id,
  });
  ids.hidden = await addProposal(db, w, {
    title: 'Hidden rude thing',
    status: 'hidden',
    status_reason: 'It named a private person.',
    author_id: author.sub,
  });
  ids.withdrawn = await addProposal(db, w, { title: 'Withdrawn idea', status: 'withdrawn', author_id: author.sub });
  ids.merged = await addProposal(db, w, { title: 'Duplicate crossing', status: 'merged', merged_into: ids.submitted });
  ids.notFeasible = await addProposal(db, w, {
    title: 'A new motorway',
    status: 'not_feasible',
    status_reason: 'Far beyond the budget.',
    checked_cost: 900000,
  });
  for (let i = 0; i < 55; i++) await addProposal(db, w, { title: `Bench number ${i}`, details: 'Somewhere to sit in the park.' });
});
afterAll(() => db.close());

const everyone = (): [string, Actor][] => [
  ['anon', anonymous],
  ['resident', w.resident],
  ['officer', w.officer],
];

describe('processes', () => {
  it('lists every process but drafts, with phase, budget and dates, for anyone', async () => {
    for (const [, actor] of everyone()) {
      const list = await ok<{ id: string; phase: string; budget: number; phases: unknown[] }[]>(db, actor, 'pb_processes');
      const mine = list.find((p) => p.id === w.processId);
      expect(mine).toMatchObject({ phase: 'voting', budget: 10000 });
      expect(mine!.phases).toHaveLength(5);
      expect(list.some((p) => p.id === draft.processId)).toBe(false);
    }
  });

  it('shows a process by slug with phases, wards, categories, limits and methods', async () => {
    const p = await ok(db, anonymous, 'pb_process', { p_slug: w.slug.toUpperCase() });
    expect(p).toMatchObject({ id: w.processId, min_projects: 1, max_projects: null, eligibility: ['voting_code', 'postcode'] });
    expect(p.wards.map((x: { name: string }) => x.name)).toEqual(['North', 'South']);
    expect(p.categories).toHaveLength(2);
  });

  it('answers 404 for a draft to anyone but its officers, as for no such process', async () => {
    for (const actor of [anonymous, w.resident, w.officer])
      await refused(db, actor, 'pb_process', { p_slug: draft.slug }, 404, 'process_not_found');
    expect(await ok(db, draft.officer, 'pb_process', { p_slug: draft.slug })).toMatchObject({ phase: 'draft' });
    await refused(db, anonymous, 'pb_process', { p_slug: 'no-such-process' }, 404, 'process_not_found');
    await refused(db, anonymous, 'pb_process', { p_slug: '' }, 400, 'required');
    await refused(db, anonymous, 'pb_process', { p_slug: 'x'.repeat(5000) }, 400, 'too_long');
  });
});

describe('proposals', () => {
  const list = (actor: Actor, args: Record<string, unknown> = {}) =>
    ok<{ total: number; proposals: { id: string; title: string; status: string; number: number }[] }>(db, actor, 'pb_proposals', {
      p_process_id: w.processId,
      p_page_size: 50,
      ...args,
    });

  it('never lists hidden, withdrawn or merged proposals, to anyone', async () => {
    for (const [, actor] of [...everyone(), ['author', author] as [string, Actor]]) {
      const all = [];
      for (let page = 1; page <= 2; page++) all.push(...(await list(actor, { p_page: page })).proposals);
      const seen = new Set(all.map((p) => p.id));
      expect(seen.has(ids.submitted!)).toBe(true);
      for (const k of ['hidden', 'withdrawn', 'merged']) expect(seen.has(ids[k]!), k).toBe(false);
      expect(all.every((p) => ['submitted', 'feasible', 'not_feasible', 'shortlisted'].includes(p.status))).toBe(true);
    }
  });

  it('pages with a total, at most 50 a page', async () => {
    const first = await list(anonymous, { p_page_size: 50 });
    expect(first.total).toBe(4 + 2 + 55);
    expect(first.proposals).toHaveLength(50);
    expect((await list(anonymous, { p_page: 2 })).proposals).toHaveLength(11);
    const beyond = await list(anonymous, { p_page: 9 });
    expect(beyond).toMatchObject({ total: 61, proposals: [] });
    await refused(db, anonymous, 'pb_proposals', { p_process_id: w.processId, p_page_size: 51 }, 400, 'page_size_out_of_range');
    await refused(db, anonymous, 'pb_proposals', { p_process_id: w.processId, p_page_size: 0 }, 400, 'page_size_out_of_range');
    await refused(db, anonymous, 'pb_proposals', { p_process_id: w.processId, p_page: 0 }, 400, 'page_out_of_range');
    await refused(db, anonymous, 'pb_proposals', { p_process_id: w.processId, p_page: 'two' }, 400);
  });

  it('filters by ward, category and status, and searches the text', async () => {
    expect((await list(anonymous, { p_ward_id: w.wards[1]!.id })).proposals.map((p) => p.id)).toEqual([ids.submitted]);
    expect((await list(anonymous, { p_category_id: w.categories[1]!.id })).proposals.map((p) => p.id)).toEqual([ids.submitted]);
    expect((await list(anonymous, { p_status: 'shortlisted' })).total).toBe(4);
    expect((await list(anonymous, { p_status: 'not_feasible' })).proposals.map((p) => p.id)).toEqual([ids.notFeasible]);
    expect((await list(anonymous, { p_search: 'crossing school' })).proposals.map((p) => p.id)).toEqual([ids.submitted]);
    expect((await list(anonymous, { p_search: '"sit in the park" -zebra' })).total).toBe(55);
    expect((await list(anonymous, { p_search: 'rude' })).total).toBe(0);
    await refused(db, anonymous, 'pb_proposals', { p_process_id: w.processId, p_status: 'hidden' }, 400, 'unknown_status');
    await refused(db, anonymous, 'pb_proposals', { p_process_id: w.processId, p_search: 'x'.repeat(100000) }, 400, 'too_long');
    await refused(db, anonymous, 'pb_proposals', { p_process_id: draft.processId }, 404, 'process_not_found');
    await refused(db, anonymous, 'pb_proposals', { p_process_id: 'not-a-uuid' }, 400);
  });

  it('shows one proposal; hidden and withdrawn ones 404 except to their author, who sees the reason', async () => {
    const one = await ok(db, anonymous, 'pb_proposal', { p_proposal_id: ids.submitted });
    expect(one).toMatchObject({ title: 'Zebra crossing by the school', mine: false });
    expect(one).not.toHaveProperty('author_id');
    expect(JSON.stringify(one)).not.toContain(author.sub);
    for (const actor of [anonymous, w.resident]) {
      await refused(db, actor, 'pb_proposal', { p_proposal_id: ids.hidden }, 404, 'proposal_not_found');
      await refused(db, actor, 'pb_proposal', { p_proposal_id: ids.withdrawn }, 404, 'proposal_not_found');
    }
    expect(await ok(db, author, 'pb_proposal', { p_proposal_id: ids.hidden })).toMatchObject({
      status: 'hidden',
      status_reason: 'It named a private person.',
      mine: true,
    });
    expect(await ok(db, w.officer, 'pb_proposal', { p_proposal_id: ids.hidden })).toMatchObject({ status: 'hidden' });
    expect(await ok(db, anonymous, 'pb_proposal', { p_proposal_id: ids.merged })).toMatchObject({
      status: 'merged',
      merged_into: { id: ids.submitted, title: 'Zebra crossing by the school' },
    });
    expect(await ok(db, anonymous, 'pb_proposal', { p_proposal_id: ids.notFeasible })).toMatchObject({
      status_reason: 'Far beyond the budget.',
      checked_cost: 900000,
    });
    await refused(db, anonymous, 'pb_proposal', { p_proposal_id: '00000000-0000-4000-8000-00000000dead' }, 404, 'proposal_not_found');
    await refused(db, anonymous, 'pb_proposal', { p_proposal_id: 'nonsense' }, 400);
  });
});

describe('the shortlist', () => {
  it('lists shortlisted proposals with checked costs from voting on, for anyone', async () => {
    for (const [, actor] of everyone()) {
      const s = await ok(db, actor, 'pb_shortlist', { p_process_id: w.processId });
      expect(s.proposals.map((p: { id: string; checked_cost: number }) => [p.id, p.checked_cost])).toEqual(
        w.shortlist.map((p) => [p.id, p.checkedCost]),
      );
      expect(s).toMatchObject({ budget: 10000, min_projects: 1 });
    }
  });

  it('is refused before voting, with the phase', async () => {
    const early = await buildPbWorld(db, { phase: 'review' });
    const r = await refused(db, anonymous, 'pb_shortlist', { p_process_id: early.processId }, 409, 'wrong_phase');
    expect(JSON.parse(r.details!)).toMatchObject({ phase: 'review' });
    await setPhase(db, early, 'results');
    expect((await ok(db, anonymous, 'pb_shortlist', { p_process_id: early.processId })).proposals).toHaveLength(4);
    await refused(db, anonymous, 'pb_shortlist', { p_process_id: draft.processId }, 404, 'process_not_found');
  });
});
