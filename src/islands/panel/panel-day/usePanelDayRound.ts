// The data of the panel day: the round, everyone's progress, and once scoring has closed the
// results and the recommendations recorded so far. reload() fetches it all again after a change.
import { useCallback, useEffect, useState } from 'react';
import type { User } from '@supabase/supabase-js';
import type { ApiProblem } from '../../../lib/api-call';
import {
  getRoundProgress,
  getRoundResults,
  type ApplicationResult,
  type HiddenForConflict,
  type RoundProgress,
} from '../../../lib/api/results';
import { getReviewRecommendations, type Recommendation } from '../../../lib/api/review';
import { getRound, type Round } from '../../../lib/api/rounds';
import { isHiddenForConflict } from '../../../lib/grants/report';
import { scoresShown } from '../../../lib/grants/rounds';
import { useProblem } from '../../ui/useProblem';

export interface PanelDayRound {
  round?: Round;
  progress?: RoundProgress;
  results?: (ApplicationResult | HiddenForConflict)[];
  /** Only those the caller may see (none they declared a conflict with). */
  recommendations: Recommendation[];
  problem?: ApiProblem;
  reload: () => void;
}

export function usePanelDayRound(user: User | undefined, roundId: string): PanelDayRound {
  const [round, setRound] = useState<Round>();
  const [progress, setProgress] = useState<RoundProgress>();
  const [results, setResults] = useState<(ApplicationResult | HiddenForConflict)[]>();
  const [recommendations, setRecommendations] = useState<Recommendation[]>([]);
  // load() runs again after each change that worked: a load that works clears an old problem.
  const { problem, settle } = useProblem();

  const load = useCallback(async () => {
    const r = await getRound({ p_round_id: roundId });
    if (!settle(r)) return;
    setRound(r.data);
    const p = await getRoundProgress({ p_round_id: roundId });
    if (!settle(p)) return;
    setProgress(p.data);
    if (scoresShown(r.data.state)) {
      const [res, recs] = await Promise.all([getRoundResults({ p_round_id: roundId }), getReviewRecommendations({ p_round_id: roundId })]);
      if (settle(res)) setResults(res.data.applications);
      if (recs.ok) setRecommendations((recs.data.recommendations ?? []).filter((x): x is Recommendation => !isHiddenForConflict(x)));
    }
  }, [roundId, settle]);

  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  return { round, progress, results, recommendations, problem, reload: () => void load() };
}
