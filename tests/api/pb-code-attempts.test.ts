// Guessing voting codes over HTTP through the stand-in, as the vote screen calls it (supabase-js
// rpc, then api-call.ts's describeProblem): wrong codes answer 400 and are kept (the stand-in
// honours response.status as PostgREST does, committing the call), and after the limit the
// answer is 429 with the key too_many_code_attempts and retry_after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProblem } from '../../src/lib/api-call.ts';
import { type ApiClient } from '../../src/lib/supabase.ts';
import { startTestStandIn, type TestStandIn } from '../support/stand-in.ts';
import { addCodes, buildPbWorld, newResident, type PbWorld } from '../db/pb/world.ts';

let s: TestStandIn;
let w: PbWorld;
let perPerson: number;

async function signIn(email: string): Promise<ApiClient> {
  const client = s.client();
  expect((await client.auth.signInWithOtp({ email, options: { shouldCreateUser: false } })).error).toBeNull();
  const code = s.mailbox.messages.find((m) => m.to === email)?.code ?? ''; // newest first
  expect((await client.auth.verifyOtp({ email, token: code, type: 'email' })).error).toBeNull();
  return client;
}

beforeAll(async () => {
  s = await startTestStandIn();
  w = await buildPbWorld(s.db, { phase: 'voting' });
  perPerson = (await s.db.query<{ n: number }>('select per_person as n from private.pb_code_limits()'))[0]!.n;
});
afterAll(() => s?.close());

describe('voting codes over HTTP', () => {
  it('answers 400 for each wrong code, keeping it, then 429 too_many_code_attempts', async () => {
    const me = await newResident(s.db, 'guesser');
    const client = await signIn(me.email!);
    for (let i = 0; i < perPerson; i += 1) {
      const { status, error } = await client.rpc('pb_redeem_code', {
        p_process_id: w.processId,
        p_code: `WRNG-WRNG-ZZZ${'ABCDEFGHJK'[i % 10]}`,
      });
      expect(status).toBe(400);
      expect(describeProblem(status, error, 'form')).toMatchObject({ key: 'code_not_recognised', field: 'code' });
    }
    const [kept] = await s.db.query<{ n: string }>('select count(*) as n from private.pb_code_attempts where person_id = $1', [me.sub]);
    expect(Number(kept!.n)).toBe(perPerson);

    const [code] = await addCodes(s.db, w, 1);
    const { data, status, error } = await client.rpc('pb_redeem_code', { p_process_id: w.processId, p_code: code });
    expect(data).toBeNull();
    expect(status).toBe(429);
    const problem = describeProblem(status, error, 'form');
    expect(problem).toMatchObject({ ok: false, key: 'too_many_code_attempts', field: 'code', offline: false, signedOut: false });
    expect(problem.facts?.retry_after).toEqual(expect.any(Number));

    // Another resident's right code still goes through.
    const other = await newResident(s.db, 'honest');
    const honest = await signIn(other.email!);
    const done = await honest.rpc('pb_redeem_code', { p_process_id: w.processId, p_code: code });
    expect(done).toMatchObject({ status: 200, error: null, data: { eligible: true } });
  });

  it('sends a chosen status with the body as PostgREST does, and refuses one that is no status', async () => {
    await s.db.exec(`
      create function api.test_chosen_status(p_status text) returns jsonb language plpgsql volatile as
      $$ begin perform set_config('response.status', p_status, true);
         return jsonb_build_object('message', 'chosen', 'code', 'X1', 'details', null, 'hint', null); end $$;
      grant execute on function api.test_chosen_status(text) to anon;
      create function api.test_chosen_ok(p_status text) returns jsonb language plpgsql volatile as
      $$ begin perform set_config('response.status', p_status, true); return jsonb_build_object('made', true); end $$;
      grant execute on function api.test_chosen_ok(text) to anon;`);
    const anon = s.client();
    expect(await anon.rpc('test_chosen_status', { p_status: '418' })).toMatchObject({
      status: 418,
      data: null,
      error: { message: 'chosen', code: 'X1' },
    });
    expect(await anon.rpc('test_chosen_ok', { p_status: '201' })).toMatchObject({ status: 201, data: { made: true }, error: null });
    expect(await anon.rpc('test_chosen_ok', { p_status: 'teapot' })).toMatchObject({ status: 500, error: { code: 'PGRST112' } });
    // Set only for its own call: the next call is 200 again.
    expect(await anon.rpc('pb_process', { p_slug: w.slug })).toMatchObject({ status: 200 });
  });
});
