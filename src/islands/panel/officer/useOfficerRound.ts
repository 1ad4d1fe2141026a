// The data of a round's officer page: the round with its panel and reviewers, its
// applications, once the panel has met the recommendations and review meetings, and the people
// who can be added. reload() fetches it all again after a change; report() shows a problem.
import { useCallback, useEffect, useState } from 'react';
import type { User } from '@supabase/supabase-js';
import type { ApiProblem } from '../../../lib/api-call';
import { listRoundApplications, type OfficerApplication } from '../../../lib/api/applications';
import { listPeople, type Person } from '../../../lib/api/people';
import { getReviewRecommendations, type Recommendation, type ReviewMeeting } from '../../../lib/api/review';
import { getRound, type Round } from '../../../lib/api/rounds';
import { hasReached } from '../../../lib/grants/rounds';
import { isHiddenForConflict } from '../../../lib/grants/report';
import { useProblem } from '../../ui/useProblem';

export interface OfficerRound {
  round?: Round;
  applications: OfficerApplication[];
  recommendations: Recommendation[];
  meetings: ReviewMeeting[];
  people: Person[];
  problem?: ApiProblem;
  report: (problem: ApiProblem | undefined) => void;
  reload: () => Promise<void>;
}

export function useOfficerRound(user: User | undefined, id: string): OfficerRound {
  const [round, setRound] = useState<Round>();
  const [applications, setApplications] = useState<OfficerApplication[]>([]);
  const [recommendations, setRecommendations] = useState<Recommendation[]>([]);
  const [meetings, setMeetings] = useState<ReviewMeeting[]>([]);
  const [people, setPeople] = useState<Person[]>([]);
  // Every section reloads after a change that worked, so a reload that works clears the box.
  const { problem, show, settle } = useProblem();

  const reload = useCallback(async () => {
    const r = await getRound({ p_round_id: id });
    if (!settle(r)) return;
    // Panel members may read the round itself, but only officers run it: show the database's
    // refusal rather than controls that would all be refused.
    const apps = await listRoundApplications({ p_round_id: id });
    if (!settle(apps)) return;
    setApplications(apps.data ?? []);
    setRound(r.data);
    if (hasReached(r.data.state, 'panel')) {
      const recs = await getReviewRecommendations({ p_round_id: id });
      if (recs.ok) {
        // Officers see every recommendation; none is hidden from them for a conflict.
        setRecommendations(recs.data.recommendations.filter((x): x is Recommendation => !isHiddenForConflict(x)));
        setMeetings(recs.data.meetings);
      }
    }
    const p = await listPeople({});
    if (p.ok) setPeople(p.data ?? []);
  }, [id, settle]);

  useEffect(() => {
    if (user) void reload();
  }, [user, reload]);

  return { round, applications, recommendations, meetings, people, problem, report: show, reload };
}
