// The Supabase client. The site is static, so each visitor's browser has its own client and
// session; nothing is shared between people. Tables are private: every call goes through a
// function in schema `api`.
//
// Built from what the app uses of supabase-js, instead of createClient(), which also bundles
// Realtime, Storage and PostgREST's query builder (about 30 kB gzipped the site never runs): Auth
// and Edge Functions from auth-js and functions-js at the versions supabase-js pins, and rpc
// calls from src/lib/supabase-rest.ts. Same calls: .rpc(), .auth, .functions.
import { AuthClient, type GoTrueClientOptions } from '@supabase/auth-js';
import { FunctionsClient } from '@supabase/functions-js';
import { authStorageKey } from './auth/stored-session.ts';
import { supabaseSettings } from './supabase-settings.ts';
import { restClient, signedFetch } from './supabase-rest.ts';

export type AuthOptions = Omit<GoTrueClientOptions, 'url' | 'headers'>;

export function createApiClient(url: string, anonKey: string, auth: AuthOptions = {}) {
  const authClient = new AuthClient({
    url: `${url}/auth/v1`,
    headers: { Authorization: `Bearer ${anonKey}`, apikey: anonKey },
    storageKey: authStorageKey(url),
    persistSession: true,
    autoRefreshToken: true,
    detectSessionInUrl: false,
    ...auth,
  });
  // As supabase-js: each request asks Auth for the session, which refreshes a token near its end.
  const token = async () => (await authClient.getSession()).data.session?.access_token ?? null;
  const rest = restClient(url, anonKey, token);
  return {
    auth: authClient,
    rpc: rest.rpc.bind(rest),
    functions: new FunctionsClient(`${url}/functions/v1`, { customFetch: signedFetch(anonKey, token) }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

let client: ApiClient | undefined;

/** The browser's one client, made on first use. */
export function getSupabase(): ApiClient {
  if (!client) {
    const { url, anonKey } = supabaseSettings();
    client = createApiClient(url, anonKey);
  }
  return client;
}
