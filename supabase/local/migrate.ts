// Brings a database up to date the way the Supabase CLI does: the platform bootstrap (as the
// connecting admin), then, as a non-superuser like Supabase's postgres, each
// file of supabase/migrations/ not yet recorded in supabase_migrations.schema_migrations, in
// name order, each in its own transaction; then, on a database that had none, the seed files that
// config.toml's [db.seed] sql_paths lists, in that order (seed.sql alone without a config.toml).
// A new database is marked "seed pending" before anything else, so a start that is stopped
// half way still seeds it on the next one.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './database.ts';
import { readSeedPaths } from './config.ts';
import { MigrationDriftError, migrationDrift, type MigrationFile } from './migration-drift.ts';

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
  /** Where the database is kept and how to start afresh, for the message when it has fallen
   *  behind the migrations (migration-drift.ts). */
  kept?: { where: string; afresh: string };
}

export async function listMigrations(supabaseDir: string): Promise<string[]> {
  const files = await readdir(join(supabaseDir, 'migrations'));
  return files.filter((f) => /^\d+_[\w-]+\.sql$/.test(f)).sort();
}

async function migrationFiles(supabaseDir: string): Promise<(MigrationFile & { sql: string })[]> {
  return Promise.all(
    (await listMigrations(supabaseDir)).map(async (file) => {
      const sql = await readFile(join(supabaseDir, 'migrations', file), 'utf8');
      const [version, ...rest] = file.replace(/\.sql$/, '').split('_');
      return { file, version: version!, name: rest.join('_'), hash: createHash('sha256').update(sql).digest('hex'), sql };
    }),
  );
}

export async function migrate(db: Database, options: MigrateOptions): Promise<MigrateResult> {
  const log = options.log ?? (() => undefined);
  await db.exec(await readFile(join(options.supabaseDir, 'local', 'bootstrap.sql'), 'utf8'));
  const recorded = await db.query<{ version: string; name: string | null; hash: string | null }>(
    `select m.version, m.name, h.hash from supabase_migrations.schema_migrations m
       left join stand_in.migration_hashes h on h.version = m.version`,
  );
  const done = new Set(recorded.map((r) => r.version));
  const fresh = done.size === 0;
  const files = await migrationFiles(options.supabaseDir);
  const drift = migrationDrift(recorded, files);
  if (drift.length > 0) throw new MigrationDriftError(drift, options.kept ?? { where: 'here', afresh: 'empty it' });
  const seedPaths = await readSeedPaths(options.supabaseDir);
  if (fresh && options.seed !== false) {
    for (const path of seedPaths) {
      await db.query(`insert into supabase_migrations.seed_files (path, hash) values ($1, '') on conflict do nothing`, [path]);
    }
  }
  const applied: string[] = [];
  for (const { file, version, name, hash, sql } of files) {
    if (done.has(version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(`set local role ${MIGRATION_ROLE}`);
      await tx.exec(sql);
      await tx.exec('reset role');
      await tx.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [version, name]);
      await tx.query('insert into stand_in.migration_hashes (version, hash) values ($1, $2)', [version, hash]);
    });
    applied.push(file);
    log(`applied migration ${file}`);
  }
  let seeded = false;
  const pending = new Set(
    (await db.query<{ path: string }>(`select path from supabase_migrations.seed_files where hash = ''`)).map((r) => r.path),
  );
  const seedFiles = seedPaths.filter((path) => pending.has(path));
  if (seedFiles.length > 0) {
    const seeds = await Promise.all(seedFiles.map((path) => readFile(join(options.supabaseDir, path), 'utf8').catch(() => '')));
    await db.transaction(async (tx) => {
      for (const [i, path] of seedFiles.entries()) {
        if (seeds[i]!.trim()) {
          await tx.exec(`set local role ${MIGRATION_ROLE}`);
          await tx.exec(seeds[i]!);
          await tx.exec('reset role');
        }
        const hash = createHash('sha256').update(seeds[i]!).digest('hex');
        await tx.query(`update supabase_migrations.seed_files set hash = $1 where path = $2`, [hash, path]);
      }
    });
    for (const [i, path] of seedFiles.entries()) {
      if (!seeds[i]!.trim()) continue;
      seeded = true;
      log(`loaded supabase/${path}`);
    }
  }
  return { fresh, applied, seeded };
}
