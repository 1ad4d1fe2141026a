// Tests start from a dump of a fully migrated and seeded database instead of initialising
// Postgres each time (4–5 s → under 1 s). The dump is keyed by a hash of every SQL file, so any
// change to the schema or seed makes a new one.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase } from '../../supabase/local/database.ts';
import { readSeedPaths } from '../../supabase/local/config.ts';
import { listMigrations, migrate } from '../../supabase/local/migrate.ts';

const SUPABASE_DIR = 'supabase';
const CACHE_DIR = join('node_modules', '.cache', 'working-together');

async function schemaHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = [
    join('local', 'bootstrap.sql'),
    ...(await listMigrations(SUPABASE_DIR)).map((f) => join('migrations', f)),
    ...(await readSeedPaths(SUPABASE_DIR)),
  ];
  for (const file of files) {
    hash.update(file);
    hash.update(await readFile(join(SUPABASE_DIR, file)).catch(() => Buffer.alloc(0)));
  }
  return hash.digest('hex').slice(0, 16);
}

export async function ensureSnapshot(): Promise<string> {
  const file = join(CACHE_DIR, `db-${await schemaHash()}.tgz`);
  const existing = await readFile(file).catch(() => undefined);
  if (existing) return file;
  const db = await openDatabase({});
  await migrate(db, { supabaseDir: SUPABASE_DIR });
  const dump = await db.dump();
  await db.close();
  await mkdir(CACHE_DIR, { recursive: true });
  const partial = `${file}.${process.pid}.part`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
  return file;
}

export async function loadSnapshot(): Promise<Blob> {
  return new Blob([await readFile(await ensureSnapshot())]);
}
