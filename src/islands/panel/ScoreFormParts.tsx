// The pieces of the scoring form: one question with what each score means, the save line, the
// table of chosen scores, and asking to change scores already sent.
import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import { requestScoreReopen } from '../../lib/api/scoring';
import { explainRefusal } from '../../lib/grants/refusals';
import type { Criterion, ScoreSheet } from '../../lib/grants/scoring';
import { useOnce } from '../ui/useOnce';
import { Radios } from '../ui/Radios';
import { Textarea } from '../ui/Textarea';
import { ErrorSummary, ProblemBox } from './PanelParts';

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'offline' } | { kind: 'failed'; message: string };

const time = (d: Date) => d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

export function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'saved'
        ? `Draft saved at ${time(state.at)}.`
        : state.kind === 'offline'
          ? 'Not saved to the server yet: there is no connection. Your scores are kept on this device and will be sent when you are back online.'
          : state.kind === 'failed'
            ? `Not saved to the server: ${state.message}`
            : 'Your scores are saved as you go.';
  return (
    <p className={`govuk-body-s wt-save-status wt-save-status--${state.kind}`} role="status" data-testid="save-status">
      {text}
    </p>
  );
}

export function CriterionField({
  criterion,
  n,
  total,
  entry,
  error,
  onChange,
  disabled,
}: {
  criterion: Criterion;
  n: number;
  total: number;
  entry: ScoreSheet[string];
  error?: string;
  disabled: boolean;
  onChange: (next: ScoreSheet[string]) => void;
}) {
  const base = `criterion-${criterion.id}`;
  return (
    <Radios
      idPrefix={base}
      name={base}
      legendSize="m"
      legendHeading
      caption={
        <span className="govuk-caption-m">
          Question {n} of {total}
        </span>
      }
      legend={criterion.title}
      hint={criterion.guidance}
      hintId={`${base}-guidance`}
      error={error}
      groupClassName="wt-criterion"
      testId={base}
      disabled={disabled}
      items={criterion.descriptors.map((descriptor, score) => ({
        value: score,
        id: score === 0 ? base : `${base}-${score}`,
        hintId: `${base}-${score}-hint`,
        hint: descriptor,
        label: (
          <>
            <strong>{score}</strong> out of {criterion.maximum}
          </>
        ),
      }))}
      value={entry.score}
      onChange={(score) => onChange({ ...entry, score })}
    >
      <Textarea
        id={`${base}-comment`}
        label={`Your comment on "${criterion.title}" (optional)`}
        groupClassName="wt-criterion__comment"
        rows={3}
        maxLength={2000}
        disabled={disabled}
        value={entry.comment}
        onChange={(comment) => onChange({ ...entry, comment })}
      />
    </Radios>
  );
}

export function AskToChange({ applicationId, requested }: { applicationId: string; requested: boolean }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [sent, setSent] = useState(requested);
  /** The database refused: its reason goes in the summary too, as the page has changed since. */
  const [refused, setRefused] = useState(false);
  const [busy, once] = useOnce();
  const submit = async () => {
    setRefused(false);
    if (!reason.trim()) return setError('Say why you want to change your scores');
    setError(undefined);
    setProblem(undefined);
    const result = await requestScoreReopen({ p_application_id: applicationId, p_reason: reason });
    if (result.ok) return setSent(true);
    const refusal = explainRefusal('reopen', result);
    if (refusal) {
      setError(refusal[0]!.message);
      setRefused(true);
    } else setProblem(result);
  };
  if (sent)
    return (
      <p className="govuk-body" role="status">
        You have asked to change these scores. The chair or the grants officer will reopen them for you.
      </p>
    );
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void once(submit);
      }}
      noValidate
    >
      <h2 className="govuk-heading-m">Want to change your scores?</h2>
      {problem && <ProblemBox problem={problem} />}
      {error && refused && <ErrorSummary items={[{ href: '#reopen-reason', message: error }]} />}
      <Textarea
        id="reopen-reason"
        label="Why do you want to change them?"
        rows={3}
        error={error}
        value={reason}
        onChange={setReason}
        hint={'For example: "I misread the budget." The chair or the grants officer will see this.'}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" aria-disabled={busy || undefined}>
        Ask to change my scores
      </button>
    </form>
  );
}

export function ScoreTable({ criteria, sheet }: { criteria: Criterion[]; sheet: ScoreSheet }) {
  return (
    <dl className="govuk-summary-list">
      {criteria.map((c) => (
        <div className="govuk-summary-list__row" key={c.id}>
          <dt className="govuk-summary-list__key">{c.title}</dt>
          <dd className="govuk-summary-list__value">
            <strong>
              {sheet[c.id]?.score ?? '–'} out of {c.maximum}
            </strong>
            {sheet[c.id]?.comment && (
              <>
                <br />
                {sheet[c.id]!.comment}
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
