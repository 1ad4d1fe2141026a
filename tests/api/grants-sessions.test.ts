// Signing out ends the session for the grants API too: PostgREST checks only a token's signature
// and expiry, so the database (private.caller()) refuses a token kept after POST /auth/v1/logout.
// Plain HTTP, as any client (or someone who copied the token) would send it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../supabase/demo-accounts.ts';
import { startTestStandIn, type TestStandIn } from '../support/stand-in.ts';

let s: TestStandIn;
beforeAll(async () => {
  s = await startTestStandIn();
});
afterAll(() => s.close());

const headers = (token: string) => ({ apikey: s.keys.anonKey, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });
const listPeople = (token: string) => fetch(`${s.url}/rest/v1/rpc/list_people`, { method: 'POST', headers: headers(token), body: '{}' });

describe('a grants officer signs out', () => {
  it('the access token works before POST /auth/v1/logout, and gets 401 session_ended after it', async () => {
    const signIn = await fetch(`${s.url}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { apikey: s.keys.anonKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'officer@example.org', password: DEMO_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const { access_token: token } = (await signIn.json()) as { access_token: string };

    const before = await listPeople(token);
    expect(before.status).toBe(200);
    expect(Array.isArray(await before.json())).toBe(true);

    const logout = await fetch(`${s.url}/auth/v1/logout`, { method: 'POST', headers: headers(token) });
    expect(logout.status).toBe(204);

    const after = await listPeople(token);
    expect(after.status).toBe(401);
    const body = (await after.json()) as { details: string };
    expect(JSON.parse(body.details)).toEqual({ key: 'session_ended' });
  });
});
