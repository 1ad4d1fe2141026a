// Bringing a database up to date as the Supabase CLI does: each migration once, recorded; the
// seed only on a new database, and still on the next start if the first one stopped before it.
import { mkdtemp, mkdir, copyFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../supabase/local/database.ts';
import { migrate } from '../../supabase/local/migrate.ts';

let dir: string;
let db: Database;

async function writeProject(seed: string) {
  await writeFile(join(dir, 'seed.sql'), seed);
}

const count = async (sql: string) => (await db.query<{ n: number }>(sql))[0]!.n;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wt-migrate-'));
  await mkdir(join(dir, 'local'));
  await mkdir(join(dir, 'migrations'));
  await copyFile('supabase/local/bootstrap.sql', join(dir, 'local', 'bootstrap.sql'));
  await writeFile(join(dir, 'migrations', '20260101000000_first.sql'), 'create table public.things (id int primary key, name text);');
  await writeFile(join(dir, 'migrations', '20260102000000_second.sql'), 'alter table public.things add column colour text;');
  db = await openDatabase({});
});
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('migrate', () => {
  it('a new database gets every migration and then the seed', async () => {
    // Checked on a second database so the first can show the interrupted start below.
    const other = await openDatabase({});
    await writeProject(`insert into public.things (id, name, colour) values (9, 'nine', 'green');`);
    expect(await migrate(other, { supabaseDir: dir })).toEqual({
      fresh: true,
      applied: ['20260101000000_first.sql', '20260102000000_second.sql'],
      seeded: true,
    });
    expect(await other.query('select name from public.things')).toEqual([{ name: 'nine' }]);
    await other.close();
  });

  it('a start that fails while seeding leaves the seed pending, and the next start seeds', async () => {
    await writeProject(`insert into public.things (id, name) values (1, 'one'); select 1/0;`);
    await expect(migrate(db, { supabaseDir: dir })).rejects.toThrow(/division by zero/);
    expect(await count('select count(*)::int as n from public.things')).toBe(0);

    await writeProject(`insert into public.things (id, name, colour) values (1, 'one', 'red'), (2, 'two', 'blue');`);
    const second = await migrate(db, { supabaseDir: dir });
    expect(second).toEqual({ fresh: false, applied: [], seeded: true });
    expect(await count('select count(*)::int as n from public.things')).toBe(2);
  });

  it('recorded every migration once, under its version and name', async () => {
    const rows = await db.query('select version, name from supabase_migrations.schema_migrations order by version');
    expect(rows).toEqual([
      { version: '20260101000000', name: 'first' },
      { version: '20260102000000', name: 'second' },
    ]);
  });

  it('a restart applies nothing and does not seed again', async () => {
    const again = await migrate(db, { supabaseDir: dir });
    expect(again).toEqual({ fresh: false, applied: [], seeded: false });
    expect(await count('select count(*)::int as n from public.things')).toBe(2);
  });

  it('a new migration file is the only one applied on the next start', async () => {
    await writeFile(join(dir, 'migrations', '20260103000000_third.sql'), 'create table public.more_things (id int);');
    const next = await migrate(db, { supabaseDir: dir });
    expect(next).toEqual({ fresh: false, applied: ['20260103000000_third.sql'], seeded: false });
    expect(await count('select count(*)::int as n from public.things')).toBe(2);
  });

  it('loads every seed file config.toml lists, in order, and keeps them all pending until all are loaded', async () => {
    const other = await openDatabase({});
    await mkdir(join(dir, 'seeds'), { recursive: true });
    await writeFile(join(dir, 'config.toml'), '[db.seed]\nenabled = true\nsql_paths = ["./seed.sql", "./seeds/more.sql"]\n');
    await writeProject(`insert into public.things (id, name) values (1, 'one');`);
    await writeFile(join(dir, 'seeds', 'more.sql'), `update public.things set colour = 'after seed.sql'; select 1/0;`);
    try {
      await expect(migrate(other, { supabaseDir: dir })).rejects.toThrow(/division by zero/);
      expect(await other.query("select path from supabase_migrations.seed_files where hash = '' order by path")).toEqual([
        { path: 'seed.sql' },
        { path: 'seeds/more.sql' },
      ]);
      await writeFile(join(dir, 'seeds', 'more.sql'), `update public.things set colour = 'after seed.sql';`);
      const lines: string[] = [];
      expect(await migrate(other, { supabaseDir: dir, log: (l) => lines.push(l) })).toEqual({ fresh: false, applied: [], seeded: true });
      expect(lines).toEqual(['loaded supabase/seed.sql', 'loaded supabase/seeds/more.sql']);
      expect(await other.query('select name, colour from public.things')).toEqual([{ name: 'one', colour: 'after seed.sql' }]);
    } finally {
      await rm(join(dir, 'config.toml'));
      await other.close();
    }
  });
});

