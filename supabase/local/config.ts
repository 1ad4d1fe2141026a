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
