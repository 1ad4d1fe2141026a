// Recording the panel's recommendation for one application: award, award with conditions, or
// not award; the amount; the reasons; how the panel agreed. The database checks it all again, and
// its refusal (say, the round has moved past the panel meeting) shows next to the field it
// concerns, with everything typed still in the form.
import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import type { ApplicationResult } from '../../lib/api/results';
import { recordRecommendation, type HowAgreed, type Outcome, type Recommendation } from '../../lib/api/review';
import { explainRefusal } from '../../lib/panel/refusals';
import { useOnce } from '../ui/useOnce';
import { describedBy, ErrorSummary, ProblemBox, money } from './PanelParts';
import { useKeptDraft } from './useKeptDraft';
import { parsePounds } from '../../lib/money';

type Errors = Partial<Record<'outcome' | 'amount' | 'conditions' | 'reasons' | 'how', string>>;

export function RecommendationForm({ result, existing, onDone, onCancel }: { result: ApplicationResult; existing?: Recommendation; onDone: () => void; onCancel: () => void }) {
  // What the chair types is kept on the device until saved: a session ending mid-way loses nothing.
  const kept = useKeptDraft<{ outcome?: Outcome; amount: string; conditions: string; reasons: string; how?: HowAgreed }>(
    `recommendation:${result.application_id}`,
    { outcome: existing?.outcome ?? undefined, amount: existing?.amount ? String(existing.amount) : '', conditions: existing?.conditions ?? '', reasons: existing?.reasons ?? '', how: existing?.how_agreed ?? undefined },
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
    if (outcome && outcome !== 'not_award' && (!amount.trim() || !Number.isFinite(pounds) || pounds <= 0)) found.amount = 'Enter the amount in pounds, like 5000';
    else if (outcome && outcome !== 'not_award' && pounds > result.amount_requested) found.amount = `The amount cannot be more than the ${money(result.amount_requested)} asked for`;
    if (outcome === 'award_with_conditions' && !conditions.trim()) found.conditions = 'Write the conditions';
    if (!reasons.trim()) found.reasons = "Write the panel's reasons";
    if (!how) found.how = 'Say how the panel agreed';
    setErrors(found);
    setFormError(undefined);
    setProblem(undefined);
    if (Object.keys(found).length || !outcome || !how) return;
    const saved = await recordRecommendation({
      p_application_id: result.application_id, p_outcome: outcome, p_reasons: reasons, p_how_agreed: how,
      p_amount: outcome === 'not_award' ? null : pounds, p_conditions: outcome === 'award_with_conditions' ? conditions : null,
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

  const group = (key: keyof Errors) => `govuk-form-group${errors[key] ? ' govuk-form-group--error' : ''}`;
  const errorId = (key: keyof Errors) => errors[key] && `rec-${key}-error`;
  const message = (key: keyof Errors) => errors[key] && <p className="govuk-error-message" id={`rec-${key}-error`}><span className="govuk-visually-hidden">Error:</span> {errors[key]}</p>;
  return (
    <form className="wt-recommendation" onSubmit={(e: FormEvent) => { e.preventDefault(); void once(submit); }} noValidate aria-labelledby="rec-heading">
      <h3 className="govuk-heading-m" id="rec-heading">Recommendation for {result.project_title}</h3>
      <ErrorSummary heading="h4" intro={formError} items={Object.entries(errors).map(([k, v]) => ({ href: `#rec-${k}`, message: v }))} />
      {problem && <ProblemBox problem={problem} />}
      {kept.restored && <p className="govuk-inset-text" role="status">We kept what you typed before. Check it, then save it.</p>}
      <div className={group('outcome')}>
        <fieldset className="govuk-fieldset" aria-describedby={describedBy(errorId('outcome'))}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">What does the panel recommend?</legend>
          {message('outcome')}
          <div className="govuk-radios">
            {([['award', 'Award'], ['award_with_conditions', 'Award with conditions'], ['not_award', 'Do not award']] as const).map(([value, label], i) => (
              <div className="govuk-radios__item" key={value}>
                <input className="govuk-radios__input" id={i === 0 ? 'rec-outcome' : `rec-outcome-${value}`} name="outcome" type="radio" checked={outcome === value} onChange={() => setOutcome(value)} />
                <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? 'rec-outcome' : `rec-outcome-${value}`}>{label}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      {outcome && outcome !== 'not_award' && (
        <div className={group('amount')}>
          <label className="govuk-label govuk-label--s" htmlFor="rec-amount">Amount, in pounds</label>
          <div className="govuk-hint" id="rec-amount-hint">They asked for {money(result.amount_requested)}.</div>
          {message('amount')}
          <input className="govuk-input govuk-input--width-10" id="rec-amount" inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} aria-describedby={describedBy('rec-amount-hint', errorId('amount'))} />
        </div>
      )}
      {outcome === 'award_with_conditions' && (
        <div className={group('conditions')}>
          <label className="govuk-label govuk-label--s" htmlFor="rec-conditions">Conditions</label>
          {message('conditions')}
          <textarea className="govuk-textarea" id="rec-conditions" rows={3} value={conditions} onChange={(e) => setConditions(e.target.value)} aria-describedby={describedBy(errorId('conditions'))} />
        </div>
      )}
      <div className={group('reasons')}>
        <label className="govuk-label govuk-label--s" htmlFor="rec-reasons">The panel's reasons</label>
        <div className="govuk-hint" id="rec-reasons-hint">Councillors and the Cabinet will read these. Use plain words.</div>
        {message('reasons')}
        <textarea className="govuk-textarea" id="rec-reasons" rows={4} value={reasons} onChange={(e) => setReasons(e.target.value)} aria-describedby={describedBy('rec-reasons-hint', errorId('reasons'))} />
      </div>
      <div className={group('how')}>
        <fieldset className="govuk-fieldset" aria-describedby={describedBy(errorId('how'))}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">How did the panel agree?</legend>
          {message('how')}
          <div className="govuk-radios govuk-radios--inline">
            {([['consensus', 'Everyone agreed'], ['majority vote', 'Majority vote']] as const).map(([value, label], i) => (
              <div className="govuk-radios__item" key={value}>
                <input className="govuk-radios__input" id={i === 0 ? 'rec-how' : 'rec-how-vote'} name="how" type="radio" checked={how === value} onChange={() => setHow(value)} />
                <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? 'rec-how' : 'rec-how-vote'}>{label}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>Save the recommendation</button>{' '}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => { kept.forget(); onCancel(); }}>Cancel</button>
    </form>
  );
}
