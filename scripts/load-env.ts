// Reads .env (if present) the way Astro will at build time, so start-up decides on the same
// settings the site is built with.
import { existsSync } from 'node:fs';

export function loadDotEnv(file = '.env') {
  if (existsSync(file)) process.loadEnvFile(file);
}

export function usesRealSupabase(): boolean {
  return Boolean(process.env.PUBLIC_SUPABASE_URL && process.env.PUBLIC_SUPABASE_ANON_KEY);
}
