import { describe, expect, it } from 'vitest';
import { signJwt, verifyJwt } from '../../../../supabase/local/jwt.ts';
import { keysFromSecret } from '../../../../supabase/local/keys.ts';

const secret = 'a-secret-for-unit-tests-a-secret-for-unit-tests';

describe('HS256 tokens', () => {
  it('round-trips claims', () => {
    const token = signJwt({ sub: 'x', role: 'authenticated', exp: 2_000_000_000 }, secret);
    expect(verifyJwt(token, secret, 1_000)).toEqual({ ok: true, claims: { sub: 'x', role: 'authenticated', exp: 2_000_000_000 } });
  });

  it('refuses a token signed with another secret', () => {
    expect(verifyJwt(signJwt({ role: 'service_role' }, 'another-secret-entirely-another-secret'), secret)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses a token whose claims were edited after signing', () => {
    const [h, , sig] = signJwt({ role: 'anon' }, secret).split('.');
    const edited = `${h}.${Buffer.from(JSON.stringify({ role: 'service_role' })).toString('base64url')}.${sig}`;
    expect(verifyJwt(edited, secret)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses an expired token', () => {
    expect(verifyJwt(signJwt({ exp: 100 }, secret), secret, 100_001)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses "alg: none" and garbage without throwing', () => {
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"role":"service_role"}').toString('base64url')}.`;
    expect(verifyJwt(none, secret)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyJwt('not-a-token', secret)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyJwt('a.b.c', secret)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('derives stable anon and service keys from the secret', () => {
    const a = keysFromSecret(secret);
    expect(keysFromSecret(secret)).toEqual(a);
    expect(verifyJwt(a.anonKey, secret)).toMatchObject({ ok: true, claims: { role: 'anon' } });
    expect(verifyJwt(a.serviceRoleKey, secret)).toMatchObject({ ok: true, claims: { role: 'service_role' } });
  });
});
