// Turnout while voting and counting, as counts only: how many ballots, by which channel, per
// polling station, and how many codes were used. Nothing here says who voted, or for what.
import { useEffect, useState } from 'react';
import { pbTurnout, type PbTurnout } from '../../../lib/api/pb-officers';

export function TurnoutSection({ processId, refresh }: { processId: string; refresh: number }) {
  const [t, setT] = useState<PbTurnout>();
  useEffect(() => {
    void pbTurnout({ p_process_id: processId }).then((r) => r.ok && setT(r.data));
  }, [processId, refresh]);
  if (!t) return null;
  return (
    <section aria-labelledby="turnout-heading" data-testid="turnout">
      <h2 className="govuk-heading-m" id="turnout-heading">
        Turnout
      </h2>
      <dl className="govuk-summary-list">
        {[
          ['Ballots', `${t.ballots} (${t.online_ballots} online, ${t.paper_ballots} on paper)`],
          ['Votes changed since first sent', String(t.changed_ballots)],
          ['Voting codes used', `${t.codes_used} of ${t.codes_issued} (${t.codes_used_online} online, ${t.codes_used_paper} on paper)`],
          ['People who showed they may vote', `${t.eligible.voting_code} with a code, ${t.eligible.postcode} with a postcode`],
          ...t.stations.map((s) => [`Paper ballots at ${s.name}`, String(s.ballots)]),
        ].map(([k, v]) => (
          <div className="govuk-summary-list__row" key={k}>
            <dt className="govuk-summary-list__key">{k}</dt>
            <dd className="govuk-summary-list__value">{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
