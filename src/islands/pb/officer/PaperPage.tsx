// /budgeting/officer/paper/?id=: polling stations with their subtotals and the paper-ballot entry.
import { useCallback, useEffect, useState } from 'react';
import { pbOfficerProposals, pbStations, type PbOfficerProposal, type PbStation } from '../../../lib/api/pb-officers';
import { isPhaseFrom } from '../../../lib/pb/phases';
import { Loading } from '../../panel/PanelParts';
import { OfficerFrame } from './OfficerFrame';
import { PaperEntry } from './PaperEntry';
import { StationsSection } from './StationsSection';
import { useOfficerProcess } from './useOfficerProcess';

export default function PaperPage() {
  const data = useOfficerProcess();
  const { process } = data;
  const [stations, setStations] = useState<PbStation[]>();
  const [projects, setProjects] = useState<PbOfficerProposal[]>([]);
  const load = useCallback(async () => {
    const [s, p] = await Promise.all([
      pbStations({ p_process_id: data.id }),
      pbOfficerProposals({ p_process_id: data.id, p_status: 'shortlisted', p_page_size: 100 }),
    ]);
    if (s.ok) setStations(s.data);
    if (p.ok) setProjects(p.data.proposals);
  }, [data.id]);
  useEffect(() => {
    if (process) void load();
  }, [process, load]);
  const entering = process && (process.phase === 'voting' || process.phase === 'counting');
  return (
    <OfficerFrame data={data} page="paper" heading="Paper ballots">
      {process && !stations && <Loading>Loading the polling stations…</Loading>}
      {process && stations && (
        <>
          {entering && stations.length > 0 && (
            <PaperEntry
              process={process}
              stations={stations}
              projects={projects}
              onEntered={(id, n) => setStations(stations.map((s) => (s.id === id ? { ...s, ballots: n } : s)))}
            />
          )}
          {!entering && (
            <p className="govuk-body">
              {isPhaseFrom(process.phase, 'results')
                ? 'The results are published, so no more paper ballots can be entered.'
                : 'Paper ballots are entered once voting opens, until the votes are counted.'}
            </p>
          )}
          {entering && stations.length === 0 && <p className="govuk-body">Add a polling station before entering paper ballots.</p>}
          <StationsSection
            processId={process.id}
            stations={stations}
            canAdd={!isPhaseFrom(process.phase, 'counting')}
            onAdded={(s) => setStations([...stations, s])}
          />
        </>
      )}
    </OfficerFrame>
  );
}
