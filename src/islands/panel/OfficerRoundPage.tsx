// A round for grants officers: where it is on its path, moving it on (each move's conditions in
// plain words, and the database's reason if it refuses), reviewers, the Cabinet's decisions and
// publishing.
import { useCallback, useEffect, useState } from 'react';
import { callApi, type ApiProblem } from '../../lib/api-call';
import { OUTCOME_WORDS, type ReportRecommendation } from '../../lib/panel/report';
import { hasReached, ROUND_STATES, STATE_WORDS, type RoundState } from '../../lib/panel/rounds';
import { useOnce } from '../ui/useOnce';
import { useSignedIn } from '../ui/useSignedIn';
import type { Criterion } from '../../lib/panel/scoring';
import { FieldError, Loading, money, ProblemBox, queryParam, SignedInBar } from './PanelParts';
import { ApplicationsSection, type OfficerApplication } from './officer/ApplicationsSection';
import { CriteriaSection } from './officer/CriteriaSection';
import { CabinetDecision } from './officer/CabinetDecision';
import { MembersSection, type Member } from './officer/MembersSection';
import { ReviewMeetingsSection, type ReviewMeeting } from './officer/ReviewMeetingsSection';
import { useKeptForm } from './officer/useKeptForm';

type Item = ReportRecommendation & { cabinet_decision: { decision: string; amount: number | null; decided_on: string; minute_reference: string } | null };
interface Round {
  id: string; title: string; state: RoundState; fund: { name: string };
  criteria: Criterion[]; members?: Member[]; reviewers?: { person_id: string; display_name: string }[];
}
const SETTING_UP: RoundState[] = ['draft', 'open', 'closed'];

const NEXT_NEEDS: Partial<Record<RoundState, string>> = {
  draft: 'Opening needs at least one scoring question.',
  open: 'Closing stops new applications.',
  closed: 'Scoring needs applications, a plain-English summary for each, and panel members.',
  scoring: 'The panel meeting should wait until every member has submitted their scores. If it cannot wait, give a reason: it is recorded.',
  panel: 'Sending to review needs the panel\u2019s recommendation for every application.',
  recommended: 'Marking it decided needs the Cabinet\u2019s decision for every application.',
  decided: 'Publishing shows the awards on the public website, with 360Giving data.',
};

