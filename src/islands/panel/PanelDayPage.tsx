// The panel day, for the chair, the clerk and officers: everyone's progress (who has scored what,
// never the values while scoring is on); after scoring closes, the results with community and
// councillor means side by side; recording each recommendation; the report. The data comes
// from usePanelDayRound; the parts are in ./panel-day/.
import { scoresShown, STATE_WORDS } from '../../lib/grants/rounds';
import { useSignedIn } from '../ui/useSignedIn';
import { ProgressBoard } from './panel-day/ProgressBoard';
import { ResultsTable } from './panel-day/ResultsTable';
import { usePanelDayRound } from './panel-day/usePanelDayRound';
import { Loading, ProblemBox, queryParam, SignedInBar } from './PanelParts';

export default function PanelDayPage() {
  const user = useSignedIn();
  const roundId = queryParam('round') ?? '';
  const { round, progress, results, recommendations, problem, reload } = usePanelDayRound(user, roundId);

  if (!user) return <Loading>Checking you are signed in…</Loading>;
  // Recommendations are recorded at the panel meeting only (the database refuses them later).
  const leads = round?.my_membership?.role !== 'member';
  const canRecord = leads && round?.state === 'panel';
  return (
    <div data-testid="panel-day-page">
      <SignedInBar email={user.email} back={{ href: '/panel/', label: 'Back to your rounds' }} />
      {problem && <ProblemBox problem={problem} />}
      {!round && !problem && <Loading>Loading the round…</Loading>}
      {round && (
        <>
          <span className="govuk-caption-l">{round.fund.name}</span>
          <h1 className="govuk-heading-l">Panel day: {round.title}</h1>
          <p className="govuk-body">
            Where it is: <strong>{STATE_WORDS[round.state]}</strong>
          </p>
          {scoresShown(round.state) && (
            <p className="govuk-body">
              <a className="govuk-button govuk-button--secondary" href={`/panel/report/?round=${roundId}`}>
                Recommendations report (print or download)
              </a>
            </p>
          )}
          {progress && <ProgressBoard progress={progress} onChanged={reload} />}
          {results && leads && round.state !== 'panel' && (
            <p className="govuk-body" data-testid="recording-closed">
              The panel meeting is over, so recommendations cannot be recorded or changed here. If one needs to change, talk to the grants
              officer.
            </p>
          )}
          {results && (
            <ResultsTable
              results={results}
              recommendations={recommendations}
              budget={round.fund.budget}
              canRecord={canRecord}
              onRecorded={reload}
            />
          )}
          {!scoresShown(round.state) && <p className="govuk-body">The results appear here when scoring closes.</p>}
        </>
      )}
    </div>
  );
}
