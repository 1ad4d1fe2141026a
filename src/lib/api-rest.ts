// The browser's PostgREST client, the one callApi uses: signed with src/lib/auth/session-token.ts,
// so a page that only calls api functions (the ballot page) loads no auth-js until a token needs
// refreshing. Made on first use.
import { accessToken } from './auth/session-token';
import { supabaseSettings } from './supabase-settings';
import { restClient, type RestClient } from './supabase-rest';

let rest: RestClient | undefined;

export function getRest(): RestClient {
  if (!rest) {
    const { url, anonKey } = supabaseSettings();
    rest = restClient(url, anonKey, accessToken);
  }
  return rest;
}