export default function OfficerRoundPage() {
  const user = useSignedIn();
  const id = queryParam('id') ?? '';
  const [round, setRound] = useState<Round>();
  const [items, setItems] = useState<Item[]>([]);
  const [problem, setProblem] = useState<ApiProblem>();
  const [moved, setMoved] = useState<string>();
  const [kept, setKept, forgetKept] = useKeptForm(`force-reason:${id}`, () => ({ forceReason: '' }));
  const [meetings, setMeetings] = useState<ReviewMeeting[]>([]);
  const [moving, onceMove] = useOnce();
  const [adding, onceAdd] = useOnce();
  const [people, setPeople] = useState<{ id: string; display_name: string }[]>([]);
  const [reviewer, setReviewer] = useState('');
  const [reviewerError, setReviewerError] = useState<string>();
  const [applications, setApplications] = useState<OfficerApplication[]>([]);

  const load = useCallback(async () => {
    const r = await callApi<Round>('get_round', { p_round_id: id });
    if (!r.ok) return setProblem(r);
    // Panel members may read the round itself, but only officers run it: show the database's
    // refusal rather than controls that would all be refused.
    const apps = await callApi<OfficerApplication[]>('round_applications', { p_round_id: id });
    if (!apps.ok) return setProblem(apps);
    setApplications(apps.data ?? []);
    setRound(r.data);
    if (hasReached(r.data.state, 'panel')) {
      const recs = await callApi<{ recommendations: Item[]; meetings: ReviewMeeting[] }>('review_recommendations', { p_round_id: id });
      if (recs.ok) {
        setItems(recs.data.recommendations);
        setMeetings(recs.data.meetings);
      }
    }
    const p = await callApi<{ id: string; display_name: string }[]>('list_people', {});
    if (p.ok) setPeople(p.data ?? []);
  }, [id]);

  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  const next = round ? ROUND_STATES[ROUND_STATES.indexOf(round.state) + 1] : undefined;
  // Moving on and publishing change what everyone sees: one press, one move.
  const move = () => onceMove(async () => {
    setMoved(undefined);
    const result = await callApi<{ state: RoundState }>('move_round', { p_round_id: id, p_to: next, p_force_reason: kept.forceReason.trim() || null });
    if (!result.ok) return setProblem(result);
    setProblem(undefined);
    forgetKept();
    setMoved(`The round is now at: ${STATE_WORDS[next!]}.`);
    await load();
  });
  const addReviewer = () => onceAdd(async () => {
    if (!reviewer) return setReviewerError('Choose a councillor to add');
    setReviewerError(undefined);
    const result = await callApi('add_reviewer', { p_round_id: id, p_person_id: reviewer }, 'form');
    if (!result.ok) return setProblem(result);
    setProblem(undefined);
    setReviewer('');
    await load();
  });

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
              return <li key={s} className={`wt-path__step wt-path__step--${i < at ? 'done' : i === at ? 'now' : 'next'}`} aria-current={i === at ? 'step' : undefined}>{STATE_WORDS[s]}</li>;
            })}
          </ol>
          <p className="govuk-body" role="status">{moved}</p>
          {next && (
            <section aria-labelledby="move-heading" className="wt-move">
              <h2 className="govuk-heading-m" id="move-heading">Next: {STATE_WORDS[next]}</h2>
              <p className="govuk-body">{NEXT_NEEDS[round.state]}</p>
              {round.state === 'scoring' && (
                <div className="govuk-form-group">
                  <label className="govuk-label" htmlFor="force-reason">Reason to move on before everyone has submitted (only if needed)</label>
                  <textarea className="govuk-textarea" id="force-reason" rows={2} value={kept.forceReason} onChange={(e) => setKept({ forceReason: e.target.value })} />
                </div>
              )}
              <button type="button" className="govuk-button" aria-disabled={moving || undefined} onClick={() => void move()}>{next === 'published' ? 'Publish the awards' : `Move to: ${STATE_WORDS[next]}`}</button>
            </section>
          )}
          <CriteriaSection roundId={id} criteria={round.criteria} canEdit={SETTING_UP.includes(round.state)} onChanged={() => void load()} />
          <ApplicationsSection roundId={id} applications={applications} canAdd={SETTING_UP.includes(round.state)} canSummarise={SETTING_UP.includes(round.state)} onChanged={() => void load()} />
          {round.members && <MembersSection roundId={id} members={round.members} people={people} onChanged={() => void load()} />}
          <section aria-labelledby="reviewers-heading">
            <h2 className="govuk-heading-m" id="reviewers-heading">Councillors reviewing the recommendations</h2>
            {round.reviewers?.length ? <ul className="govuk-list govuk-list--bullet">{round.reviewers.map((r) => <li key={r.person_id}>{r.display_name}</li>)}</ul> : <p className="govuk-body">None yet.</p>}
            {people.length > 0 && (
              <div className={`govuk-form-group${reviewerError ? ' govuk-form-group--error' : ''}`}>
                <label className="govuk-label" htmlFor="add-reviewer">Add a reviewing councillor</label>
                <FieldError id="add-reviewer-error" message={reviewerError} />
                <select className="govuk-select" id="add-reviewer" value={reviewer} onChange={(e) => setReviewer(e.target.value)} aria-describedby={reviewerError ? 'add-reviewer-error' : undefined}>
                  <option value="">Choose a person</option>
                  {people.map((p) => <option key={p.id} value={p.id}>{p.display_name}</option>)}
                </select>{' '}
                <button type="button" className="govuk-button govuk-button--secondary" aria-disabled={adding || undefined} onClick={() => void addReviewer()}>Add</button>
              </div>
            )}
          </section>
          {['recommended', 'decided', 'published'].includes(round.state) && (
            <ReviewMeetingsSection roundId={id} meetings={meetings} canAdd={round.state === 'recommended'} onAdded={() => void load()} />
          )}
          {items.length > 0 && (
            <section aria-labelledby="decisions-heading">
              <h2 className="govuk-heading-m" id="decisions-heading">Recommendations and the Cabinet's decisions</h2>
              {items.map((item) => (
                <div className="wt-review" key={item.application_id} data-reference={item.reference}>
                  <h3 className="govuk-heading-s">{item.project_title} <span className="govuk-body-s">({item.organisation_name}, {item.reference})</span></h3>
                  <p className="govuk-body">Panel: {item.outcome ? `${OUTCOME_WORDS[item.outcome]}${item.amount ? ` ${money(item.amount)}` : ''}` : 'no recommendation yet'}</p>
                  {item.cabinet_decision
                    ? <p className="govuk-body"><strong>Cabinet: {item.cabinet_decision.decision === 'award' ? `award ${money(item.cabinet_decision.amount ?? 0)}` : 'do not award'}</strong> (minute {item.cabinet_decision.minute_reference})</p>
                    : round.state === 'recommended' && <CabinetDecision item={item} onSaved={() => void load()} />}
                </div>
              ))}
            </section>
          )}
        </>
      )}
    </div>
  );
}
