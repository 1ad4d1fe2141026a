// For councillors reviewing a round before the Cabinet: where the round is on its path (the
// review meetings officers have recorded so far, then Cabinet), each
// recommendation with the panel's reasons, the comments so far, and a box to add theirs.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import {
  addReviewComment,
  getReviewRecommendations,
  type Recommendation,
  type ReviewMeeting,
  type ReviewRecommendations,
} from '../../lib/api/review';
import { getRound, type Round } from '../../lib/api/rounds';
import { longDate } from '../../lib/dates';
import { explainRefusal } from '../../lib/grants/refusals';
import { HIDDEN_FOR_CONFLICT_WORDS, isHiddenForConflict, OUTCOME_WORDS } from '../../lib/grants/report';
import { hasReached, ROUND_STATES, STATE_WORDS, type RoundState } from '../../lib/grants/rounds';
import { useOnce } from '../ui/useOnce';
import { useSignedIn } from '../ui/useSignedIn';
import { Select } from '../ui/Select';
import { Textarea } from '../ui/Textarea';
import { ErrorSummary, Loading, money, ProblemBox, queryParam, SignedInBar } from './PanelParts';
import { useKeptDraft } from './useKeptDraft';

const PATH: RoundState[] = ROUND_STATES.filter((s) => hasReached(s, 'panel'));
const PATH_WORDS: Partial<Record<RoundState, string>> = {
  panel: 'Panel meeting',
  recommended: 'Review meetings',
  decided: 'Cabinet decision',
  published: 'Published',
};

function Path({ state, meetings }: { state: RoundState; meetings: ReviewMeeting[] }) {
  const at = ROUND_STATES.indexOf(state);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <ol className="wt-path" aria-label="Where this round is">
      {PATH.map((s) => {
        const i = ROUND_STATES.indexOf(s);
        const status = i < at ? 'done' : i === at ? 'now' : 'next';
        return (
          <li key={s} className={`wt-path__step wt-path__step--${status}`} aria-current={status === 'now' ? 'step' : undefined}>
            <strong>{PATH_WORDS[s]}</strong>{' '}
            <span className="govuk-body-s">({status === 'done' ? 'done' : status === 'now' ? 'now' : 'to come'})</span>
            {s === 'recommended' &&
              (meetings.length === 0 ? (
                <p className="govuk-body-s">No review meetings recorded yet.</p>
              ) : (
                <ol className="govuk-list govuk-body-s" data-testid="review-meetings">
                  {meetings.map((m) => (
                    <li key={m.id}>
                      {m.title}, {longDate(m.meeting_date)}
                      {m.meeting_date > today ? ' (to come)' : ''}
                      {m.notes && (
                        <>
                          <br />
                          {m.notes}
                        </>
                      )}
                    </li>
                  ))}
                </ol>
              ))}
          </li>
        );
      })}
    </ol>
  );
}

function CommentBox({ item, meetings, onSaved }: { item: Recommendation; meetings: ReviewMeeting[]; onSaved: () => void }) {
  // Kept on the device as typed, so a session ending before "Add" loses nothing.
  const kept = useKeptDraft(`comment:${item.application_id}`, { text: '', meeting: '' });
  const { text, meeting } = kept.value;
  const setText = (v: string) => kept.update({ text: v });
  const setMeeting = (v: string) => kept.update({ meeting: v });
  const [error, setError] = useState<string>();
  const [meetingError, setMeetingError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  /** The database refused: its reasons go in a summary too (the screen's own check needs none). */
  const [refused, setRefused] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, once] = useOnce();
  const id = `comment-${item.reference}`;
  const submit = async () => {
    setMeetingError(undefined);
    setFormError(undefined);
    setProblem(undefined);
    setRefused(false);
    if (!text.trim()) return setError('Write your comment first');
    setError(undefined);
    const saved = await addReviewComment({ p_application_id: item.application_id, p_comment: text, p_meeting_id: meeting || null });
    if (saved.ok) {
      kept.forget();
      return onSaved();
    }
    // Refused: the comment stays in the box, with the reason next to the field it concerns.
    const refusals = explainRefusal('comment', saved);
    if (!refusals) return setProblem(saved);
    setError(refusals.find((r) => r.field === 'comment')?.message);
    setMeetingError(refusals.find((r) => r.field === 'meeting')?.message);
    setFormError(refusals.find((r) => r.field === 'form')?.message);
    setRefused(true);
  };
  const items = [error && { href: `#${id}`, message: error }, meetingError && { href: `#${id}-meeting`, message: meetingError }].filter(
    (x) => !!x,
  );
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void once(submit);
      }}
      noValidate
    >
      {problem && <ProblemBox problem={problem} />}
      {refused && <ErrorSummary heading="h3" intro={formError} items={items} />}
      <Textarea
        id={id}
        label={`Your comment on ${item.project_title}`}
        labelSize="s"
        rows={3}
        error={error}
        value={text}
        onChange={setText}
      />
      {meetings.length > 0 && (
        <Select id={`${id}-meeting`} label="Made at which meeting? (optional)" error={meetingError} value={meeting} onChange={setMeeting}>
          <option value="">Not at a meeting</option>
          {meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </Select>
      )}
      <button type="submit" className="govuk-button govuk-button--secondary" aria-disabled={busy || undefined}>
        Add your comment
      </button>
    </form>
  );
}

