// The one Supabase client for the browser. The site is static, so each visitor's browser has its
// own client and session; nothing is shared between people. Tables are private: every call goes
// through a function in schema `api`.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';

let client: SupabaseClient | undefined;

export function getSupabase(): SupabaseClient {
  if (!client) {
    const url = import.meta.env.PUBLIC_SUPABASE_URL;
    const key = import.meta.env.PUBLIC_SUPABASE_ANON_KEY;
    if (!url || !key) {
      throw new Error('The site was built without PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY. See the README.');
    }
    client = createClient(url, key, {
      db: { schema: 'api' },
      auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: false },
    });
  }
  return client;
}
