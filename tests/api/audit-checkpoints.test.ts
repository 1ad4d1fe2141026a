// The checkpoint signer over HTTP: the stand-in signs one on start with its key kept apart from
// the data, publishes it at /audit/checkpoints and mails scrutiny (through the outbox); the production Edge Function's
// handler signs one against the same API with supabase-js, refusing callers without the
// service role key; both verify against the published public key.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAgainstCheckpoints, type ExportedEvent } from '../../src/lib/audit/verify-checkpoints.ts';
import { handle } from '../../supabase/functions/audit-checkpoint/handler.ts';
import type { SignedCheckpoint } from '../../supabase/functions/_shared/audit-checkpoint.ts';
import { loadOrCreateSigningKey } from '../../supabase/local/checkpoints.ts';
import { startStandIn, type StandIn } from '../../supabase/local/server.ts';
import { loadSnapshot } from '../support/snapshot.ts';

let standIn: StandIn;
let keysDir: string;
beforeAll(async () => {
  keysDir = await mkdtemp(join(tmpdir(), 'wt-audit-keys-'));
  standIn = await startStandIn({
    snapshot: await loadSnapshot(),
    supabaseDir: 'supabase',
    port: 0,
    jwtSecret: 'test-secret-that-is-long-enough-for-hs256-0123456789',
    log: () => undefined,
    keysDir,
  });
});
afterAll(async () => {
  await standIn.close();
  await rm(keysDir, { recursive: true, force: true });
});

const published = async () =>
  (await (await fetch(`${standIn.url}/audit/checkpoints`)).text())
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as SignedCheckpoint);
const verifyOverHttp = async () => {
  const db = createClient(standIn.url, standIn.keys.serviceRoleKey, { auth: { persistSession: false }, db: { schema: 'api' } });
  const key = (await (await fetch(`${standIn.url}/audit/checkpoints/key`)).json()) as JsonWebKey;
  return verifyAgainstCheckpoints(
    async (after) => {
      const { data, error } = await db.rpc('audit_chain_export', { p_after_id: after, p_limit: 5000 });
      if (error) throw new Error(error.message);
      return (data as { events: ExportedEvent[] }).events;
    },
    await published(),
    key,
  );
};

describe('the stand-in', () => {
  it('signs a checkpoint on start, publishes it for anyone and mails it to scrutiny', async () => {
    expect(await published()).toHaveLength(1);
    await standIn.notifications.deliver();
    expect(standIn.mailbox.messages.find((m) => m.to === 'scrutiny@example.org')?.subject).toMatch(/^Audit checkpoint: \d+ events/);
    expect(await verifyOverHttp()).toMatchObject({ intact: true, checkpoints: 1, notYetCovered: null });
  });

  it('refuses a key folder inside the data folder', async () => {
    await expect(
      startStandIn({ supabaseDir: 'supabase', dataDir: keysDir, keysDir: join(keysDir, 'keys'), port: 0, log: () => undefined }),
    ).rejects.toThrow(/must not be inside the data folder/);
  });
});

describe('the audit-checkpoint Edge Function', () => {
  const env = (key: JsonWebKey) => (name: string) =>
    (
      ({
        AUDIT_SIGNING_KEY: JSON.stringify(key),
        SUPABASE_URL: standIn.url,
        SUPABASE_SERVICE_ROLE_KEY: standIn.keys.serviceRoleKey,
      }) as Record<string, string>
    )[name];

  it('answers its public key to anyone, and takes a checkpoint only for the service role', async () => {
    const key = await loadOrCreateSigningKey(keysDir);
    const got = await handle(new Request('http://fn/audit-checkpoint'), env(key));
    expect(await got.json()).toEqual({ public_key: { kty: 'OKP', crv: 'Ed25519', x: key.x } });
    const anon = await handle(
      new Request('http://fn/audit-checkpoint', { method: 'POST', headers: { authorization: `Bearer ${standIn.keys.anonKey}` } }),
      env(key),
    );
    expect(anon.status).toBe(401);
    const signed = await handle(
      new Request('http://fn/audit-checkpoint', { method: 'POST', headers: { authorization: `Bearer ${standIn.keys.serviceRoleKey}` } }),
      env(key),
    );
    expect(signed.status).toBe(200);
    const checkpoint = (await signed.json()) as SignedCheckpoint;
    const [stored] = await standIn.db.query<{ statement: string }>(
      'select statement from private.audit_checkpoints order by id desc limit 1',
    );
    expect(stored!.statement).toBe(checkpoint.statement);
  });

  it('says plainly when its secret is missing', async () => {
    const res = await handle(new Request('http://fn/audit-checkpoint', { method: 'POST' }), () => undefined);
    expect(res.status).toBe(500);
    expect(((await res.json()) as { message: string }).message).toMatch(/AUDIT_SIGNING_KEY is not set/);
  });
});
