// Scoring one application. Each question shows its guidance and what every score means beside
// the choice. Every change is kept on the device at once and saved to the server a moment later;
// if the network drops, the device copy is sent when it comes back. Submitting checks what is
// missing, then asks the member to confirm. When the database refuses (a score out of range, the
// round moved on while the page was open), its reason is shown next to the question it concerns,
// and the member's choices stay on the device and on the screen.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import { openApplicationPack, type ApplicationPack } from '../../lib/api/member';
import { getRound } from '../../lib/api/rounds';
import { saveDraftScores, submitScores } from '../../lib/api/scoring';
import { clearLocalDraft, loadLocalDraft, markDraftSent, saveLocalDraft } from '../../lib/grants/local-drafts';
import { closedBeforeSentWords } from '../../lib/grants/closed-early';
import { explainRefusal, notScoringWords, refusalErrors } from '../../lib/grants/refusals';
import {
  draftKey,
  emptySheet,
  missingScores,
  scoreProblems,
  scoresToSend,
  type Criterion,
  type ScoreSheet,
} from '../../lib/grants/scoring';
import { useOnce } from '../ui/useOnce';
import { useSignedIn } from '../ui/useSignedIn';
import { ErrorSummary, Loading, ProblemBox, queryParam, SignedInBar } from './PanelParts';
import { AskToChange, CriterionField, SaveStatus, ScoreTable, type SaveState } from './ScoreFormParts';

/** A refusal on opening the form, in the words refusals.ts gives it. */
function reworded(problem: ApiProblem): ApiProblem {
  const refusals = explainRefusal('scores', problem);
  return refusals ? { ...problem, message: refusals.map((r) => r.message).join(' '), hint: undefined } : problem;
}

