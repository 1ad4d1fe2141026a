// The ballot page signs its calls without loading auth-js: these pin down that it sends exactly
// what auth-js's getSession() would (the stored token while fresh, nothing when signed out) and
// asks auth-js only for a token near its end.
import { createClient } from '@supabase/supabase-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStorageKey, EXPIRY_MARGIN_MS, isFresh, storedSession } from '../../../../src/lib/auth/stored-session.ts';

const URL = 'http://localhost:54321';
const KEY = 'sb-localhost-auth-token';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

const session = (expiresInMs: number) => ({
  access_token: `token-${expiresInMs}`,
  refresh_token: 'refresh',
  token_type: 'bearer' as const,
  expires_in: Math.round(expiresInMs / 1000),
  expires_at: Math.round((Date.now() + expiresInMs) / 1000),
  user: { id: '00000000-0000-4000-8000-000000000001', aud: 'authenticated', app_metadata: {}, user_metadata: {}, created_at: '' },
});

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
  vi.stubEnv('PUBLIC_SUPABASE_URL', URL);
  vi.stubEnv('PUBLIC_SUPABASE_ANON_KEY', 'anon');
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('the stored session', () => {
  it('is found under the key supabase-js has always used, so earlier sign-ins still count', () => {
    const supabase = createClient(URL, 'anon', { auth: { persistSession: false } }) as unknown as { storageKey: string };
    expect(authStorageKey(URL)).toBe(supabase.storageKey);
    expect(authStorageKey(URL)).toBe(KEY);
  });

  it('is fresh until auth-js would refresh it, and not after', () => {
    const now = Date.now();
    expect(isFresh({ ...session(EXPIRY_MARGIN_MS + 5_000) }, now)).toBe(true);
    expect(isFresh({ ...session(EXPIRY_MARGIN_MS - 5_000) }, now)).toBe(false);
    expect(isFresh({ ...session(-60_000) }, now)).toBe(false);
  });

  it('is nothing when storage is empty, unreadable, or holds no token', () => {
    expect(storedSession(KEY)).toBeUndefined();
    localStorage.setItem(KEY, '{not json');
    expect(storedSession(KEY)).toBeUndefined();
    localStorage.setItem(KEY, JSON.stringify({ refresh_token: 'r' }));
    expect(storedSession(KEY)).toBeUndefined();
  });
});

describe('the token a call sends', () => {
  it('is the stored one while fresh, without loading auth-js', async () => {
    localStorage.setItem(KEY, JSON.stringify(session(3_600_000)));
    const loaded = vi.fn();
    vi.doMock('../../../../src/lib/supabase.ts', () => (loaded(), { getSupabase: () => ({ auth: {} }) }));
    const { accessToken } = await import('../../../../src/lib/auth/session-token.ts');
    expect(await accessToken()).toBe('token-3600000');
    expect(loaded).not.toHaveBeenCalled();
  });

  it('is none (the anon key) when nobody is signed in, without loading auth-js', async () => {
    const loaded = vi.fn();
    vi.doMock('../../../../src/lib/supabase.ts', () => (loaded(), { getSupabase: () => ({ auth: {} }) }));
    const { accessToken } = await import('../../../../src/lib/auth/session-token.ts');
    expect(await accessToken()).toBeNull();
    expect(loaded).not.toHaveBeenCalled();
  });

  it("is auth-js's refreshed one when the stored token is near its end, and tells whoever waits for auth-js", async () => {
    localStorage.setItem(KEY, JSON.stringify(session(30_000)));
    const getSession = vi.fn(async () => ({ data: { session: { access_token: 'refreshed' } } }));
    vi.doMock('../../../../src/lib/supabase.ts', () => ({ getSupabase: () => ({ auth: { getSession } }) }));
    const { accessToken, whenAuthLoaded } = await import('../../../../src/lib/auth/session-token.ts');
    const told = vi.fn();
    whenAuthLoaded(told);
    expect(await accessToken()).toBe('refreshed');
    expect(getSession).toHaveBeenCalledOnce();
    expect(told).toHaveBeenCalledOnce();
    const late = vi.fn();
    whenAuthLoaded(late);
    expect(late).toHaveBeenCalledOnce();
  });
});
