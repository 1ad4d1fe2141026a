// Signed checkpoints of the audit chain: the statement signed, and Ed25519 signing and checking
// with WebCrypto only, so the same file runs in the Edge Function (Deno), the stand-in and the
// verifier (Node). The private key is a JWK; the database never sees it.

/** Every lane's head as api.audit_checkpoint_heads() returns it. */
export interface LaneHead {
  lane: number;
  events: number;
  last_id: number | null;
  hash: string;
}
export interface Heads {
  at: string;
  events: number;
  head: string;
  lanes: LaneHead[];
}
/** What is published: the statement exactly as signed, its signature and the key's id. */
export interface SignedCheckpoint {
  statement: string;
  signature: string;
  key_id: string;
}
export interface Statement extends Heads {
  v: 1;
  kind: 'working-together audit checkpoint';
}

const ED25519 = { name: 'Ed25519' } as const;
const encoder = new TextEncoder();

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const fromBase64Url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

export const sha256Hex = async (text: string) => hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));

/** The digest of all lanes' head hashes, as private.audit_heads_digest makes it. */
export const headsDigest = (hashes: string[]) => sha256Hex(hashes.map((h) => `${h}\n`).join(''));

/** The public half of a private JWK. */
export function publicJwk(privateJwk: JsonWebKey): JsonWebKey {
  if (privateJwk.kty !== 'OKP' || privateJwk.crv !== 'Ed25519' || !privateJwk.x)
    throw new Error('The audit signing key must be an Ed25519 JWK (kty OKP, crv Ed25519).');
  return { kty: 'OKP', crv: 'Ed25519', x: privateJwk.x };
}

/** A short id for a public key: the first 16 hex digits of sha256 of its x. */
export const keyId = async (jwk: JsonWebKey) => `ed25519:${(await sha256Hex(jwk.x ?? '')).slice(0, 16)}`;

export async function generateSigningKey(): Promise<JsonWebKey> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  return crypto.subtle.exportKey('jwk', pair.privateKey);
}

/** Parses AUDIT_SIGNING_KEY (a JWK as JSON). */
export function parseSigningKey(text: string | undefined): JsonWebKey {
  if (!text) throw new Error('AUDIT_SIGNING_KEY is not set.');
  const jwk = JSON.parse(text) as JsonWebKey;
  publicJwk(jwk);
  if (!jwk.d) throw new Error('AUDIT_SIGNING_KEY is a public key; the signer needs the private one.');
  return jwk;
}

export async function signCheckpoint(heads: Heads, privateJwk: JsonWebKey): Promise<SignedCheckpoint> {
  const statement: Statement = {
    v: 1,
    kind: 'working-together audit checkpoint',
    at: heads.at,
    events: Number(heads.events),
    head: heads.head,
    lanes: heads.lanes,
  };
  const text = JSON.stringify(statement);
  const key = await crypto.subtle.importKey('jwk', { ...privateJwk, key_ops: ['sign'] }, ED25519, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign(ED25519, key, encoder.encode(text)));
  return { statement: text, signature: toBase64Url(signature), key_id: await keyId(publicJwk(privateJwk)) };
}

/** The statement if the signature is the key's over it and the head matches its lanes; otherwise why not. */
export async function checkCheckpoint(
  checkpoint: SignedCheckpoint,
  publicKey: JsonWebKey,
): Promise<{ ok: true; statement: Statement } | { ok: false; reason: string }> {
  let valid = false;
  try {
    const key = await crypto.subtle.importKey('jwk', { ...publicJwk(publicKey), key_ops: ['verify'] }, ED25519, false, ['verify']);
    valid = await crypto.subtle.verify(ED25519, key, fromBase64Url(checkpoint.signature), encoder.encode(checkpoint.statement));
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: "Its signature is not the audit signing key's: it was not made by the signer, or was changed." };
  const statement = JSON.parse(checkpoint.statement) as Statement;
  if (statement.v !== 1 || !Array.isArray(statement.lanes))
    return { ok: false, reason: 'It is not a checkpoint this verifier understands.' };
  if (statement.head !== (await headsDigest(statement.lanes.map((l) => l.hash))))
    return { ok: false, reason: 'Its head does not match its lanes.' };
  return { ok: true, statement };
}
