// Every write of the residents' functions leaves its audit event, as the resident, in the same
// call; the reads leave none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { anonymous, openTestDatabase, type Actor } from '../../support/db.ts';
import { chainHead, ok } from './support.ts';
import { addCodes, buildPbWorld, newResident, setPhase, type PbWorld } from './world.ts';

let db: Database;
let w: PbWorld;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildPbWorld(db, { phase: 'proposals' });
});
afterAll(() => db.close());

async function eventsOf(actor: Actor, fn: string, args: Record<string, unknown>) {
  const before = await chainHead(db);
  const data = await ok(db, actor, fn, args);
  const events = await db.query<{ what: string; actor: string | null; actor_role: string }>(
    `select action || ' ' || table_name as what, actor, actor_role from private.audit_events where id > $1 order by id`,
    [before],
  );
  return { data, events };
}

describe('the residents’ writes are audited', () => {
  it('propose, edit, withdraw, redeem a code and declare a postcode each leave their event', async () => {
    const fields = { p_title: 'Bins', p_summary: 'More bins.', p_details: 'Bins by the river.', p_estimated_cost: 800 };
    const made = await eventsOf(w.resident, 'pb_propose', { p_process_id: w.processId, ...fields });
    expect(made.events).toEqual([{ what: 'insert pb_proposals', actor: w.person.resident, actor_role: 'resident' }]);
    const id = (made.data as { id: string }).id;
    expect((await eventsOf(w.resident, 'pb_edit_proposal', { p_proposal_id: id, ...fields, p_title: 'Bigger bins' })).events).toEqual([
      { what: 'update pb_proposals', actor: w.person.resident, actor_role: 'resident' },
    ]);
    expect((await eventsOf(w.resident, 'pb_withdraw_proposal', { p_proposal_id: id })).events.map((e) => e.what)).toEqual([
      'update pb_proposals',
    ]);
    const [code] = await addCodes(db, w, 1);
    expect((await eventsOf(w.resident, 'pb_redeem_code', { p_process_id: w.processId, p_code: code })).events.map((e) => e.what)).toEqual([
      'insert pb_eligible_people',
      'update pb_voting_codes',
    ]);
    const someone = await newResident(db);
    expect((await eventsOf(someone, 'pb_declare_postcode', { p_process_id: w.processId, p_postcode: 'OX1 2JD' })).events).toEqual([
      { what: 'insert pb_eligible_people', actor: someone.sub, actor_role: 'resident' },
    ]);
  });

  it('reads leave no event', async () => {
    await setPhase(db, w, 'voting');
    const before = await chainHead(db);
    await ok(db, anonymous, 'pb_processes');
    await ok(db, anonymous, 'pb_process', { p_slug: w.slug });
    await ok(db, anonymous, 'pb_proposals', { p_process_id: w.processId });
    await ok(db, anonymous, 'pb_shortlist', { p_process_id: w.processId });
    await ok(db, w.resident, 'pb_my_proposals', {});
    await ok(db, w.resident, 'pb_my_status', { p_process_id: w.processId });
    await ok(db, w.resident, 'pb_my_ballot', { p_process_id: w.processId });
    await ok(db, anonymous, 'pb_proposal', { p_proposal_id: w.shortlist[0]!.id });
    expect(await chainHead(db)).toBe(before);
  });
});
