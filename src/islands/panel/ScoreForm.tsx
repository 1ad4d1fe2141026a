// Scoring one application. Each question shows its guidance and what every score means beside
// the choice. Every change is kept on the device at once and saved to the server a moment later;
// if the network drops, the device copy is sent when it comes back. Submitting checks what is
// missing, then asks the member to confirm.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { callApi, type ApiProblem } from '../../lib/api-call';
import { clearLocalDraft, loadLocalDraft, markDraftSent, saveLocalDraft } from '../../lib/panel/local-drafts';
import { draftKey, emptySheet, missingScores, scoresToSend, type Criterion, type ScoreSheet } from '../../lib/panel/scoring';
import { useSignedIn } from '../ui/useSignedIn';
import { Loading, ProblemBox, queryParam, SignedInBar } from './PanelParts';

interface Pack {
  id: string;
  reference: string;
  organisation_name: string;
  project_title: string;
  criteria: Criterion[];
  my_scores: { criterion_id: string; score: number; comment: string | null }[];
  my_submission: { submitted_at: string | null; reopen_requested_at: string | null } | null;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'offline' } | { kind: 'failed'; message: string };

const time = (d: Date) => d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saving' ? 'Saving…'
    : state.kind === 'saved' ? `Draft saved at ${time(state.at)}.`
    : state.kind === 'offline' ? 'Not saved to the server yet: there is no connection. Your scores are kept on this device and will be sent when you are back online.'
    : state.kind === 'failed' ? `Not saved to the server: ${state.message}`
    : 'Your scores are saved as you go.';
  return <p className={`govuk-body-s wt-save-status wt-save-status--${state.kind}`} role="status" data-testid="save-status">{text}</p>;
}

