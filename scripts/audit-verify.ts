// `npm run audit:verify`: checks the audit chain against every published, signed checkpoint.
// It reads the chain through the service-role-only api.audit_chain_export, re-links it here and
// checks each checkpoint's signature with the public key, trusting nothing the database says.
//   SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY  the project (default: the local stand-in, its key
//                                           made from DATA_DIR's secret)
//   AUDIT_CHECKPOINTS  a file or URL of the published JSON lines (default: <url>/audit/checkpoints)
//   AUDIT_PUBLIC_KEY   the public key, as JWK text or a file (default: KEYS_DIR's public key)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { verifyAgainstCheckpoints, type ExportedEvent } from '../src/lib/audit/verify-checkpoints.ts';
import type { SignedCheckpoint } from '../supabase/functions/_shared/audit-checkpoint.ts';
import { keysFromSecret } from '../supabase/local/keys.ts';
import { loadDotEnv } from './load-env.ts';
import { settings } from './settings.ts';

loadDotEnv();
const url = process.env.SUPABASE_URL ?? `http://localhost:${settings.apiPort}`;
const serviceKey =
  process.env.SUPABASE_SERVICE_ROLE_KEY ?? keysFromSecret(readFileSync(join(settings.dataDir, 'jwt-secret'), 'utf8').trim()).serviceRoleKey;
const source = process.env.AUDIT_CHECKPOINTS ?? `${url}/audit/checkpoints`;
const keyText = process.env.AUDIT_PUBLIC_KEY ?? join(settings.keysDir, 'audit-signing-key.public.jwk');

const read = async (where: string) =>
  /^https?:/.test(where)
    ? await fetch(where).then((r) => {
        if (!r.ok) throw new Error(`${where}: ${r.status}`);
        return r.text();
      })
    : readFileSync(where, 'utf8');
const checkpoints = (await read(source))
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as SignedCheckpoint);
const publicKey = JSON.parse(
  keyText.trim().startsWith('{') || !existsSync(keyText) ? keyText : readFileSync(keyText, 'utf8'),
) as JsonWebKey;

const db = createClient(url, serviceKey, { auth: { persistSession: false }, db: { schema: 'api' } });
const verdict = await verifyAgainstCheckpoints(
  async (after) => {
    const { data, error } = await db.rpc('audit_chain_export', { p_after_id: after, p_limit: 5000 });
    if (error) throw new Error(`Could not read the chain: ${error.message}`);
    return (data as { events: ExportedEvent[] }).events;
  },
  checkpoints,
  publicKey,
);

console.log(
  `${verdict.events} events, ${verdict.checkpoints} signed checkpoint${verdict.checkpoints === 1 ? '' : 's'} checked (from ${source}).`,
);
for (const p of verdict.problems) console.log(`  PROBLEM${p.event ? ` at event ${p.event}` : ''}: ${p.message}`);
console.log(verdict.intact ? 'Everything the checkpoints cover is as it was signed.' : 'The audit trail was changed after it was signed.');
if (verdict.notYetCovered) console.log(`Not yet covered: ${verdict.notYetCovered.message}`);
process.exit(verdict.intact ? 0 : 1);
