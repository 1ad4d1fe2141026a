// Where the app could notice, the stand-in behaves as Supabase's PostgREST does (issue 12,
// item 6): read-only POSTs to STABLE and IMMUTABLE functions, each role's statement timeout,
// and max_rows on set-returning functions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStandIn, type TestStandIn } from '../support/stand-in.ts';

let s: TestStandIn;

const FIXTURES = `
  create table private.test_writes (id serial primary key, note text);
  create function private.test_write(p_note text) returns int language sql volatile
    as $$ insert into private.test_writes (note) values (p_note) returning id $$;
  -- Postgres refuses an INSERT written in a STABLE function itself (0A000) everywhere; one made
  -- by a volatile function it calls is what only a read-only transaction stops.
  create function api.test_stable_writes() returns int language plpgsql stable
    as $$ begin return private.test_write('stable'); end $$;
  create function api.test_immutable_writes() returns int language plpgsql immutable
    as $$ begin return private.test_write('immutable'); end $$;
  create function api.test_volatile_writes() returns int language sql volatile
    as $$ insert into private.test_writes (note) values ('volatile') returning id $$;
  create function api.test_timeout() returns text language sql stable as $$ select current_setting('statement_timeout') $$;
  create function api.test_series(p_n int) returns setof int language sql stable as $$ select generate_series(1, p_n) $$;
  create function api.test_rows(p_n int) returns table (n int, label text) language sql stable
    as $$ select i, 'row ' || i from generate_series(1, p_n) i $$;
  grant usage on schema private to anon, authenticated, service_role;
  grant select, insert on private.test_writes to anon, authenticated, service_role;
  grant usage on sequence private.test_writes_id_seq to anon, authenticated, service_role;
  grant execute on function private.test_write(text) to anon, authenticated, service_role;
  grant execute on function api.test_stable_writes(), api.test_immutable_writes(), api.test_volatile_writes(), api.test_timeout(),
    api.test_series(int), api.test_rows(int) to anon, authenticated, service_role;
`;

async function writes(): Promise<number> {
  const [row] = await s.db.query<{ n: number }>('select count(*)::int as n from private.test_writes');
  return row!.n;
}

beforeAll(async () => {
  s = await startTestStandIn();
  await s.db.exec(FIXTURES);
});
afterAll(() => s?.close());

describe('a POST to a STABLE or IMMUTABLE function runs read-only, as PostgREST runs it', () => {
  for (const name of ['test_stable_writes', 'test_immutable_writes']) {
    it(`${name} cannot write: 405 25006, nothing written`, async () => {
      const before = await writes();
      const { status, error } = await s.client().rpc(name);
      expect(status).toBe(405);
      expect(error!.code).toBe('25006');
      expect(await writes()).toBe(before);
    });
  }

  it('a VOLATILE function still writes by POST', async () => {
    const before = await writes();
    const { status } = await s.client().rpc('test_volatile_writes');
    expect(status).toBe(200);
    expect(await writes()).toBe(before + 1);
  });
});

describe("each role's statement timeout, as Supabase sets them", () => {
  it('anon 3 s', async () => {
    expect((await s.client().rpc('test_timeout')).data).toBe('3s');
  });

  it('authenticated 8 s', async () => {
    const client = s.client();
    await client.auth.signInWithPassword({ email: 'resident@example.org', password: 'working-together-demo' });
    expect((await client.rpc('test_timeout')).data).toBe('8s');
  });

  it("service_role gets authenticator's 8 s", async () => {
    const res = await fetch(`${s.url}/rest/v1/rpc/test_timeout`, {
      method: 'POST',
      headers: { apikey: s.keys.serviceRoleKey, Authorization: `Bearer ${s.keys.serviceRoleKey}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(await res.json()).toBe('8s');
  });
});

describe('max_rows = 1000 (supabase/config.toml) applies to set-returning functions', () => {
  it('a set of 1,500 values comes back as the first 1,000', async () => {
    const { data, error } = await s.client().rpc('test_series', { p_n: 1500 });
    expect(error).toBeNull();
    expect(data).toHaveLength(1000);
    expect((data as number[])[0]).toBe(1);
    expect((data as number[])[999]).toBe(1000);
  });

  it('rows of a returns-table function are limited the same way, and keep their shape', async () => {
    const { data } = await s.client().rpc('test_rows', { p_n: 1200 }, { get: true });
    expect(data).toHaveLength(1000);
    expect((data as unknown[])[0]).toEqual({ n: 1, label: 'row 1' });
  });

  it('a smaller set is untouched', async () => {
    expect((await s.client().rpc('test_series', { p_n: 3 })).data).toEqual([1, 2, 3]);
  });
});

describe('users the stand-in signs up are written as Supabase Auth writes them', () => {
  it('an email-code sign-up and an admin-created user have empty token strings, aud, role and a lower-case email', async () => {
    expect((await s.client().auth.signInWithOtp({ email: 'Code.Signup@Example.org' })).error).toBeNull();
    const res = await fetch(`${s.url}/auth/v1/admin/users`, {
      method: 'POST',
      headers: { apikey: s.keys.serviceRoleKey, Authorization: `Bearer ${s.keys.serviceRoleKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin.made@example.org', password: 'long-enough-password', email_confirm: true }),
    });
    expect(res.status).toBe(200);
    const rows = await s.db.query(
      `select email, aud, role, confirmation_token, recovery_token, email_change_token_new, email_change
       from auth.users where email in ('code.signup@example.org', 'admin.made@example.org') order by email`,
    );
    const tokens = {
      aud: 'authenticated',
      role: 'authenticated',
      confirmation_token: '',
      recovery_token: '',
      email_change_token_new: '',
      email_change: '',
    };
    expect(rows).toEqual([
      { email: 'admin.made@example.org', ...tokens },
      { email: 'code.signup@example.org', ...tokens },
    ]);
  });
});