function CriterionField({ criterion, n, total, entry, error, onChange, disabled }: {
  criterion: Criterion; n: number; total: number; entry: ScoreSheet[string]; error?: string; disabled: boolean;
  onChange: (next: ScoreSheet[string]) => void;
}) {
  const base = `criterion-${criterion.id}`;
  return (
    <div className={`govuk-form-group wt-criterion${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={`${base}-guidance${error ? ` ${base}-error` : ''}`}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <span className="govuk-caption-m">Question {n} of {total}</span>
          <h2 className="govuk-fieldset__heading">{criterion.title}</h2>
        </legend>
        <div className="govuk-hint" id={`${base}-guidance`}>{criterion.guidance}</div>
        {error && <p className="govuk-error-message" id={`${base}-error`}><span className="govuk-visually-hidden">Error:</span> {error}</p>}
        <div className="govuk-radios">
          {criterion.descriptors.map((descriptor, score) => (
            <div className="govuk-radios__item" key={score}>
              <input className="govuk-radios__input" id={score === 0 ? base : `${base}-${score}`} name={base} type="radio" value={score}
                checked={entry.score === score} disabled={disabled} onChange={() => onChange({ ...entry, score })} aria-describedby={`${base}-${score}-hint`} />
              <label className="govuk-label govuk-radios__label" htmlFor={score === 0 ? base : `${base}-${score}`}><strong>{score}</strong> out of {criterion.maximum}</label>
              <div className="govuk-hint govuk-radios__hint" id={`${base}-${score}-hint`}>{descriptor}</div>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="govuk-form-group wt-criterion__comment">
        <label className="govuk-label" htmlFor={`${base}-comment`}>Your comment on "{criterion.title}" (optional)</label>
        <textarea className="govuk-textarea" id={`${base}-comment`} rows={3} maxLength={2000} value={entry.comment} disabled={disabled}
          onChange={(e) => onChange({ ...entry, comment: e.target.value })} />
      </div>
    </div>
  );
}

export default function ScoreForm() {
  const user = useSignedIn();
  const roundId = queryParam('round') ?? '';
  const id = queryParam('id') ?? '';
  const [pack, setPack] = useState<Pack>();
  const [sheet, setSheet] = useState<ScoreSheet>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [problem, setProblem] = useState<ApiProblem>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [step, setStep] = useState<'form' | 'confirm' | 'done'>('form');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef<ScoreSheet>({});
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!user) return;
    void callApi<Pack>('open_application_pack', { p_application_id: id }).then((result) => {
      if (!result.ok) return setProblem(result);
      const p = result.data;
      const fromServer = emptySheet(p.criteria);
      for (const s of p.my_scores) fromServer[s.criterion_id] = { score: s.score, comment: s.comment ?? '' };
      const local = loadLocalDraft<ScoreSheet>(draftKey(id));
      const start = local?.pending && !p.my_submission?.submitted_at ? { ...fromServer, ...local.value } : fromServer;
      latest.current = start;
      setSheet(start);
      setPack(p);
      if (p.my_submission?.submitted_at) setStep('done');
      if (local?.pending && !p.my_submission?.submitted_at) void sendDraft();
    });
  }, [user, id]);

  const sendDraft = useCallback(async () => {
    const scores = scoresToSend(latest.current);
    if (scores.length === 0) return;
    setSave({ kind: 'saving' });
    const result = await callApi('save_draft_scores', { p_application_id: id, p_scores: scores });
    if (result.ok) {
      markDraftSent(draftKey(id));
      setSave({ kind: 'saved', at: new Date() });
    } else if (result.offline) setSave({ kind: 'offline' });
    else if (result.signedOut) setProblem(result);
    else setSave({ kind: 'failed', message: result.message });
  }, [id]);

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
    const missing = missingScores(pack!.criteria, sheet);
    setErrors(Object.fromEntries(missing.map((c) => [c.id, `Choose a score for "${c.title}"`])));
    if (missing.length === 0) setStep('confirm');
    setTimeout(() => summary.current?.focus());
  };

  const submit = async () => {
    clearTimeout(timer.current);
    const result = await callApi('submit_scores', { p_application_id: id, p_scores: scoresToSend(latest.current) });
    if (!result.ok) {
      if (result.offline) setSave({ kind: 'offline' });
      return setProblem(result);
    }
    clearLocalDraft(draftKey(id));
    setProblem(undefined);
    setStep('done');
  };

  if (!user) return <Loading>Checking you are signed in…</Loading>;
  const criteria = pack?.criteria ?? [];
  const scored = criteria.length - missingScores(criteria, sheet).length;
  return (
    <div data-testid="score-form">
      <SignedInBar email={user.email} back={{ href: `/panel/application/?round=${roundId}&id=${id}`, label: 'Back to the application' }} />
      {problem && <ProblemBox problem={problem} title={problem.offline ? 'No connection' : 'There is a problem'} />}
      {!pack && !problem && <Loading>Loading the scoring form…</Loading>}
      {pack && (
        <>
          <span className="govuk-caption-l">{pack.organisation_name} · {pack.reference}</span>
          <h1 className="govuk-heading-l">{step === 'done' ? 'Your scores' : step === 'confirm' ? 'Check your scores' : `Score: ${pack.project_title}`}</h1>
          {step === 'done' && (
            <>
              <div className="govuk-panel-lite" role="status">
                <p className="govuk-body-l"><strong>Your scores are submitted.</strong> Thank you.</p>
              </div>
              <ScoreTable criteria={criteria} sheet={sheet} />
              <AskToChange applicationId={id} requested={Boolean(pack.my_submission?.reopen_requested_at)} />
              <p className="govuk-body"><a className="govuk-link" href={`/panel/round/?id=${roundId}`}>Back to the list of applications</a></p>
            </>
          )}
          {step === 'confirm' && (
            <div ref={summary} tabIndex={-1}>
              <p className="govuk-body">Once you submit, you cannot change your scores unless you ask the chair or the grants officer.</p>
              <ScoreTable criteria={criteria} sheet={sheet} />
              <button type="button" className="govuk-button" onClick={() => void submit()}>Submit my scores</button>{' '}
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setStep('form')}>Change my scores</button>
              <SaveStatus state={save} />
            </div>
          )}
          {step === 'form' && (
            <form onSubmit={(e) => { e.preventDefault(); check(); }} noValidate>
              {Object.keys(errors).length > 0 && (
                <div className="govuk-error-summary" role="alert" tabIndex={-1} ref={summary}>
                  <h2 className="govuk-error-summary__title">Some questions have no score yet</h2>
                  <div className="govuk-error-summary__body">
                    <ul className="govuk-list govuk-error-summary__list">
                      {criteria.filter((c) => errors[c.id]).map((c) => <li key={c.id}><a href={`#criterion-${c.id}`}>{errors[c.id]}</a></li>)}
                    </ul>
                  </div>
                </div>
              )}
              <p className="govuk-body" data-testid="criteria-progress"><strong>{scored} of {criteria.length} questions scored.</strong></p>
              <SaveStatus state={save} />
              {criteria.map((c, i) => (
                <CriterionField key={c.id} criterion={c} n={i + 1} total={criteria.length} entry={sheet[c.id] ?? { score: null, comment: '' }}
                  error={errors[c.id]} disabled={false} onChange={(entry) => change(c.id, entry)} />
              ))}
              <button type="submit" className="govuk-button">Check and submit</button>
            </form>
          )}
        </>
      )}
    </div>
  );
}

function AskToChange({ applicationId, requested }: { applicationId: string; requested: boolean }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [sent, setSent] = useState(requested);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError('Say why you want to change your scores');
    setError(undefined);
    const result = await callApi('request_score_reopen', { p_application_id: applicationId, p_reason: reason });
    if (result.ok) setSent(true);
    else setProblem(result);
  };
  if (sent) return <p className="govuk-body" role="status">You have asked to change these scores. The chair or the grants officer will reopen them for you.</p>;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h2 className="govuk-heading-m">Want to change your scores?</h2>
      {problem && <ProblemBox problem={problem} />}
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor="reopen-reason">Why do you want to change them?</label>
        <div className="govuk-hint" id="reopen-reason-hint">For example: "I misread the budget." The chair or the grants officer will see this.</div>
        {error && <p className="govuk-error-message" id="reopen-reason-error"><span className="govuk-visually-hidden">Error:</span> {error}</p>}
        <textarea className="govuk-textarea" id="reopen-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={`reopen-reason-hint${error ? ' reopen-reason-error' : ''}`} />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary">Ask to change my scores</button>
    </form>
  );
}

function ScoreTable({ criteria, sheet }: { criteria: Criterion[]; sheet: ScoreSheet }) {
  return (
    <dl className="govuk-summary-list">
      {criteria.map((c) => (
        <div className="govuk-summary-list__row" key={c.id}>
          <dt className="govuk-summary-list__key">{c.title}</dt>
          <dd className="govuk-summary-list__value">
            <strong>{sheet[c.id]?.score ?? '–'} out of {c.maximum}</strong>
            {sheet[c.id]?.comment && <><br />{sheet[c.id]!.comment}</>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
