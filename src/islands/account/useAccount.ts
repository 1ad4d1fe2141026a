// What the account page lists, each part loaded on its own so one failing does not hide the
// others: the grant rounds the person is on, their PB proposals, and the PB processes where they
// have voted or where voting is open.
import type { User } from '@supabase/supabase-js';
import { useEffect, useState } from 'react';
import type { ApiProblem, ApiResult } from '../../lib/api-call';
import {
  getMyStatus,
  listMyProposals,
  listProcesses,
  type PbMyProposal,
  type PbMyStatus,
  type PbProcessSummary,
} from '../../lib/api/pb-residents';
import { listMyRounds, type MyRound } from '../../lib/api/rounds';
import { isPhaseFrom } from '../../lib/pb/phases';

/** Loading, loaded, or the problem that stopped it. */
export type Part<T> = { state: 'loading' } | { state: 'done'; data: T } | { state: 'failed'; problem: ApiProblem };

export type MyVote = { process: PbProcessSummary; status: PbMyStatus };

const part = <T>(result: ApiResult<T>): Part<T> =>
  result.ok ? { state: 'done', data: result.data } : { state: 'failed', problem: result };

/** The processes past the start of voting, each with the person's own status in it. */
async function loadVotes(): Promise<ApiResult<MyVote[]>> {
  const processes = await listProcesses({});
  if (!processes.ok) return processes;
  const votable = processes.data.filter((p) => isPhaseFrom(p.phase, 'voting'));
  const statuses = await Promise.all(votable.map((p) => getMyStatus({ p_process_id: p.id })));
  const failed = statuses.find((s) => !s.ok);
  if (failed && !failed.ok) return failed;
  const votes = votable.map((process, i) => ({ process, status: (statuses[i] as { ok: true; data: PbMyStatus }).data }));
  return { ok: true, data: votes.filter((v) => v.status.voted || v.process.phase === 'voting') };
}

export function useAccount(user: User | undefined) {
  const [rounds, setRounds] = useState<Part<MyRound[]>>({ state: 'loading' });
  const [proposals, setProposals] = useState<Part<PbMyProposal[]>>({ state: 'loading' });
  const [votes, setVotes] = useState<Part<MyVote[]>>({ state: 'loading' });

  useEffect(() => {
    if (!user) return;
    void listMyRounds({}).then((r) => setRounds(part(r)));
    void listMyProposals({}).then((r) => setProposals(part(r)));
    void loadVotes().then((r) => setVotes(part(r)));
  }, [user]);

  return { rounds, proposals, votes };
}
