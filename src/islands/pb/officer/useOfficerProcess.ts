// The data of every officer page about one process: the process as its officers see it (from
// ?id=), loaded once signed in. reload() fetches it again; set() takes the process a change
// returned, so the page need not ask again.
import { useCallback, useEffect, useState } from 'react';
import type { User } from '@supabase/supabase-js';
import type { ApiProblem } from '../../../lib/api-call';
import { pbOfficerProcess, type PbOfficerProcess } from '../../../lib/api/pb-officers';
import { queryParam } from '../../panel/PanelParts';
import { useSignedIn } from '../../ui/useSignedIn';

export interface OfficerProcess {
  user?: User;
  id: string;
  process?: PbOfficerProcess;
  problem?: ApiProblem;
  reload: () => Promise<void>;
  set: (process: PbOfficerProcess) => void;
}

export function useOfficerProcess(): OfficerProcess {
  const user = useSignedIn();
  const [id] = useState(() => queryParam('id') ?? '');
  const [process, setProcess] = useState<PbOfficerProcess>();
  const [problem, setProblem] = useState<ApiProblem>();
  const reload = useCallback(async () => {
    const r = await pbOfficerProcess({ p_process_id: id });
    if (!r.ok) return setProblem(r);
    setProblem(undefined);
    setProcess(r.data);
  }, [id]);
  useEffect(() => {
    if (user) void reload();
  }, [user, reload]);
  return { user, id, process, problem, reload, set: setProcess };
}
