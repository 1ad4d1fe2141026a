// Brings a database up to date the way the Supabase CLI does: the platform bootstrap (as the
// connecting admin), then, as a non-superuser like Supabase's postgres, each
// file of supabase/migrations/ not yet recorded in supabase_migrations.schema_migrations, in
// name order, each in its own transaction; then, on a database that had none, supabase/seed.sql.
// A new database is marked "seed pending" before anything else, so a start that is stopped
// half way still seeds it on the next one.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './database.ts';

/** The non-superuser role migrations and the seed run as, like `postgres` on Supabase (made by
 * bootstrap.sql, which itself runs as the connecting admin). */
export const MIGRATION_ROLE = 'project_owner';

export interface MigrateResult {
  fresh: boolean;
  applied: string[];
  seeded: boolean;
}

export interface MigrateOptions {
  /** The supabase/ folder. */
  supabaseDir: string;
  seed?: boolean;
  log?: (line: string) => void;
}

export async function listMigrations(supabaseDir: string): Promise<string[]> {
  const files = await readdir(join(supabaseDir, 'migrations'));
  return files.filter((f) => /^\d+_[\w-]+\.sql$/.test(f)).sort();
}

export async function migrate(db: Database, options: MigrateOptions): Promise<MigrateResult> {
  const log = options.log ?? (() => undefined);
  await db.exec(await readFile(join(options.supabaseDir, 'local', 'bootstrap.sql'), 'utf8'));
  const done = new Set(
    (await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).map(
      (r) => r.version,
    ),
  );
  const fresh = done.size === 0;
  if (fresh && options.seed !== false) {
    await db.query(`insert into supabase_migrations.seed_files (path, hash) values ('seed.sql', '') on conflict do nothing`);
  }
  const applied: string[] = [];
  for (const file of await listMigrations(options.supabaseDir)) {
    const [version, ...rest] = file.replace(/\.sql$/, '').split('_');
    if (!version || done.has(version)) continue;
    const sql = await readFile(join(options.supabaseDir, 'migrations', file), 'utf8');
    await db.transaction(async (tx) => {
      await tx.exec(`set local role ${MIGRATION_ROLE}`);
      await tx.exec(sql);
      await tx.exec('reset role');
      await tx.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [
        version,
        rest.join('_'),
      ]);
    });
    applied.push(file);
    log(`applied migration ${file}`);
  }
  let seeded = false;
  const [pending] = await db.query<{ pending: boolean }>(`select exists (select 1 from supabase_migrations.seed_files where path = 'seed.sql' and hash = '') as pending`);
  if (pending?.pending) {
    const seed = await readFile(join(options.supabaseDir, 'seed.sql'), 'utf8').catch(() => '');
    await db.transaction(async (tx) => {
      if (seed.trim()) {
        await tx.exec(`set local role ${MIGRATION_ROLE}`);
        await tx.exec(seed);
        await tx.exec('reset role');
      }
      const hash = createHash('sha256').update(seed).digest('hex');
      await tx.query(`update supabase_migrations.seed_files set hash = $1 where path = 'seed.sql'`, [hash]);
    });
    seeded = seed.trim() !== '';
    if (seeded) log('loaded supabase/seed.sql');
  }
  return { fresh, applied, seeded };
}