describe('migrations run as a non-superuser, as on Supabase', () => {
  it('a migration that needs a superuser fails, and is not recorded', async () => {
    await writeFile(join(dir, 'migrations', '20260104000000_needs_superuser.sql'), 'create role test_almighty superuser;');
    await expect(migrate(db, { supabaseDir: dir })).rejects.toMatchObject({ code: '42501' });
    expect(await count(`select count(*)::int as n from supabase_migrations.schema_migrations where version = '20260104000000'`)).toBe(0);
    expect(await count(`select count(*)::int as n from pg_roles where rolname = 'test_almighty'`)).toBe(0);
    await rm(join(dir, 'migrations', '20260104000000_needs_superuser.sql'));
  });

  it('what the migrations and the seed make belongs to that role, which is no superuser', async () => {
    const [owner] = await db.query<{ owner: string; superuser: boolean }>(
      `select pg_get_userbyid(c.relowner) as owner, r.rolsuper as superuser
       from pg_class c join pg_roles r on r.oid = c.relowner where c.oid = 'public.things'::regclass`,
    );
    expect(owner).toEqual({ owner: 'project_owner', superuser: false });
  });
});

// Until v1.0 migrations are edited in place (DESIGN.md), so a database kept in .data/ can fall
// behind them; the start then says what changed and what to do, and changes nothing.
describe('a kept database that has fallen behind the migrations', () => {
  let project: string;
  let kept: Database;
  const KEPT = { where: 'in .data', afresh: 'delete .data' };
  const file = (name: string) => join(project, 'migrations', name);
  const tables = async () =>
    (await kept.query<{ t: string }>(`select tablename as t from pg_tables where schemaname = 'public' order by 1`)).map((r) => r.t);

  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), 'wt-drift-'));
    await mkdir(join(project, 'local'));
    await mkdir(join(project, 'migrations'));
    await copyFile('supabase/local/bootstrap.sql', join(project, 'local', 'bootstrap.sql'));
    await writeFile(file('20260101000000_first.sql'), 'create table public.a (id int);');
    await writeFile(file('20260103000000_third.sql'), 'create table public.c (id int);');
    kept = await openDatabase({});
    await migrate(kept, { supabaseDir: project, kept: KEPT });
  });
  afterAll(async () => {
    await kept.close();
    await rm(project, { recursive: true, force: true });
  });

  it('records the hash of each file it applies, and a start with the same files goes ahead', async () => {
    expect(await kept.query('select version from stand_in.migration_hashes order by 1')).toEqual([
      { version: '20260101000000' },
      { version: '20260103000000' },
    ]);
    expect(await migrate(kept, { supabaseDir: project, kept: KEPT })).toEqual({ fresh: false, applied: [], seeded: false });
  });

  it('a later new file is applied as ever', async () => {
    await writeFile(file('20260104000000_fourth.sql'), 'create table public.d (id int);');
    expect((await migrate(kept, { supabaseDir: project, kept: KEPT })).applied).toEqual(['20260104000000_fourth.sql']);
  });

  it('refuses to start, naming the file, when an applied file was edited in place', async () => {
    await writeFile(file('20260101000000_first.sql'), 'create table public.a (id int, name text);');
    const start = migrate(kept, { supabaseDir: project, kept: KEPT });
    await expect(start).rejects.toMatchObject({
      name: 'MigrationDriftError',
      drift: ['20260101000000_first.sql has changed since it was applied'],
    });
    await expect(migrate(kept, { supabaseDir: project, kept: KEPT })).rejects.toThrow(/To carry on, delete \.data and start again/);
    await writeFile(file('20260101000000_first.sql'), 'create table public.a (id int);');
  });

  it('refuses, changing nothing, when a file was split: renamed, and a new one before the last applied', async () => {
    await rm(file('20260103000000_third.sql'));
    await writeFile(file('20260103000000_third_tables.sql'), 'create table public.c (id int);');
    await writeFile(file('20260102000000_second.sql'), 'create table public.b (id int);');
    await expect(migrate(kept, { supabaseDir: project, kept: KEPT })).rejects.toMatchObject({
      drift: [
        '20260103000000_third.sql is now 20260103000000_third_tables.sql',
        '20260102000000_second.sql is new but comes before migrations already applied',
      ],
    });
    expect(await tables()).toEqual(['a', 'c', 'd']);
  });

  it('refuses when an applied file is gone', async () => {
    await rm(file('20260102000000_second.sql'));
    await rm(file('20260103000000_third_tables.sql'));
    await expect(migrate(kept, { supabaseDir: project, kept: KEPT })).rejects.toMatchObject({
      drift: ['20260103000000_third.sql was applied but is no longer in supabase/migrations/'],
    });
  });

  it('a new database built from the same files is fine', async () => {
    const fresh = await openDatabase({});
    try {
      expect((await migrate(fresh, { supabaseDir: project, kept: KEPT })).applied).toEqual([
        '20260101000000_first.sql',
        '20260104000000_fourth.sql',
      ]);
    } finally {
      await fresh.close();
    }
  });
});
