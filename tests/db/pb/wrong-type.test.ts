// An argument of the wrong type is refused by PostgreSQL before any function runs: a 400 that
// src/lib/api-call.ts turns into the key wrong_type with plain words, and nothing is written.
// A well-typed call of the same function is the permission beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { describeProblem } from '../../../src/lib/api-call.ts';
import { anonymous, callAs, openTestDatabase } from '../../support/db.ts';
import { buildPbWorld, makeEligible, newResident, type PbWorld } from './world.ts';

let db: Database;
let w: PbWorld;

beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildPbWorld(db, { phase: 'voting' });
});
afterAll(() => db.close());

const events = async () => Number((await db.query<{ n: string }>('select count(*) as n from private.audit_events'))[0]!.n);

describe('arguments of the wrong type', () => {
  it('are a 400 with the key wrong_type, writing nothing; the same call well typed is answered', async () => {
    const me = await newResident(db);
    await makeEligible(db, w, me.sub);
    const before = await events();
    const wrong: Array<[string, Record<string, unknown>]> = [
      ['pb_cast_ballot', { p_process_id: 'not-a-uuid', p_proposal_ids: [w.shortlist[0]!.id] }],
      ['pb_cast_ballot', { p_process_id: w.processId, p_proposal_ids: ['nope'] }],
      ['pb_my_status', { p_process_id: 12 }],
    ];
    for (const [fn, args] of wrong) {
      const r = await callAs(db, me, fn, args);
      expect(r, fn).toMatchObject({ ok: false, status: 400 });
      if (r.ok) continue;
      const problem = describeProblem(r.status, { code: r.code, message: r.message, details: r.details, hint: r.hint });
      expect(problem.key, `${fn} ${JSON.stringify(args)}`).toBe('wrong_type');
      expect(problem.message).not.toMatch(/syntax|uuid/i);
    }
    expect(await events()).toBe(before);
    const right = await callAs(db, me, 'pb_cast_ballot', { p_process_id: w.processId, p_proposal_ids: [w.shortlist[0]!.id] });
    expect(right).toMatchObject({ ok: true, status: 200 });
    expect((await callAs(db, anonymous, 'pb_my_status', { p_process_id: 'x' })).status).toBe(400);
  });
});
