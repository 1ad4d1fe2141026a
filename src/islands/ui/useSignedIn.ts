// For pages that need a signed-in person: sends them to sign in (and back here afterwards) when
// there is no session, and again, saying why, if the session ends while they work.
//
// A fresh session auth-js stored is taken as it is, so the page can show the person's work at
// once without loading auth-js first (src/lib/auth/session-token.ts); auth-js comes only when
// there is no fresh session, or when a call needs a token refreshed, and from then on tells this
// page of a sign-out. Until then a sign-out in another tab is seen as its stored session going.
import type { User } from '@supabase/auth-js';
import { useEffect, useState } from 'react';
import { loadAuth, sessionStorageKey, whenAuthLoaded } from '../../lib/auth/session-token';
import { isFresh, storedSession } from '../../lib/auth/stored-session';
import { signInUrl } from '../../lib/auth/next-path';
import { clearDraftsOf, setDraftOwner } from '../../lib/grants/local-drafts';

let signingOut = false;

export function goToSignIn(reason?: 'expired') {
  if (signingOut) return;
  const here = `${location.pathname}${location.search}${location.hash}`;
  location.assign(`${signInUrl(here)}${reason ? `&reason=${reason}` : ''}`);
}

export function useSignedIn(): User | undefined {
  const [user, setUser] = useState<User>();
  useEffect(() => {
    const key = sessionStorageKey();
    const stored = storedSession(key);
    // The same person again (auth-js announcing the session it loaded, or a refreshed token)
    // keeps the same object, so pages do not load their data again, least of all while signing
    // out, when the reload would go without a session and be refused.
    const signedIn = (u: User) => {
      setDraftOwner(u.id);
      setUser((was) => (was?.id === u.id ? was : u));
    };
    let unsubscribe = () => {};
    const onStorage = (e: StorageEvent) => {
      if (e.key === key && e.newValue === null) goToSignIn('expired');
    };
    const watch = whenAuthLoaded((auth) => {
      removeEventListener('storage', onStorage);
      const { data } = auth.onAuthStateChange((event, session) => {
        if (event === 'SIGNED_OUT') goToSignIn('expired');
        else if (session) signedIn(session.user);
      });
      unsubscribe = () => data.subscription.unsubscribe();
    });
    if (stored && isFresh(stored)) {
      signedIn(stored.user);
      addEventListener('storage', onStorage);
    } else {
      void loadAuth().then((auth) =>
        auth.getSession().then(({ data }) => {
          if (data.session) signedIn(data.session.user);
          else goToSignIn();
        }),
      );
    }
    return () => {
      watch();
      unsubscribe();
      removeEventListener('storage', onStorage);
    };
  }, []);
  return user;
}

/** The person chose to sign out: no "you were signed out" message for them, and their draft
 *  scores and comments (confidential) are removed from this device, which may be shared. A
 *  session that merely ends goes through goToSignIn instead and keeps them for their return. */
export async function signOut() {
  signingOut = true;
  const auth = await loadAuth();
  const { data } = await auth.getSession();
  clearDraftsOf(data.session?.user.id);
  await auth.signOut({ scope: 'local' });
  location.assign('/');
}
