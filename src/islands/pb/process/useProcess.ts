// Loads the process named in the address (?p=<slug>) for the PB pages that show one.
import { useEffect, useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { getProcess, type PbProcess } from '../../../lib/api/pb-residents';

export type Loaded<T> =
  { state: 'loading' } | { state: 'missing' } | { state: 'problem'; problem: ApiProblem } | { state: 'ready'; value: T };

export function useProcess(slug: string | undefined): Loaded<PbProcess> {
  const [loaded, setLoaded] = useState<Loaded<PbProcess>>(slug ? { state: 'loading' } : { state: 'missing' });
  useEffect(() => {
    if (!slug) return;
    void getProcess({ p_slug: slug }, 'form').then((r) =>
      setLoaded(
        r.ok ? { state: 'ready', value: r.data } : r.key === 'process_not_found' ? { state: 'missing' } : { state: 'problem', problem: r },
      ),
    );
  }, [slug]);
  return loaded;
}
