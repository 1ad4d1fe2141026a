// The local JWT secret: made on first start, private to its owner, the same after a restart.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyJwt } from '../../../../supabase/local/jwt.ts';
import { loadOrCreateKeys } from '../../../../supabase/local/keys.ts';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('loadOrCreateKeys', () => {
  it('makes a secret on first start, readable by its owner only, and keeps it across restarts', async () => {
    dir = await mkdtemp(join(tmpdir(), 'wt-keys-'));
    const first = await loadOrCreateKeys(join(dir, 'data'));
    const file = join(dir, 'data', 'jwt-secret');
    expect((await readFile(file, 'utf8')).trim()).toBe(first.jwtSecret);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(first.jwtSecret).toMatch(/^[0-9a-f]{64}$/);

    const again = await loadOrCreateKeys(join(dir, 'data'));
    expect(again).toEqual(first);
    const anon = verifyJwt(again.anonKey, again.jwtSecret);
    expect(anon.ok && anon.claims.role).toBe('anon');
    const service = verifyJwt(again.serviceRoleKey, again.jwtSecret);
    expect(service.ok && service.claims.role).toBe('service_role');
  });

  it('replaces a secret too short to be safe', async () => {
    dir = await mkdtemp(join(tmpdir(), 'wt-keys-'));
    await writeFile(join(dir, 'jwt-secret'), 'short\n');
    const keys = await loadOrCreateKeys(dir);
    expect(keys.jwtSecret).not.toBe('short');
    expect(keys.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('gives different machines different secrets', async () => {
    dir = await mkdtemp(join(tmpdir(), 'wt-keys-'));
    const a = await loadOrCreateKeys(join(dir, 'a'));
    const b = await loadOrCreateKeys(join(dir, 'b'));
    expect(a.jwtSecret).not.toBe(b.jwtSecret);
    expect(verifyJwt(a.anonKey, b.jwtSecret).ok).toBe(false);
  });
});
