// The Edge Function that signs audit checkpoints in production. Its secret AUDIT_SIGNING_KEY (an
// Ed25519 private JWK, set with `supabase secrets set`) is held by Supabase's function runtime,
// not by the database, so whoever holds the database cannot sign a checkpoint for a rewritten
// chain. Run it on a schedule (Supabase's cron calling this function) and after each panel day.
//   POST (with the service role key): reads every lane's head, signs it, keeps a copy in the
//        database, sends it to AUDIT_PUBLISH_URL if set (an outside log the council does not
//        control), and answers the signed checkpoint.
//   GET: the public key, for anyone who wants to check a checkpoint.
import { createClient } from '@supabase/supabase-js';
import { parseSigningKey, publicJwk, signCheckpoint, type Heads } from '../_shared/audit-checkpoint.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export async function handle(req: Request, env: (name: string) => string | undefined): Promise<Response> {
  let key: JsonWebKey;
  try {
    key = parseSigningKey(env('AUDIT_SIGNING_KEY'));
  } catch (error) {
    return json(500, { message: `The checkpoint signer is not set up: ${(error as Error).message}` });
  }
  if (req.method === 'GET') return json(200, { public_key: publicJwk(key) });
  if (req.method !== 'POST') return json(405, { message: 'Use POST to take a checkpoint, or GET for the public key.' });

  const url = env('SUPABASE_URL');
  const serviceKey = env('SUPABASE_SERVICE_ROLE_KEY');
  if (!url || !serviceKey) return json(500, { message: 'SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY must be set.' });
  if (req.headers.get('authorization') !== `Bearer ${serviceKey}`)
    return json(401, { message: 'Only the service role may take a checkpoint.' });

  const db = createClient(url, serviceKey, { auth: { persistSession: false }, db: { schema: 'api' } });
  const heads = await db.rpc('audit_checkpoint_heads');
  if (heads.error) return json(502, { message: `Could not read the chain heads: ${heads.error.message}` });
  const signed = await signCheckpoint(heads.data as Heads, key);
  const publishTo = env('AUDIT_PUBLISH_URL');
  if (publishTo) {
    const published = await fetch(publishTo, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signed),
    });
    if (!published.ok)
      return json(502, { message: `The checkpoint was signed but could not be published (${published.status}).`, checkpoint: signed });
  }
  const stored = await db.rpc('record_audit_checkpoint', {
    p_statement: signed.statement,
    p_signature: signed.signature,
    p_key_id: signed.key_id,
  });
  if (stored.error) return json(502, { message: `The checkpoint was signed but not stored: ${stored.error.message}`, checkpoint: signed });
  return json(200, signed);
}