export default function ReviewPage() {
  const user = useSignedIn();
  const roundId = queryParam('round') ?? '';
  const [round, setRound] = useState<Round>();
  const [data, setData] = useState<ReviewRecommendations>();
  const [problem, setProblem] = useState<ApiProblem>();

  const load = useCallback(async () => {
    const [r, recs] = await Promise.all([getRound({ p_round_id: roundId }), getReviewRecommendations({ p_round_id: roundId })]);
    if (!r.ok) return setProblem(r);
    setRound(r.data);
    if (recs.ok) setData(recs.data);
    else setProblem(recs);
  }, [roundId]);

  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  if (!user) return <Loading>Checking you are signed in…</Loading>;
  return (
    <div data-testid="review-page">
      <SignedInBar email={user.email} back={{ href: '/panel/', label: 'Back to your rounds' }} />
      {problem && <ProblemBox problem={problem} />}
      {!round && !problem && <Loading>Loading the recommendations…</Loading>}
      {round && (
        <>
          <span className="govuk-caption-l">{round.fund.name}</span>
          <h1 className="govuk-heading-l">Review: {round.title}</h1>
          <p className="govuk-body">
            Where it is: <strong>{STATE_WORDS[round.state]}</strong>
          </p>
          {data && <Path state={round.state} meetings={data.meetings} />}
          {data?.recommendations.map((item) =>
            isHiddenForConflict(item) ? (
              <section className="wt-review" key={item.application_id} aria-labelledby={`rev-${item.reference}`}>
                <h2 className="govuk-heading-m" id={`rev-${item.reference}`}>
                  {item.project_title}
                </h2>
                <p className="govuk-body">
                  {item.organisation_name} · {item.reference}
                </p>
                <p className="govuk-body">
                  {HIDDEN_FOR_CONFLICT_WORDS} as a member of its panel, so its recommendation and comments are not shown to you.
                </p>
              </section>
            ) : (
              <section className="wt-review" key={item.application_id} aria-labelledby={`rev-${item.reference}`}>
                <h2 className="govuk-heading-m" id={`rev-${item.reference}`}>
                  {item.project_title}
                </h2>
                <p className="govuk-body">
                  {item.organisation_name} · {item.reference} · asked for {money(item.amount_requested)}
                </p>
                <p className="govuk-body">
                  <strong>
                    The panel recommends:{' '}
                    {item.outcome ? `${OUTCOME_WORDS[item.outcome]}${item.amount ? `, ${money(item.amount)}` : ''}` : 'not recorded'}
                  </strong>
                </p>
                {item.conditions && <p className="govuk-body">Conditions: {item.conditions}</p>}
                {item.reasons && <p className="govuk-body">Why: {item.reasons}</p>}
                {item.cabinet_decision && (
                  <p className="govuk-body">
                    Cabinet decided on {longDate(item.cabinet_decision.decided_on)}:{' '}
                    <strong>
                      {item.cabinet_decision.decision === 'award' ? `award ${money(item.cabinet_decision.amount ?? 0)}` : 'not to award'}
                    </strong>
                  </p>
                )}
                <h3 className="govuk-heading-s">Councillors' comments</h3>
                {item.comments.length === 0 ? (
                  <p className="govuk-body">No comments yet.</p>
                ) : (
                  <ul className="govuk-list">
                    {item.comments.map((c) => (
                      <li key={c.id}>
                        <strong>{c.display_name}</strong>
                        {c.meeting_title ? ` (${c.meeting_title})` : ''}: {c.comment}
                      </li>
                    ))}
                  </ul>
                )}
                {round.state === 'recommended' && <CommentBox item={item} meetings={data.meetings} onSaved={() => void load()} />}
              </section>
            ),
          )}
        </>
      )}
    </div>
  );
}
