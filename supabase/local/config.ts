// The stand-in takes its API choices from the same supabase/config.toml the Supabase CLI reads,
// so the exposed schemas cannot drift between `npm start` and a real project.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { z } from 'zod';

const ConfigSchema = z.object({
  api: z.object({ schemas: z.array(z.string().min(1)).min(1), max_rows: z.number().int().positive().optional() }),
});

export interface ProjectConfig {
  exposedSchemas: string[];
  /** PostgREST's max-rows: the most rows one response carries (none when unset). */
  maxRows?: number;
}

export async function readProjectConfig(supabaseDir: string): Promise<ProjectConfig> {
  const file = join(supabaseDir, 'config.toml');
  const parsed = ConfigSchema.safeParse(parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: [api] schemas must list at least one schema (${parsed.error.issues[0]?.message}).`);
  return { exposedSchemas: parsed.data.api.schemas, maxRows: parsed.data.api.max_rows };
}

const SeedSchema = z.object({
  db: z.object({ seed: z.object({ sql_paths: z.array(z.string().min(1)).optional() }).optional() }).optional(),
});

/**
 * The seed files, as [db.seed] sql_paths lists them, relative to supabase/ ("seed.sql",
 * "seeds/pb.sql"). Without a config.toml, or without the setting, seed.sql alone, as the CLI does.
 */
export async function readSeedPaths(supabaseDir: string): Promise<string[]> {
  const text = await readFile(join(supabaseDir, 'config.toml'), 'utf8').catch(() => undefined);
  const seed = text === undefined ? undefined : SeedSchema.safeParse(parse(text)).data?.db?.seed;
  const paths = seed?.sql_paths ?? ['./seed.sql'];
  return paths.map((p) => p.replace(/^\.\//, ''));
}
