// The data of the proposals queue: one page of proposals for the status filter and page in the
// address (?status=&page=), the counts by status, and the proposals still in play (what a
// duplicate can be merged into).
import { useCallback, useEffect, useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { pbOfficerProposals, type PbOfficerProposal, type PbProposalQueue, type PbProposalStatus } from '../../../lib/api/pb-officers';
import { queryParam } from '../../panel/PanelParts';

export const PAGE_SIZE = 20;
const IN_PLAY: PbProposalStatus[] = ['submitted', 'feasible', 'not_feasible', 'shortlisted'];

export function useProposalQueue(processId: string, ready: boolean) {
  const [status] = useState(() => (queryParam('status') ?? '') as PbProposalStatus | '');
  const [page] = useState(() => Math.max(1, Number(queryParam('page')) || 1));
  const [queue, setQueue] = useState<PbProposalQueue>();
  const [inPlay, setInPlay] = useState<PbOfficerProposal[]>([]);
  const [problem, setProblem] = useState<ApiProblem>();
  const reload = useCallback(async () => {
    const r = await pbOfficerProposals({ p_process_id: processId, p_status: status || undefined, p_page: page, p_page_size: PAGE_SIZE });
    if (!r.ok) return setProblem(r);
    setProblem(undefined);
    setQueue(r.data);
    const all = await pbOfficerProposals({ p_process_id: processId, p_page_size: 100 });
    if (all.ok) setInPlay(all.data.proposals.filter((p) => IN_PLAY.includes(p.status)));
  }, [processId, status, page]);
  useEffect(() => {
    if (ready) void reload();
  }, [ready, reload]);
  return { status, page, queue, inPlay, problem, reload };
}
