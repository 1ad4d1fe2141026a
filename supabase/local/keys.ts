// The local JWT secret and the two API keys derived from it. The secret is made on first start
// and kept in the data folder (mode 600), so tokens survive a restart and differ per machine.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signJwt } from './jwt.ts';

export interface ApiKeys {
  jwtSecret: string;
  anonKey: string;
  serviceRoleKey: string;
}

// Fixed dates keep the keys identical across restarts, so a site built earlier keeps working.
const ISSUED_AT = 1_767_225_600; // 2026-01-01
const EXPIRES_AT = 4_102_444_800; // 2100-01-01

export function keysFromSecret(jwtSecret: string): ApiKeys {
  const key = (role: string) => signJwt({ iss: 'supabase-local', ref: 'local', role, iat: ISSUED_AT, exp: EXPIRES_AT }, jwtSecret);
  return { jwtSecret, anonKey: key('anon'), serviceRoleKey: key('service_role') };
}

export async function loadOrCreateKeys(dataDir: string): Promise<ApiKeys> {
  const file = join(dataDir, 'jwt-secret');
  let secret = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (secret.length < 32) {
    secret = randomBytes(32).toString('hex');
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
  }
  return keysFromSecret(secret);
}
