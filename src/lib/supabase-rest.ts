// The PostgREST half of the API client (schema `api`; every call is an rpc) and the fetch that
// signs each request as supabase-js does: the anon key as `apikey`, the person's access token
// (or, signed out, the anon key) as the bearer. Kept apart from Auth so a page that only calls
// functions need not load auth-js before the person can act (see src/lib/auth/session-token.ts).
import { PostgrestClient } from '@supabase/postgrest-js';

/** The access token to send, or null to send the anon key (nobody signed in). */
export type TokenSource = () => Promise<string | null>;

export function signedFetch(anonKey: string, token: TokenSource): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (!headers.has('apikey')) headers.set('apikey', anonKey);
    if (!headers.has('Authorization')) headers.set('Authorization', `Bearer ${(await token()) ?? anonKey}`);
    return fetch(input, { ...init, headers });
  };
}

// `any` database: the functions' argument and result types live in the typed wrappers
// (src/lib/api/*.ts), not in generated schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RestClient = PostgrestClient<any, { PostgrestVersion: '12' }, 'api'>;

export function restClient(url: string, anonKey: string, token: TokenSource): RestClient {
  return new PostgrestClient(`${url}/rest/v1`, { schema: 'api', fetch: signedFetch(anonKey, token) });
}
