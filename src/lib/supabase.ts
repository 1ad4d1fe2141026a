// The Supabase client. The site is static, so each visitor's browser has its own client and
// session; nothing is shared between people. Tables are private: every call goes through a
// function in schema `api`.
import { createClient, type SupabaseClientOptions } from '@supabase/supabase-js';

export function createApiClient(url: string, anonKey: string, auth: SupabaseClientOptions<'api'>['auth'] = {}) {
  return createClient(url, anonKey, {
    db: { schema: 'api' },
    auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: false, ...auth },
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;

let client: ApiClient | undefined;

/** The browser's one client, made on first use. */
export function getSupabase(): ApiClient {
  if (!client) {
    const url = import.meta.env.PUBLIC_SUPABASE_URL;
    const key = import.meta.env.PUBLIC_SUPABASE_ANON_KEY;
    if (!url || !key) {
      throw new Error('The site was built without PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY. See the README.');
    }
    client = createApiClient(url, key);
  }
  return client;
}
