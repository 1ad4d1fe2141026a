// The browser's access token for API calls, without auth-js (about 25 kB gzipped) on the page
// until it is needed. A fresh token auth-js stored is sent as it is, exactly what auth-js's
// getSession() would return; no stored session means nobody is signed in (anon). Only a token
// near its end needs auth-js, to refresh it under its lock: then it is loaded (once) and asked.
// Pages that sign in or out (SignIn.tsx, signOut) import src/lib/supabase.ts and have it already.
import type { AuthClient } from '@supabase/auth-js';
import { supabaseSettings } from '../supabase-settings';
import { authStorageKey, isFresh, storedSession } from './stored-session';

type Auth = InstanceType<typeof AuthClient>;

let auth: Auth | undefined;
let loading: Promise<Auth> | undefined;
const waiting = new Set<(auth: Auth) => void>();

/** auth-js, the one client of src/lib/supabase.ts, loaded on first use. */
export function loadAuth(): Promise<Auth> {
  loading ??= import('../supabase').then(({ getSupabase }) => {
    auth = getSupabase().auth;
    for (const notify of waiting) notify(auth);
    waiting.clear();
    return auth;
  });
  return loading;
}

/** Runs `use` when auth-js is loaded (now, if it is); returns a function that cancels the wait. */
export function whenAuthLoaded(use: (auth: Auth) => void): () => void {
  if (auth) {
    use(auth);
    return () => {};
  }
  waiting.add(use);
  return () => waiting.delete(use);
}

export const sessionStorageKey = () => authStorageKey(supabaseSettings().url);

/** The token to send with a call: the stored one while fresh, else auth-js's (refreshed). */
export async function accessToken(): Promise<string | null> {
  const stored = storedSession(sessionStorageKey());
  if (!stored) return null;
  if (isFresh(stored)) return stored.access_token;
  return (await (await loadAuth()).getSession()).data.session?.access_token ?? null;
}
