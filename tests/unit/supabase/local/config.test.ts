// supabase/config.toml is what the Supabase CLI reads: it must parse, expose only `api`, and be
// what the stand-in follows.
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { readProjectConfig } from '../../../../supabase/local/config.ts';

describe('supabase/config.toml', () => {
  it('parses as TOML and exposes only the api schema', async () => {
    const config = parse(await readFile('supabase/config.toml', 'utf8')) as Record<string, Record<string, unknown>>;
    expect(config.api?.schemas).toEqual(['api']);
    expect(config.project_id).toBe('working-together');
    expect(config.db?.['seed']).toMatchObject({
      enabled: true,
      sql_paths: [
        './seed.sql',
        './seeds/pb.sql',
        './seeds/project-updates.sql',
        './seeds/grants-eligibility.sql',
        './seeds/grants-apply.sql',
        './seeds/festival.sql',
        './seeds/tree.sql',
      ],
    });
  });

  // The seed marks its session as the demo's history, which sends no email. A file that leaves
  // the mark on silences every email of the server that loaded it (npm start's shares that session).
  it('every seed file that marks its session as the seed clears the mark at its end', async () => {
    const config = parse(await readFile('supabase/config.toml', 'utf8')) as { db: { seed: { sql_paths: string[] } } };
    for (const path of config.db.seed.sql_paths) {
      const sql = await readFile(join('supabase', path), 'utf8');
      const marks = [...sql.matchAll(/set_config\('app\.acting_as', '([^']*)', false\)/g)].map((m) => m[1]);
      if (marks.length === 0) continue;
      expect({ path, last: marks.at(-1) }).toEqual({ path, last: '' });
    }
  });

  it('is where the stand-in takes its exposed schemas and max_rows from', async () => {
    expect(await readProjectConfig('supabase')).toEqual({ exposedSchemas: ['api'], maxRows: 1000 });
  });

  it('a config with no schemas is refused with a message naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wt-config-'));
    try {
      await writeFile(join(dir, 'config.toml'), '[api]\nschemas = []\n');
      await expect(readProjectConfig(dir)).rejects.toThrow(/config\.toml: \[api\] schemas must list at least one schema/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
