// Recording the panel's recommendation for one application: award, award with conditions, or
// not award; the amount; the reasons; how the panel agreed. The database checks it all again, and
// its refusal (say, the round has moved past the panel meeting) shows next to the field it
// concerns, with everything typed still in the form.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import type { ApplicationResult } from '../../lib/api/results';
import { recordRecommendation, type HowAgreed, type Outcome, type Recommendation } from '../../lib/api/review';
import { explainRefusal } from '../../lib/grants/refusals';
import { useOnce } from '../ui/useOnce';
import { Radios } from '../ui/Radios';
import { Textarea } from '../ui/Textarea';
import { TextInput } from '../ui/TextInput';
import { ErrorSummary, ProblemBox, money } from './PanelParts';
import { useKeptDraft } from './useKeptDraft';
import { parsePounds } from '../../lib/money';

type Errors = Partial<Record<'outcome' | 'amount' | 'conditions' | 'reasons' | 'how', string>>;

export function RecommendationForm({
  result,
  existing,
  onDone,
  onCancel,
  takeFocus = false,
}: {
  result: ApplicationResult;
  existing?: Recommendation;
  onDone: () => void;
  onCancel: () => void;
  /** Opened by the person's press of "Record": the form appears below the table, far from the
   *  button, so the view and focus go to its heading (not when a kept draft reopens it on load). */
  takeFocus?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!takeFocus) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [takeFocus]);
  // What the chair types is kept on the device until saved: a session ending mid-way loses nothing.
  const kept = useKeptDraft<{ outcome?: Outcome; amount: string; conditions: string; reasons: string; how?: HowAgreed }>(
    `recommendation:${result.application_id}`,
    {
      outcome: existing?.outcome ?? undefined,
      amount: existing?.amount ? String(existing.amount) : '',
      conditions: existing?.conditions ?? '',
      reasons: existing?.reasons ?? '',
      how: existing?.how_agreed ?? undefined,
    },
  );
  const { outcome, amount, conditions, reasons, how } = kept.value;
  const setOutcome = (v: Outcome) => kept.update({ outcome: v });
  const setAmount = (v: string) => kept.update({ amount: v });
  const setConditions = (v: string) => kept.update({ conditions: v });
  const setReasons = (v: string) => kept.update({ reasons: v });
  const setHow = (v: HowAgreed) => kept.update({ how: v });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, once] = useOnce();

  const submit = async () => {
    const found: Errors = {};
    const pounds = parsePounds(amount);
    if (!outcome) found.outcome = 'Choose the recommendation';
    if (outcome && outcome !== 'not_award' && (!amount.trim() || !Number.isFinite(pounds) || pounds <= 0))
      found.amount = 'Enter the amount in pounds, like 5000';
    else if (outcome && outcome !== 'not_award' && pounds > result.amount_requested)
      found.amount = `The amount cannot be more than the ${money(result.amount_requested)} asked for`;
    if (outcome === 'award_with_conditions' && !conditions.trim()) found.conditions = 'Write the conditions';
    if (!reasons.trim()) found.reasons = "Write the panel's reasons";
    if (!how) found.how = 'Say how the panel agreed';
    setErrors(found);
    setFormError(undefined);
    setProblem(undefined);
    if (Object.keys(found).length || !outcome || !how) return;
    const saved = await recordRecommendation({
      p_application_id: result.application_id,
      p_outcome: outcome,
      p_reasons: reasons,
      p_how_agreed: how,
      p_amount: outcome === 'not_award' ? null : pounds,
      p_conditions: outcome === 'award_with_conditions' ? conditions : null,
    });
    if (saved.ok) {
      kept.forget();
      return onDone();
    }
    const refusals = explainRefusal('recommendation', saved);
    if (!refusals) return setProblem(saved);
    setErrors(Object.fromEntries(refusals.filter((r) => r.field !== 'form').map((r) => [r.field, r.message])) as Errors);
    setFormError(refusals.find((r) => r.field === 'form')?.message);
  };

  return (
    <form
      className="wt-recommendation"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void once(submit);
      }}
      noValidate
      aria-labelledby="rec-heading"
    >
      <h3 className="govuk-heading-m" id="rec-heading" tabIndex={-1} ref={heading}>
        Recommendation for {result.project_title}
      </h3>
      <ErrorSummary heading="h4" intro={formError} items={Object.entries(errors).map(([k, v]) => ({ href: `#rec-${k}`, message: v }))} />
      {problem && <ProblemBox problem={problem} />}
      {kept.restored && (
        <p className="govuk-inset-text" role="status">
          We kept what you typed before. Check it, then save it.
        </p>
      )}
      <Radios
        idPrefix="rec-outcome"
        name="outcome"
        legend="What does the panel recommend?"
        legendSize="s"
        error={errors.outcome}
        value={outcome}
        onChange={setOutcome}
        items={[
          { value: 'award', label: 'Award' },
          { value: 'award_with_conditions', label: 'Award with conditions' },
          { value: 'not_award', label: 'Do not award' },
        ]}
      />
      {outcome && outcome !== 'not_award' && (
        <TextInput
          id="rec-amount"
          label="Amount, in pounds"
          labelSize="s"
          hint={`They asked for ${money(result.amount_requested)}.`}
          width="10"
          inputMode="numeric"
          error={errors.amount}
          value={amount}
          onChange={setAmount}
        />
      )}
      {outcome === 'award_with_conditions' && (
        <Textarea
          id="rec-conditions"
          label="Conditions"
          labelSize="s"
          rows={3}
          error={errors.conditions}
          value={conditions}
          onChange={setConditions}
        />
      )}
      <Textarea
        id="rec-reasons"
        label="The panel's reasons"
        labelSize="s"
        hint="Councillors and the Cabinet will read these. Use plain words."
        rows={4}
        error={errors.reasons}
        value={reasons}
        onChange={setReasons}
      />
      <Radios
        idPrefix="rec-how"
        name="how"
        legend="How did the panel agree?"
        legendSize="s"
        inline
        error={errors.how}
        value={how}
        onChange={setHow}
        items={[
          { value: 'consensus', label: 'Everyone agreed' },
          { value: 'majority vote', id: 'rec-how-vote', label: 'Majority vote' },
        ]}
      />
      <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
        Save the recommendation
      </button>{' '}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => {
          kept.forget();
          onCancel();
        }}
      >
        Cancel
      </button>
    </form>
  );
}