export default function ScoreForm() {
  const user = useSignedIn();
  const roundId = queryParam('round') ?? '';
  const id = queryParam('id') ?? '';
  const [pack, setPack] = useState<ApplicationPack>();
  const [sheet, setSheet] = useState<ScoreSheet>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [problem, setProblem] = useState<ApiProblem>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  /** Set when the round is not being scored: the form is shown, but cannot be changed or sent. */
  const [closed, setClosed] = useState<string>();
  const [step, setStep] = useState<'form' | 'confirm' | 'done'>('form');
  const [submitting, once] = useOnce();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef<ScoreSheet>({});
  const criteriaRef = useRef<Criterion[]>([]);
  const summary = useRef<HTMLDivElement>(null);

  /** Shows the database's refusal next to what it concerns; false if it was not a refusal. */
  const showRefusal = useCallback((result: ApiProblem): boolean => {
    const refusals = explainRefusal('scores', result, criteriaRef.current);
    if (!refusals) return false;
    const stageClosed = refusals.find((r) => r.stageClosed);
    if (stageClosed) {
      clearTimeout(timer.current);
      setClosed(stageClosed.message);
    } else {
      setErrors((before) => ({ ...before, ...refusalErrors(refusals.filter((r) => r.field !== 'form')) }));
      setFormError(refusals.find((r) => r.field === 'form')?.message);
    }
    setStep('form');
    return true;
  }, []);

  const sendDraft = useCallback(async () => {
    const scores = scoresToSend(latest.current, criteriaRef.current);
    if (scores.length === 0) return;
    setSave({ kind: 'saving' });
    const result = await saveDraftScores({ p_application_id: id, p_scores: scores });
    if (result.ok) {
      markDraftSent(draftKey(id));
      setSave({ kind: 'saved', at: new Date() });
    } else if (result.offline) setSave({ kind: 'offline' });
    else if (result.signedOut) setProblem(result);
    else if (showRefusal(result))
      setSave({ kind: 'failed', message: 'see "There is a problem" at the top of the form. Your scores are kept on this device.' });
    else setSave({ kind: 'failed', message: result.message });
  }, [id, showRefusal]);

  useEffect(() => {
    if (!user) return;
    void Promise.all([openApplicationPack({ p_application_id: id }), getRound({ p_round_id: roundId })]).then(([result, round]) => {
      if (!result.ok) return setProblem(reworded(result));
      const p = result.data;
      const fromServer = emptySheet(p.criteria);
      for (const s of p.my_scores ?? []) fromServer[s.criterion_id] = { score: s.score, comment: s.comment ?? '' };
      const submitted = Boolean(p.my_submission?.submitted_at);
      const local = loadLocalDraft<ScoreSheet>(draftKey(id));
      const start = local?.pending && !submitted ? { ...fromServer, ...local.value } : fromServer;
      criteriaRef.current = p.criteria;
      latest.current = start;
      setSheet(start);
      setPack(p);
      // Without the round (a link missing it) the form carries on: the database still decides.
      const open = !round.ok || round.data.state === 'scoring';
      if (submitted) setStep('done');
      else if (round.ok && !open) {
        // Scores saved here or on this device but never sent: say why they can no longer be sent.
        const saved = (p.my_scores ?? []).length > 0 || Boolean(local?.pending);
        setClosed(
          closedBeforeSentWords(round.data, saved ? 1 : 0, Boolean(local?.pending)) ??
            notScoringWords(round.data.state, Boolean(local?.pending)),
        );
      }
      if (local?.pending && !submitted && open) void sendDraft();
    });
  }, [user, id, roundId, sendDraft]);

  useEffect(() => {
    const retry = () => void sendDraft();
    addEventListener('online', retry);
    return () => removeEventListener('online', retry);
  }, [sendDraft]);

  const change = (criterionId: string, entry: ScoreSheet[string]) => {
    const next = { ...latest.current, [criterionId]: entry };
    latest.current = next;
    setSheet(next);
    saveLocalDraft(draftKey(id), next);
    if (errors[criterionId] && entry.score !== null) setErrors(({ [criterionId]: _, ...rest }) => rest);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void sendDraft(), 700);
  };

  const check = () => {
    const found = scoreProblems(pack!.criteria, sheet);
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length === 0) {
      setStep('confirm');
      setTimeout(() => summary.current?.focus());
    }
  };

  const submit = async () => {
    clearTimeout(timer.current);
    const result = await submitScores({ p_application_id: id, p_scores: scoresToSend(latest.current, criteriaRef.current) });
    if (!result.ok) {
      if (result.offline) setSave({ kind: 'offline' });
      if (!showRefusal(result)) setProblem(result);
      return;
    }
    clearLocalDraft(draftKey(id));
    setProblem(undefined);
    setStep('done');
  };

  if (!user) return <Loading>Checking you are signed in…</Loading>;
  const criteria = pack?.criteria ?? [];
  const scored = criteria.length - missingScores(criteria, sheet).length;
  const fieldErrors = criteria.filter((c) => errors[c.id]).map((c) => ({ href: `#criterion-${c.id}`, message: errors[c.id]! }));
  return (
    <div data-testid="score-form">
      <SignedInBar email={user.email} back={{ href: `/panel/application/?round=${roundId}&id=${id}`, label: 'Back to the application' }} />
      {problem && <ProblemBox problem={problem} title={problem.offline ? 'No connection' : 'There is a problem'} />}
      {!pack && !problem && <Loading>Loading the scoring form…</Loading>}
      {pack && (
        <>
          <span className="govuk-caption-l">
            {pack.organisation_name} · {pack.reference}
          </span>
          <h1 className="govuk-heading-l">
            {step === 'done' ? 'Your scores' : step === 'confirm' ? 'Check your scores' : `Score: ${pack.project_title}`}
          </h1>
          {step === 'done' && (
            <>
              <div className="govuk-panel-lite" role="status">
                <p className="govuk-body-l">
                  <strong>Your scores are submitted.</strong> Thank you.
                </p>
              </div>
              <ScoreTable criteria={criteria} sheet={sheet} />
              <AskToChange applicationId={id} requested={Boolean(pack.my_submission?.reopen_requested_at)} />
              <p className="govuk-body">
                <a className="govuk-link" href={`/panel/round/?id=${roundId}`}>
                  Back to the list of applications
                </a>
              </p>
            </>
          )}
          {step === 'confirm' && (
            <div ref={summary} tabIndex={-1}>
              <p className="govuk-body">Once you submit, you cannot change your scores unless you ask the chair or the grants officer.</p>
              <ScoreTable criteria={criteria} sheet={sheet} />
              <button type="button" className="govuk-button" aria-disabled={submitting || undefined} onClick={() => void once(submit)}>
                Submit my scores
              </button>{' '}
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setStep('form')}>
                Change my scores
              </button>
              <SaveStatus state={save} />
            </div>
          )}
          {step === 'form' && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (!closed) check();
              }}
              noValidate
            >
              <ErrorSummary
                title={closed ? 'You cannot change these scores now' : 'There is a problem'}
                intro={closed ?? formError}
                items={closed ? [] : fieldErrors}
              />
              <p className="govuk-body" data-testid="criteria-progress">
                <strong>
                  {scored} of {criteria.length} questions scored.
                </strong>
              </p>
              {!closed && <SaveStatus state={save} />}
              {/* Closed: the choices are shown as text (greyed-out controls would be hard to read). */}
              {closed ? (
                <div data-testid="kept-scores">
                  <h2 className="govuk-heading-m">The scores you chose</h2>
                  <ScoreTable criteria={criteria} sheet={sheet} />
                </div>
              ) : (
                criteria.map((c, i) => (
                  <CriterionField
                    key={c.id}
                    criterion={c}
                    n={i + 1}
                    total={criteria.length}
                    entry={sheet[c.id] ?? { score: null, comment: '' }}
                    error={errors[c.id]}
                    disabled={false}
                    onChange={(entry) => change(c.id, entry)}
                  />
                ))
              )}
              {closed ? (
                <p className="govuk-body">
                  <a className="govuk-link" href={`/panel/round/?id=${roundId}`}>
                    Back to the list of applications
                  </a>
                </p>
              ) : (
                <button type="submit" className="govuk-button">
                  Check and submit
                </button>
              )}
            </form>
          )}
        </>
      )}
    </div>
  );
}
