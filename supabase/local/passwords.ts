// Password hashing. New passwords use scrypt from node:crypto. Hashes made by Supabase itself
// (bcrypt, "$2a$..."), such as seed.sql's demo accounts written with pgcrypto's crypt(), are
// checked by the database's own crypt(), so one seed file serves both the stand-in and Supabase.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Sql } from './database.ts';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, { N, r: R, p: P }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `$scrypt$n=${N},r=${R},p=${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string | null, sql: Sql): Promise<boolean> {
  if (!stored) return false;
  if (stored.startsWith('$scrypt$')) {
    const [, , , saltText, keyText] = stored.split('$');
    if (!saltText || !keyText) return false;
    const expected = Buffer.from(keyText, 'base64');
    const actual = await derive(password, Buffer.from(saltText, 'base64'));
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
  if (stored.startsWith('$2')) {
    const rows = await sql.query<{ ok: boolean }>('select extensions.crypt($1, $2) = $2 as ok', [password, stored]);
    return rows[0]?.ok === true;
  }
  return false;
}
