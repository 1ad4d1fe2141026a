// /rest/v1 through supabase-js and raw HTTP: the sample function as anon and signed in, and one
// test per error row of the foundation issue, each proving the status, PostgREST's JSON shape
// and that nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../../supabase/local/jwt.ts';
import { startTestStandIn, TEST_JWT_SECRET, type TestStandIn } from '../support/stand-in.ts';

let s: TestStandIn;

// Test-only objects in this file's own in-memory database: a table to watch for changes and
// functions that fail in each of the ways the API must report.
const FIXTURES = `
  create table private.test_notes (id int primary key, note text not null);
  create function api.test_add_note(p_id int, p_note text) returns int language sql volatile
    as $$ insert into private.test_notes (id, note) values (p_id, p_note) returning id $$;
  create function api.test_add_then_fail(p_id int) returns void language plpgsql volatile as $$
    begin
      insert into private.test_notes (id, note) values (p_id, 'should be rolled back');
      raise exception 'The note could not be saved: this test always refuses.' using hint = 'Nothing was saved.';
    end $$;
  create function api.test_service_only(p_id int) returns text language sql volatile
    as $$ insert into private.test_notes (id, note) values (p_id, 'service only'); select 'secret' $$;
  create function api.test_echo(p_value jsonb, p_ids int[] default null) returns jsonb language sql stable
    as $$ select jsonb_build_object('value', p_value, 'ids', to_jsonb(p_ids)) $$;
  create function api.test_count_notes() returns bigint language sql stable as $$ select count(*) from private.test_notes $$;
  revoke execute on all functions in schema api from public;
  grant execute on function api.test_add_note(int, text), api.test_add_then_fail(int), api.test_count_notes(), api.test_echo(jsonb, int[]) to anon, authenticated;
  grant execute on function api.test_service_only(int) to service_role;
  grant usage on schema private to anon, authenticated, service_role;
  grant select, insert on private.test_notes to anon, authenticated, service_role;
  grant execute on function api.whoami() to anon, authenticated, service_role;
`;

