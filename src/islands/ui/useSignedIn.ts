// For pages that need a signed-in person: sends them to sign in (and back here afterwards) when
// there is no session, and again, saying why, if the session ends while they work.
import type { User } from '@supabase/supabase-js';
import { useEffect, useState } from 'react';
import { signInUrl } from '../../lib/auth/next-path';
import { clearDraftsOf, setDraftOwner } from '../../lib/grants/local-drafts';
import { getSupabase } from '../../lib/supabase';

let signingOut = false;

export function goToSignIn(reason?: 'expired') {
  if (signingOut) return;
  const here = `${location.pathname}${location.search}${location.hash}`;
  location.assign(`${signInUrl(here)}${reason ? `&reason=${reason}` : ''}`);
}

export function useSignedIn(): User | undefined {
  const [user, setUser] = useState<User>();
  useEffect(() => {
    const auth = getSupabase().auth;
    void auth.getSession().then(({ data }) => {
      if (data.session) {
        setDraftOwner(data.session.user.id);
        setUser(data.session.user);
      } else goToSignIn();
    });
    const { data } = auth.onAuthStateChange((event, session) => {
      if (event === 'SIGNED_OUT') goToSignIn('expired');
      else if (session) {
        setDraftOwner(session.user.id);
        setUser(session.user);
      }
    });
    return () => data.subscription.unsubscribe();
  }, []);
  return user;
}

/** The person chose to sign out: no "you were signed out" message for them, and their draft
 *  scores and comments (confidential) are removed from this device, which may be shared. A
 *  session that merely ends goes through goToSignIn instead and keeps them for their return. */
export async function signOut() {
  signingOut = true;
  const auth = getSupabase().auth;
  const { data } = await auth.getSession();
  clearDraftsOf(data.session?.user.id);
  await auth.signOut({ scope: 'local' });
  location.assign('/');
}
