// The header's "Sign out" link lands here: sign out as the panel's own button does (drafts of
// confidential scores are removed from this device), then go home.
import { useEffect } from 'react';
import { signOut } from './ui/useSignedIn';

export default function SignOut() {
  useEffect(() => {
    void signOut();
  }, []);
  return (
    <p className="govuk-body" role="status">
      Signing you out…
    </p>
  );
}
