// The stand-in's auth.users is shaped as Supabase Auth's own (issue 12, item 6): no defaults the
// real table lacks, a case-sensitive unique email, and every user (seeded or made by the stand-in)
// with the token columns Auth reads as empty strings, never NULL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/database.ts';
import { createUser, openTestDatabase } from '../support/db.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const TOKEN_COLUMNS = ['confirmation_token', 'recovery_token', 'email_change_token_new', 'email_change'];

describe('auth.users as Supabase Auth leaves it', () => {
  it('has no default for the id, aud, role, token columns, metadata or timestamps', async () => {
    const rows = await db.query<{ column_name: string; column_default: string | null }>(
      `select column_name, column_default from information_schema.columns where table_schema = 'auth' and table_name = 'users'`,
    );
    const defaults = Object.fromEntries(rows.map((r) => [r.column_name, r.column_default]));
    for (const column of ['id', 'aud', 'role', ...TOKEN_COLUMNS, 'raw_app_meta_data', 'raw_user_meta_data', 'created_at', 'updated_at']) {
      expect(defaults[column], column).toBeNull();
    }
    await expect(db.query(`insert into auth.users (email) values ('no-id@example.org')`)).rejects.toMatchObject({ code: '23502' });
  });

  it('keeps emails unique case-sensitively, as the real users_email_partial_key does', async () => {
    const [index] = await db.query<{ def: string }>(`select pg_get_indexdef('auth.users_email_partial_key'::regclass) as def`);
    expect(index!.def).toMatch(/UNIQUE INDEX users_email_partial_key ON auth\.users USING btree \(email\) WHERE \(is_sso_user = false\)/);
    expect(await db.query(`select 1 from pg_indexes where schemaname = 'auth' and indexname = 'users_email_key'`)).toEqual([]);
  });

  it('the seed leaves no token column NULL', async () => {
    const [row] = await db.query<{ users: number; nulls: number }>(
      `select count(*)::int as users, count(*) filter (where ${TOKEN_COLUMNS.map((c) => `${c} is null`).join(' or ')})::int as nulls from auth.users`,
    );
    expect(row!.users).toBeGreaterThan(0);
    expect(row!.nulls).toBe(0);
  });

  it('a test user is made as Auth makes one: id, aud, role, lower-case email, empty tokens', async () => {
    const id = await createUser(db, 'New.Person@Example.org');
    const [user] = await db.query<Record<string, unknown>>(
      `select aud, role, email, ${TOKEN_COLUMNS.join(', ')}, created_at is not null as dated from auth.users where id = $1`,
      [id],
    );
    expect(user).toEqual({
      aud: 'authenticated',
      role: 'authenticated',
      email: 'new.person@example.org',
      confirmation_token: '',
      recovery_token: '',
      email_change_token_new: '',
      email_change: '',
      dated: true,
    });
  });
});
