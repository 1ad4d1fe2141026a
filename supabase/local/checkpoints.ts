// The stand-in's audit checkpoint signer, doing locally what the Edge Function audit-checkpoint
// does in production. Its key lives in KEYS_DIR (default .keys/), never in the data folder: a
// copy of .data/ (a backup, a database handed to someone) must not carry the power to sign. Each
// checkpoint is stored in the database, appended to a JSON lines file beside the key (served at
// /audit/checkpoints); storing it queues an email to the scrutiny committee in the notifications
// outbox (a trigger in 20261204000400_notifications.sql), delivered as every notification is.
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSigningKey, publicJwk, signCheckpoint, type Heads, type SignedCheckpoint } from '../functions/_shared/audit-checkpoint.ts';
import type { ServerResponse } from 'node:http';
import type { Database } from './database.ts';
import { invokeRpc } from './rest.ts';

export const CHECKPOINTS_FILE = 'audit-checkpoints.jsonl';
const KEY_FILE = 'audit-signing-key.jwk';
const PUBLIC_KEY_FILE = 'audit-signing-key.public.jwk';

/** The signing key in keysDir, made (mode 600) on first use, with its public half beside it. */
export async function loadOrCreateSigningKey(keysDir: string): Promise<JsonWebKey> {
  const existing = await readFile(join(keysDir, KEY_FILE), 'utf8').catch(() => '');
  if (existing) return JSON.parse(existing) as JsonWebKey;
  const key = await generateSigningKey();
  await mkdir(keysDir, { recursive: true, mode: 0o700 });
  await writeFile(join(keysDir, KEY_FILE), `${JSON.stringify(key)}\n`, { mode: 0o600, flag: 'wx' });
  await writeFile(join(keysDir, PUBLIC_KEY_FILE), `${JSON.stringify(publicJwk(key))}\n`);
  return key;
}

export async function readPublishedCheckpoints(keysDir: string): Promise<SignedCheckpoint[]> {
  const text = await readFile(join(keysDir, CHECKPOINTS_FILE), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as SignedCheckpoint);
}

const asServiceRole = async (db: Database, name: string, args: Record<string, unknown> = {}) => {
  const outcome = await invokeRpc(db, { role: 'service_role', claims: { role: 'service_role' } }, { schema: 'api', name, args });
  if (typeof outcome.body !== 'string' || outcome.status >= 300) throw new Error(`api.${name} failed: ${JSON.stringify(outcome.body)}`);
  return JSON.parse(outcome.body);
};

/** Signs the chain's heads now, keeps a copy in the database (which tells scrutiny) and publishes it. */
export async function takeCheckpoint(options: { db: Database; keysDir: string }): Promise<SignedCheckpoint> {
  const key = await loadOrCreateSigningKey(options.keysDir);
  const heads = (await asServiceRole(options.db, 'audit_checkpoint_heads')) as Heads;
  const signed = await signCheckpoint(heads, key);
  // Published first: the copy that matters is the one the database owner cannot take back.
  await appendFile(join(options.keysDir, CHECKPOINTS_FILE), `${JSON.stringify(signed)}\n`);
  await asServiceRole(options.db, 'record_audit_checkpoint', {
    p_statement: signed.statement,
    p_signature: signed.signature,
    p_key_id: signed.key_id,
  });
  return signed;
}

/** One checkpoint now and then one every `everyMs` (10 minutes unless told), until stopped. */
export async function startCheckpoints(options: { db: Database; keysDir: string; everyMs?: number; log: (line: string) => void }) {
  const take = async () => {
    try {
      const signed = await takeCheckpoint(options);
      options.log(`audit checkpoint signed: ${(JSON.parse(signed.statement) as Heads).events} events (${signed.key_id})`);
    } catch (error) {
      options.log(`audit checkpoint failed: ${(error as Error).message}`);
    }
  };
  await take();
  const timer = setInterval(() => void take(), options.everyMs ?? 10 * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** GET /audit/checkpoints: the published JSON lines; /audit/checkpoints/key: the public key. */
export async function serveCheckpoints(res: ServerResponse, url: URL, keysDir: string) {
  if (url.pathname === '/audit/checkpoints/key') {
    const key = publicJwk(await loadOrCreateSigningKey(keysDir));
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify(key));
  } else if (url.pathname === '/audit/checkpoints') {
    const text = await readFile(join(keysDir, CHECKPOINTS_FILE), 'utf8').catch(() => '');
    res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'access-control-allow-origin': '*' }).end(text);
  } else {
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Nothing here.' }));
  }
}