async function noteCount(): Promise<number> {
  const rows = await s.db.query<{ n: number }>('select count(*)::int as n from private.test_notes');
  return rows[0]!.n;
}

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${s.url}${path}`, {
    method: 'POST',
    headers: { apikey: s.keys.anonKey, 'Content-Type': 'application/json', ...headers },
    body,
  });
}

const postgrestShape = {
  code: expect.any(String),
  message: expect.any(String),
  details: expect.toSatisfy((v: unknown) => v === null || typeof v === 'string'),
  hint: expect.toSatisfy((v: unknown) => v === null || typeof v === 'string'),
};

beforeAll(async () => {
  s = await startTestStandIn();
  await s.db.exec(FIXTURES);
  await s.db.query(`insert into private.test_notes values (1, 'first')`);
});
afterAll(() => s.close());

describe('the sample function api.whoami over HTTP', () => {
  it('answers an anonymous visitor as anon', async () => {
    const { data, error, status } = await s.client().rpc('whoami');
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toEqual({ role: 'anon', user_id: null, email: null });
  });

  it('answers a signed-in user as that user', async () => {
    const client = s.client();
    const signIn = await client.auth.signInWithPassword({ email: 'resident@example.org', password: 'working-together-demo' });
    expect(signIn.error).toBeNull();
    const { data } = await client.rpc('whoami');
    expect(data).toEqual({ role: 'authenticated', user_id: signIn.data.user!.id, email: 'resident@example.org' });
  });

  it('can be called with GET because it is stable', async () => {
    const { data, error } = await s.client().rpc('whoami', {}, { get: true });
    expect(error).toBeNull();
    expect(data).toMatchObject({ role: 'anon' });
  });

  it('reads GET arguments as Postgres text, as PostgREST does: JSON and arrays included', async () => {
    const { data, error } = await s.client().rpc('test_echo', { p_value: '{"a":1}', p_ids: '{2,3}' }, { get: true });
    expect(error).toBeNull();
    expect(data).toEqual({ value: { a: 1 }, ids: [2, 3] });
  });

  it('sends JSON and array arguments from a POST body as values', async () => {
    const { data, error } = await s.client().rpc('test_echo', { p_value: { a: 1 }, p_ids: [2, 3] });
    expect(error).toBeNull();
    expect(data).toEqual({ value: { a: 1 }, ids: [2, 3] });
  });

  it('chooses the schema of a GET from Accept-Profile', async () => {
    const ok = await fetch(`${s.url}/rest/v1/rpc/whoami`, { headers: { apikey: s.keys.anonKey, 'Accept-Profile': 'api' } });
    expect(ok.status).toBe(200);
    const refused = await fetch(`${s.url}/rest/v1/rpc/uid`, { headers: { apikey: s.keys.anonKey, 'Accept-Profile': 'auth' } });
    expect(refused.status).toBe(406);
    expect(await refused.json()).toMatchObject({ code: 'PGRST106' });
  });

  it('passes named arguments and returns a scalar result', async () => {
    const { data, error } = await s.client().rpc('test_add_note', { p_id: 50, p_note: 'hello' });
    expect(error).toBeNull();
    expect(data).toBe(50);
    await s.db.query('delete from private.test_notes where id = 50');
  });
});

describe('errors: status, PostgREST shape, nothing changed', () => {
  it('bad JSON → 400 PGRST102', async () => {
    const before = await noteCount();
    const res = await post('/rest/v1/rpc/test_add_note', '{"p_id": 2, "p_note": ');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toEqual({ ...postgrestShape, code: 'PGRST102' });
    expect(await noteCount()).toBe(before);
  });

  it('a JSON array instead of an object → 400', async () => {
    const res = await post('/rest/v1/rpc/test_add_note', '[1, 2]');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'PGRST102' });
  });

  it('unknown function → 404 PGRST202', async () => {
    const before = await noteCount();
    const { error, status } = await s.client().rpc('no_such_function', { p_id: 3 });
    expect(status).toBe(404);
    expect(error).toEqual({ ...postgrestShape, code: 'PGRST202' });
    expect(error!.message).toContain('api.no_such_function(p_id)');
    expect(await noteCount()).toBe(before);
  });

  it('known function with the wrong argument names → 404', async () => {
    const { status, error } = await s.client().rpc('test_add_note', { p_wrong: 1 });
    expect(status).toBe(404);
    expect(error!.code).toBe('PGRST202');
  });

  it('missing grant as anon → 401 with code 42501, and nothing is written', async () => {
    const before = await noteCount();
    const { error, status } = await s.client().rpc('test_service_only', { p_id: 60 });
    expect(status).toBe(401);
    expect(error).toEqual({ ...postgrestShape, code: '42501' });
    expect(await noteCount()).toBe(before);
  });

  it('missing grant when signed in → 403 with code 42501, and nothing is written', async () => {
    const client = s.client();
    await client.auth.signInWithPassword({ email: 'resident@example.org', password: 'working-together-demo' });
    const before = await noteCount();
    const { error, status } = await client.rpc('test_service_only', { p_id: 61 });
    expect(status).toBe(403);
    expect(error).toEqual({ ...postgrestShape, code: '42501' });
    expect(await noteCount()).toBe(before);
  });

  it('the service role may call what it was granted', async () => {
    const before = await noteCount();
    const res = await post('/rest/v1/rpc/test_service_only', '{"p_id": 62}', {
      apikey: s.keys.serviceRoleKey,
      Authorization: `Bearer ${s.keys.serviceRoleKey}`,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toBe('secret');
    expect(await noteCount()).toBe(before + 1);
    await s.db.query('delete from private.test_notes where id = 62');
  });

  it('a broken %-escape in the function name → 404 PGRST202, not a server error', async () => {
    const before = await noteCount();
    const res = await post('/rest/v1/rpc/%E0%A4', '{}');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ...postgrestShape, code: 'PGRST202' });
    expect(await noteCount()).toBe(before);
  });

  it('raise exception → 400 P0001 with the message and hint, and the insert before it is rolled back', async () => {
    const before = await noteCount();
    const { error, status } = await s.client().rpc('test_add_then_fail', { p_id: 4 });
    expect(status).toBe(400);
    expect(error).toEqual({
      code: 'P0001',
      message: 'The note could not be saved: this test always refuses.',
      details: null,
      hint: 'Nothing was saved.',
    });
    expect(await noteCount()).toBe(before);
  });

  it('unique violation → 409 23505', async () => {
    const before = await noteCount();
    const { error, status } = await s.client().rpc('test_add_note', { p_id: 1, p_note: 'duplicate' });
    expect(status).toBe(409);
    expect(error).toEqual({ ...postgrestShape, code: '23505' });
    expect(await noteCount()).toBe(before);
  });

  it('a value of the wrong type → 400 22P02, not 500', async () => {
    const { error, status } = await s.client().rpc('test_add_note', { p_id: 'not a number', p_note: 'x' });
    expect(status).toBe(400);
    expect(error!.code).toBe('22P02');
  });

  it('expired JWT → 401 PGRST303', async () => {
    const before = await noteCount();
    const expired = signJwt(
      { role: 'authenticated', sub: '00000000-0000-4000-8000-000000000001', exp: Math.floor(Date.now() / 1000) - 60 },
      TEST_JWT_SECRET,
    );
    const res = await post('/rest/v1/rpc/test_add_note', JSON.stringify({ p_id: 5, p_note: 'late' }), {
      Authorization: `Bearer ${expired}`,
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ ...postgrestShape, code: 'PGRST303', message: 'JWT expired' });
    expect(await noteCount()).toBe(before);
  });

  it('forged JWT (signed with another secret) → 401 PGRST301', async () => {
    const before = await noteCount();
    const forged = signJwt({ role: 'service_role', exp: Math.floor(Date.now() / 1000) + 600 }, 'not-the-real-secret-not-the-real-secret');
    const res = await post('/rest/v1/rpc/test_add_note', JSON.stringify({ p_id: 6, p_note: 'forged' }), {
      Authorization: `Bearer ${forged}`,
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ ...postgrestShape, code: 'PGRST301' });
    expect(await noteCount()).toBe(before);
  });

  it('a token naming a role that is not an API role → 401', async () => {
    const sneaky = signJwt({ role: 'postgres', exp: Math.floor(Date.now() / 1000) + 600 }, TEST_JWT_SECRET);
    const res = await post('/rest/v1/rpc/whoami', '{}', { Authorization: `Bearer ${sneaky}` });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'PGRST301' });
  });

  it('body over 1 MB → 413', async () => {
    const before = await noteCount();
    const huge = JSON.stringify({ p_id: 7, p_note: 'x'.repeat(1024 * 1024) });
    const res = await post('/rest/v1/rpc/test_add_note', huge);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ...postgrestShape, code: 'PGRST413' });
    expect(await noteCount()).toBe(before);
  });

  it('body over 1 MB sent in chunks without a length → 413, and nothing written', async () => {
    const before = await noteCount();
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"p_id": 9, "p_note": "'));
        if (sent > 1024 * 1024 + 1) return controller.close();
        controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
    const res = await fetch(`${s.url}/rest/v1/rpc/test_add_note`, {
      method: 'POST',
      headers: { apikey: s.keys.anonKey, 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ...postgrestShape, code: 'PGRST413' });
    expect(await noteCount()).toBe(before);
  });

  it('table routes → 404: the API is functions only', async () => {
    const res = await fetch(`${s.url}/rest/v1/test_notes?select=*`, { headers: { apikey: s.keys.anonKey } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ...postgrestShape, code: 'PGRST205' });
  });

  it('GET on a volatile function → 405 and nothing written', async () => {
    const before = await noteCount();
    const res = await fetch(`${s.url}/rest/v1/rpc/test_add_note?p_id=8&p_note=get`, { headers: { apikey: s.keys.anonKey } });
    expect(res.status).toBe(405);
    expect(await res.json()).toEqual({ ...postgrestShape, code: '25006' });
    expect(await noteCount()).toBe(before);
  });

  it('a schema that is not exposed → 406 PGRST106', async () => {
    const res = await post('/rest/v1/rpc/uid', '{}', { 'Content-Profile': 'auth' });
    expect(res.status).toBe(406);
    expect(await res.json()).toEqual({ ...postgrestShape, code: 'PGRST106' });
  });

  it('no API key → 401', async () => {
    const res = await fetch(`${s.url}/rest/v1/rpc/whoami`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'No API key found in request' });
  });
});

describe('CORS', () => {
  it('answers a preflight from the site origin', async () => {
    const res = await fetch(`${s.url}/rest/v1/rpc/whoami`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:4321',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'apikey, authorization, content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:4321');
    expect(res.headers.get('access-control-allow-headers')).toContain('apikey');
  });

  it('lets the site read an actual answer, not just the preflight', async () => {
    const res = await fetch(`${s.url}/rest/v1/rpc/whoami`, {
      method: 'POST',
      headers: { apikey: s.keys.anonKey, Origin: 'http://localhost:4321', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:4321');
  });

  it('gives no CORS permission to another origin', async () => {
    const res = await fetch(`${s.url}/rest/v1/rpc/whoami`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
