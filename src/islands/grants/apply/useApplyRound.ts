// The round an application page is about (?round=<id or reference prefix>) and the signed-in
// person's own application to it, loaded once signed in; reload() after a change.
import { useCallback, useEffect, useState } from 'react';
import type { User } from '@supabase/supabase-js';
import type { ApiProblem } from '../../../lib/api-call';
import { getApplyRound, type ApplyRound, type MyOnlineApplication } from '../../../lib/api/applications-online';

export type Loaded = { round: ApplyRound; application: MyOnlineApplication | null };

export function useApplyRound(user: User | undefined, roundParam: string | undefined) {
  const [loaded, setLoaded] = useState<Loaded | 'missing' | ApiProblem>();
  const reload = useCallback(async () => {
    if (!roundParam) return setLoaded('missing');
    const result = await getApplyRound({ p_round: roundParam }, 'form');
    if (result.ok) setLoaded(result.data);
    else setLoaded(result.key === 'round_not_found' || result.key === 'wrong_type' ? 'missing' : result);
  }, [roundParam]);
  useEffect(() => {
    if (user) void reload();
  }, [user, reload]);
  return { loaded, reload };
}
