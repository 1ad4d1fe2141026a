// "Cabinet agreed the recommendations as they stand": one date and one minute reference decide
// every application not yet decided as the panel recommended; a decision recorded before (an
// exception) is left alone, and the exceptions are then changed one by one. Refused (and nothing
// written) to anyone but an officer, before the review stage, and without the date or minute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';
import { chainHead, eventsSince, ok, seeded } from './support.ts';
import { refusedWith } from '../../support/calls.ts';
import { buildWorld, type World } from './world.ts';

let db: Database;
let w: World;
const officer = seeded('officer');
const agreed = (extra: Record<string, unknown> = {}) => ({
  p_round_id: w.roundId,
  p_decided_on: '2027-01-12',
  p_minute_reference: 'CAB/2027/14',
  ...extra,
});
const decisions = () =>
  db.query<{ application_id: string; decision: string; amount: string | null; conditions: string | null; minute_reference: string }>(
    'select application_id, decision, amount::text, conditions, minute_reference from private.cabinet_decisions where round_id = $1',
    [w.roundId],
  );

beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db, 'panel');
  // The panel recommends: the first with conditions, the second an award, the rest not.
  for (const [i, app] of w.apps.entries()) {
    const outcome = i === 0 ? 'award_with_conditions' : i === 1 ? 'award' : 'not_award';
    await ok(db, officer, 'record_recommendation', {
      p_application_id: app,
      p_outcome: outcome,
      p_amount: outcome === 'not_award' ? null : 400 + i,
      p_conditions: outcome === 'award_with_conditions' ? 'Report back in six months.' : null,
      p_reasons: 'As discussed.',
      p_how_agreed: 'consensus',
    });
  }
});
afterAll(() => db.close());

describe('api.record_cabinet_agreed', () => {
  it('is refused at the panel day, before the recommendations go for review', async () => {
    await refusedWith(db, officer, 'record_cabinet_agreed', agreed(), 409, { key: 'cabinet_decisions_not_now' });
  });

  it('is refused to the chair, the clerk and scrutiny, as every Cabinet decision is', async () => {
    await ok(db, officer, 'move_round', { p_round_id: w.roundId, p_to: 'recommended' });
    for (const who of [w.actors.chair, w.actors.clerk, w.actors.scrutiny]) {
      await refusedWith(db, who, 'record_cabinet_agreed', agreed(), 403, { key: 'not_officer' });
    }
  });

  it('needs the date and the minute reference, each refusal naming its field', async () => {
    const noDate = await refusedWith(db, officer, 'record_cabinet_agreed', agreed({ p_decided_on: null }), 400, { key: 'required' });
    expect(noDate.refusal.field).toBe('date');
    const noMinute = await refusedWith(db, officer, 'record_cabinet_agreed', agreed({ p_minute_reference: '  ' }), 400);
    expect(noMinute.refusal.field).toBe('minute');
    expect(await decisions()).toEqual([]);
  });

  it('decides every undecided application as recommended, keeping an exception already recorded, audited', async () => {
    // Cabinet changed the second application: recorded one by one first.
    await ok(db, officer, 'record_cabinet_decision', {
      p_application_id: w.apps[1],
      p_decision: 'not_award',
      p_decided_on: '2027-01-12',
      p_minute_reference: 'CAB/2027/15',
    });
    const before = await chainHead(db);
    const answer = await ok(db, officer, 'record_cabinet_agreed', agreed());
    expect(answer).toEqual({ round_id: w.roundId, recorded: 5 });
    const byApp = new Map((await decisions()).map((d) => [d.application_id, d]));
    expect(byApp.get(w.apps[0]!)).toMatchObject({
      decision: 'award',
      amount: '400.00',
      conditions: 'Report back in six months.',
      minute_reference: 'CAB/2027/14',
    });
    expect(byApp.get(w.apps[1]!)).toMatchObject({ decision: 'not_award', amount: null, minute_reference: 'CAB/2027/15' });
    for (const app of w.apps.slice(2)) expect(byApp.get(app)).toMatchObject({ decision: 'not_award', amount: null });
    const written = (await eventsSince(db, before)).filter((e) => e.table_name === 'cabinet_decisions');
    expect(written).toHaveLength(5);
    expect(written.every((e) => e.actor === officer.sub && e.actor_role === 'officer')).toBe(true);
  });

  it('then changes an exception one by one, and a second press decides nothing more', async () => {
    await ok(db, officer, 'record_cabinet_decision', {
      p_application_id: w.apps[2],
      p_decision: 'award',
      p_amount: 250,
      p_decided_on: '2027-01-12',
      p_minute_reference: 'CAB/2027/14',
    });
    expect(await ok(db, officer, 'record_cabinet_agreed', agreed())).toEqual({ round_id: w.roundId, recorded: 0 });
    const changed = (await decisions()).find((d) => d.application_id === w.apps[2]);
    expect(changed).toMatchObject({ decision: 'award', amount: '250.00' });
  });
});
