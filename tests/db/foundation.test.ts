import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/database.ts';
import { anonymous, callAs, createUser, serviceRole, signedIn } from '../support/db.ts';
import { openTestDatabase } from '../support/db.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

describe('the platform bootstrap', () => {
  it('auth.uid(), auth.role() and auth.jwt() read request.jwt.claims as Supabase does', async () => {
    const rows = await db.transaction(async (tx) => {
      await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify({ sub: '00000000-0000-4000-8000-0000000000aa', role: 'authenticated', email: 'a@example.org' }),
      ]);
      return tx.query<{ uid: string; role: string; jwt: { email: string } }>(
        'select auth.uid() as uid, auth.role() as role, auth.jwt() as jwt',
      );
    });
    expect(rows[0]).toEqual({
      uid: '00000000-0000-4000-8000-0000000000aa',
      role: 'authenticated',
      jwt: expect.objectContaining({ email: 'a@example.org' }),
    });
  });

  it('auth.uid() is null when no claims are set', async () => {
    const rows = await db.query<{ uid: string | null }>('select auth.uid() as uid');
    expect(rows[0]?.uid).toBeNull();
  });

  it('records every migration the Supabase CLI way', async () => {
    const rows = await db.query<{ version: string; name: string }>(
      'select version, name from supabase_migrations.schema_migrations order by version',
    );
    expect(rows[0]).toEqual({ version: '20261124000000', name: 'foundation' });
  });
});

describe('api.whoami', () => {
  it('answers anonymous callers with the anon role', async () => {
    expect(await callAs(db, anonymous, 'whoami')).toEqual({ ok: true, status: 200, data: { role: 'anon', user_id: null, email: null } });
  });

  it('answers a signed-in user with their id and email', async () => {
    const id = await createUser(db, 'whoami-test@example.org');
    const result = await callAs(db, signedIn(id, 'whoami-test@example.org'), 'whoami');
    expect(result).toEqual({ ok: true, status: 200, data: { role: 'authenticated', user_id: id, email: 'whoami-test@example.org' } });
  });

  it('answers the service role', async () => {
    expect(await callAs(db, serviceRole, 'whoami')).toMatchObject({ ok: true, data: { role: 'service_role' } });
  });
});

describe('the private schema', () => {
  it('is closed to anon and authenticated', async () => {
    for (const role of ['anon', 'authenticated']) {
      const rows = await db.query<{ usable: boolean }>(`select has_schema_privilege($1, 'private', 'usage') as usable`, [role]);
      expect(rows[0]?.usable, role).toBe(false);
    }
  });

  it('api holds functions only: no tables or views', async () => {
    const rows = await db.query(`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'api'`);
    expect(rows).toEqual([]);
  });

  it('no api function is executable by PUBLIC', async () => {
    // grantee 0 in an ACL is PUBLIC; a function with no ACL yet has Postgres's default (PUBLIC may execute).
    const rows = await db.query<{ name: string }>(
      `select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'api'
         and exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a where a.grantee = 0)`,
    );
    expect(rows).toEqual([]);
  });
});

describe('private.caller and private.refuse: the shared pieces every function uses', () => {
  const callerAs = (claims: Record<string, unknown>) =>
    db.transaction(async (tx) => {
      await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
      return tx.query<{ id: string | null }>('select private.caller() as id');
    });
  const refusalOf = async (claims: Record<string, unknown>) => {
    try {
      await callerAs(claims);
      return null;
    } catch (error) {
      const e = error as { code?: string; detail?: string };
      return { code: e.code, detail: JSON.parse(e.detail ?? '{}') };
    }
  };

  it('gives the id of a signed-in person whose session is live', async () => {
    const id = await createUser(db, 'caller-live@example.org');
    const [session] = await db.query<{ id: string }>('insert into auth.sessions (user_id) values ($1) returning id', [id]);
    expect(await callerAs({ role: 'authenticated', sub: id, session_id: session!.id })).toEqual([{ id }]);
  });

  it('refuses with 401 and the key session_ended once the session has ended (signed out)', async () => {
    const id = await createUser(db, 'caller-ended@example.org');
    const [session] = await db.query<{ id: string }>('insert into auth.sessions (user_id) values ($1) returning id', [id]);
    await db.query('delete from auth.sessions where id = $1', [session!.id]);
    expect(await refusalOf({ role: 'authenticated', sub: id, session_id: session!.id })).toEqual({
      code: 'PT401',
      detail: { key: 'session_ended' },
    });
  });

  it("refuses a token without a session, with a malformed one, or with someone else's", async () => {
    const id = await createUser(db, 'caller-other@example.org');
    const other = await createUser(db, 'caller-other-2@example.org');
    const [session] = await db.query<{ id: string }>('insert into auth.sessions (user_id) values ($1) returning id', [other]);
    for (const sessionId of [undefined, 'nope', "'; drop table auth.sessions; --", session!.id]) {
      expect(await refusalOf({ role: 'authenticated', sub: id, session_id: sessionId })).toMatchObject({ code: 'PT401' });
    }
  });

  it('gives null for anonymous and service-role callers, who have no sub', async () => {
    expect(await callerAs({ role: 'anon' })).toEqual([{ id: null }]);
    expect(await callerAs({ role: 'service_role' })).toEqual([{ id: null }]);
  });

  it('refuse puts the key, the field and any facts in detail as JSON', async () => {
    const error = await db
      .query(`select private.refuse('PT409', 'over_budget', 'Too much.', 'proposal:1', null, '{"left": 5}'::jsonb)`)
      .then(
        () => null,
        (e: { code: string; message: string; detail: string }) => e,
      );
    expect(error).toMatchObject({ code: 'PT409', message: 'Too much.' });
    expect(JSON.parse(error!.detail)).toEqual({ key: 'over_budget', field: 'proposal:1', left: 5 });
  });
});
