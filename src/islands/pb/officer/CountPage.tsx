// /budgeting/officer/count/?id=: turnout while voting, closing the vote, counting with progress,
// the preview of the result and publishing it; once published, where the public sees it.
import { useState } from 'react';
import { isPhaseFrom } from '../../../lib/pb/phases';
import { CountSection } from './CountSection';
import { OfficerFrame } from './OfficerFrame';
import { PhaseMove } from './PhaseMove';
import { TurnoutSection } from './TurnoutSection';
import { useOfficerProcess } from './useOfficerProcess';

export default function CountPage() {
  const data = useOfficerProcess();
  const { process, set } = data;
  const [refresh, setRefresh] = useState(0);
  return (
    <OfficerFrame data={data} page="count" heading="Turnout, count and results">
      {process && (
        <>
          {!isPhaseFrom(process.phase, 'voting') && <p className="govuk-body">Turnout and the count appear here once voting opens.</p>}
          {isPhaseFrom(process.phase, 'voting') && <TurnoutSection processId={process.id} refresh={refresh} />}
          <PhaseMove
            process={process}
            only={['counting', 'results']}
            onMoved={(p) => {
              set(p);
              setRefresh((n) => n + 1);
            }}
          />
          {isPhaseFrom(process.phase, 'counting') && (
            <CountSection key={process.phase} process={process} onCounted={() => setRefresh((n) => n + 1)} />
          )}
          {process.phase === 'results' && (
            <p className="govuk-body">
              <a className="govuk-link" href={`/budgeting/results/?p=${encodeURIComponent(process.slug)}`} data-testid="public-results">
                See the published results as residents do
              </a>
            </p>
          )}
        </>
      )}
    </OfficerFrame>
  );
}
