// The sentence /grants/ shows beside a fund's open rounds under "Who can apply", written by an
// officer on the fund's eligibility page.
import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { updateFund } from '../../../lib/api/setup';
import { explainEditorRefusal } from '../../../lib/grants/eligibility-refusals';
import { ErrorList } from '../../ui/ErrorSummary';
import { Textarea } from '../../ui/Textarea';
import { useOnce } from '../../ui/useOnce';
import { ProblemBox } from '../PanelParts';

export function WhoCanApplyForm({ fundId, initial, onSaved }: { fundId: string; initial: string; onSaved: () => void }) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [saved, setSaved] = useState<string>();
  const [busy, once] = useOnce();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void once(async () => {
      setSaved(undefined);
      setProblem(undefined);
      const length = text.trim().length;
      setError(length > 1000 ? `Keep it to 1,000 characters or fewer: it is ${length}` : undefined);
      if (length > 1000) return;
      const result = await updateFund({ p_fund_id: fundId, p_who_can_apply: text }, 'form');
      if (!result.ok) {
        const refusal = explainEditorRefusal(result);
        return setProblem(refusal ? { ...result, message: refusal.message } : result);
      }
      setSaved('Saved.');
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="who-heading">
      <h2 className="govuk-heading-m" id="who-heading">
        Who can apply
      </h2>
      <ErrorList errors={error ? [{ id: 'who-can-apply', message: error }] : []} />
      {problem && <ProblemBox problem={problem} title="That was not saved" />}
      <Textarea
        id="who-can-apply"
        label="In a sentence, for the grants page"
        labelSize="s"
        hint="For example: Voluntary and community groups starting something new for adults in Oxfordshire."
        rows={2}
        value={text}
        error={error}
        onChange={setText}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" aria-disabled={busy || undefined}>
        Save who can apply
      </button>
      <p className="govuk-body" role="status">
        {saved}
      </p>
    </form>
  );
}
