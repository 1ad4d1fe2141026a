// The DATABASE_URL path: the same stand-in on a real PostgreSQL server instead of PGlite.
// .ci/run starts Debian's PostgreSQL and sets TEST_DATABASE_URL; without one these tests do not run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/lib/supabase.ts';
import type { StandIn } from '../../supabase/local/server.ts';
import { startServerStandIn } from '../support/stand-in.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
let standIn: StandIn;

describe.runIf(serverUrl)('the stand-in on a real PostgreSQL server (DATABASE_URL)', () => {
  beforeAll(async () => {
    standIn = await startServerStandIn(serverUrl!, 'wt_test');
  });

  afterAll(() => standIn?.close());

  it('applies the migrations and the seed to a new database', () => {
    expect(standIn.migration.fresh).toBe(true);
    expect(standIn.migration.seeded).toBe(true);
  });

  it('signs in a demo account and calls api.whoami as that user', async () => {
    const client = createApiClient(standIn.url, standIn.keys.anonKey, { persistSession: false, autoRefreshToken: false });
    expect((await client.rpc('whoami')).data).toMatchObject({ role: 'anon' });
    const { error } = await client.auth.signInWithPassword({ email: 'resident@example.org', password: 'working-together-demo' });
    expect(error).toBeNull();
    expect((await client.rpc('whoami')).data).toMatchObject({ role: 'authenticated', email: 'resident@example.org' });
  });

  it("enforces anon's 3 s statement timeout, as Supabase does: a longer call is cancelled (57014, 500 as PostgREST gives)", async () => {
    await standIn.db
      .exec(`create function api.pg_test_sleep(p_seconds float) returns int language sql stable as 'select 1 from pg_sleep(p_seconds)';
      grant execute on function api.pg_test_sleep(float) to anon;`);
    const client = createApiClient(standIn.url, standIn.keys.anonKey, { persistSession: false });
    expect((await client.rpc('pg_test_sleep', { p_seconds: 0.1 })).status).toBe(200);
    const { status, error } = await client.rpc('pg_test_sleep', { p_seconds: 3.5 });
    expect(error?.code).toBe('57014');
    expect(status).toBe(500);
  });

  it('maps errors as on PGlite: unknown function 404, missing grant 401', async () => {
    const client = createApiClient(standIn.url, standIn.keys.anonKey, { persistSession: false });
    expect((await client.rpc('no_such_function')).status).toBe(404);
    await standIn.db.exec(
      `create function api.pg_test_closed() returns int language sql as 'select 1'; revoke execute on function api.pg_test_closed() from public;`,
    );
    const { status, error } = await client.rpc('pg_test_closed');
    expect(status).toBe(401);
    expect(error?.code).toBe('42501');
  });
});
