// The session auth-js keeps in the browser's localStorage, read without loading auth-js. The key
// is the one supabase-js has always used (sb-<first label of the host>-auth-token), so sessions
// signed in before this file existed still count, and the header's script (SiteHeader.astro)
// finds it.
import type { Session } from '@supabase/auth-js';

export const authStorageKey = (url: string) => `sb-${new URL(url).hostname.split('.')[0]}-auth-token`;

/** auth-js refreshes a token this close to its end (its EXPIRY_MARGIN_MS), so we do not send one. */
export const EXPIRY_MARGIN_MS = 90_000;

/** The stored session, fresh or not; undefined when there is none (or no storage). */
export function storedSession(key: string): Session | undefined {
  try {
    const raw = localStorage.getItem(key);
    const session = raw ? (JSON.parse(raw) as Session) : undefined;
    return session?.access_token && session.user ? session : undefined;
  } catch {
    return undefined;
  }
}

/** True when the token can be sent as it is: auth-js would not refresh it first. */
export const isFresh = (session: Session, now = Date.now()) => !session.expires_at || session.expires_at * 1000 - now >= EXPIRY_MARGIN_MS;
