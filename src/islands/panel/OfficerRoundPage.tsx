// A round for grants officers: where it is on its path, moving it on (each move's conditions in
// plain words, and the database's reason if it refuses), the scoring questions, applications,
// panel and reviewers, the Cabinet's decisions and publishing. The data comes from
// useOfficerRound; each section is its own file in ./officer/.
import { ROUND_STATES, STATE_WORDS, type RoundState } from '../../lib/grants/rounds';
import { useSignedIn } from '../ui/useSignedIn';
import { ApplicationDatesSection } from './officer/ApplicationDatesSection';
import { ApplicationsSection } from './officer/ApplicationsSection';
import { CriteriaSection } from './officer/CriteriaSection';
import { DecisionsSection } from './officer/DecisionsSection';
import { MembersSection } from './officer/MembersSection';
import { MoveSection } from './officer/MoveSection';
import { OnlineApplicationsSection } from './officer/OnlineApplicationsSection';
import { ReviewersSection } from './officer/ReviewersSection';
import { ReviewMeetingsSection } from './officer/ReviewMeetingsSection';
import { useOfficerRound } from './officer/useOfficerRound';
import { Loading, ProblemBox, queryParam, SignedInBar } from './PanelParts';

const SETTING_UP: RoundState[] = ['draft', 'open', 'closed'];

export default function OfficerRoundPage() {
  const user = useSignedIn();
  const id = queryParam('id') ?? '';
  const { round, applications, recommendations, meetings, people, problem, report, reload } = useOfficerRound(user, id);
  const changed = () => void reload();

  if (!user) return <Loading>Checking you are signed in…</Loading>;
  return (
    <div data-testid="officer-round">
      <SignedInBar email={user.email} back={{ href: '/panel/', label: 'Back to your rounds' }} />
      {problem && <ProblemBox problem={problem} title="That did not work" />}
      {!round && !problem && <Loading>Loading the round…</Loading>}
      {round && (
        <>
          <span className="govuk-caption-l">{round.fund.name}</span>
          <h1 className="govuk-heading-l">{round.title}</h1>
          <ol className="wt-path" aria-label="Where this round is">
            {ROUND_STATES.map((s, i) => {
              const at = ROUND_STATES.indexOf(round.state);
              return (
                <li
                  key={s}
                  className={`wt-path__step wt-path__step--${i < at ? 'done' : i === at ? 'now' : 'next'}`}
                  aria-current={i === at ? 'step' : undefined}
                >
                  {STATE_WORDS[s]}
                </li>
              );
            })}
          </ol>
          <MoveSection round={round} onProblem={report} onMoved={reload} />
          <ApplicationDatesSection round={round} onSaved={changed} />
          <CriteriaSection roundId={id} criteria={round.criteria} canEdit={SETTING_UP.includes(round.state)} onChanged={changed} />
          <ApplicationsSection
            roundId={id}
            applications={applications}
            canAdd={SETTING_UP.includes(round.state)}
            canSummarise={SETTING_UP.includes(round.state)}
            onChanged={changed}
          />
          <OnlineApplicationsSection roundId={id} canAsk={SETTING_UP.includes(round.state)} changedAt={applications} />
          {round.members && <MembersSection roundId={id} members={round.members} people={people} onChanged={changed} />}
          <ReviewersSection roundId={id} reviewers={round.reviewers} people={people} onProblem={report} onChanged={reload} />
          {['recommended', 'decided', 'published'].includes(round.state) && (
            <ReviewMeetingsSection roundId={id} meetings={meetings} canAdd={round.state === 'recommended'} onAdded={changed} />
          )}
          {recommendations.length > 0 && (
            <DecisionsSection
              roundId={id}
              recommendations={recommendations}
              budget={round.fund.budget}
              canDecide={round.state === 'recommended'}
              onSaved={changed}
            />
          )}
        </>
      )}
    </div>
  );
}
