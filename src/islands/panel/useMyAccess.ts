// Whether the signed-in person is a grants officer or on the scrutiny committee, so a screen
// offers only what the database would allow them (the database still checks every call).
import type { User } from '@supabase/supabase-js';
import { useEffect, useState } from 'react';
import { getMyAccess, type MyAccess } from '../../lib/api/people';

/** Undefined until known; if the check fails, the person is treated as having no extra powers. */
export function useMyAccess(user: User | undefined): MyAccess | undefined {
  const [access, setAccess] = useState<MyAccess>();
  useEffect(() => {
    if (!user) return;
    void getMyAccess({}).then((r) => setAccess(r.ok ? r.data : { is_officer: false, is_scrutiny: false }));
  }, [user]);
  return access;
}
