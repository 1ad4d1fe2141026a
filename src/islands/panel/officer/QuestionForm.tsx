// One eligibility question as an officer writes it: the question, an optional hint, and its
// answers, each with the reason it rules a group out (left empty when it does not). Used to add a
// question and to change one. The database checks the same rules and answers by key.
import { useState, type FormEvent } from 'react';
import type { ApiResult } from '../../../lib/api-call';
import type { EligibilityAnswer } from '../../../lib/grants/eligibility';
import { explainEditorRefusal, type EditorField } from '../../../lib/grants/eligibility-refusals';
import { ErrorList } from '../../ui/ErrorSummary';
import { TextInput } from '../../ui/TextInput';
import { Textarea } from '../../ui/Textarea';
import { useOnce } from '../../ui/useOnce';
import { ProblemBox } from '../PanelParts';

export interface QuestionDraft {
  question: string;
  hint: string;
  answers: EligibilityAnswer[];
}

export const EMPTY_QUESTION: QuestionDraft = {
  question: '',
  hint: '',
  answers: [
    { answer: '', ineligible_reason: '' },
    { answer: '', ineligible_reason: '' },
  ],
};

type Errors = { id: string; message: string }[];

/** The form's own checks, in GOV.UK's words; the database checks again. */
function check(d: QuestionDraft, idPrefix: string): Errors {
  const found: Errors = [];
  if (!d.question.trim()) found.push({ id: `${idPrefix}-question`, message: 'Enter the question' });
  d.answers.forEach((a, i) => {
    if (!a.answer.trim()) found.push({ id: `${idPrefix}-answer-${i}`, message: `Enter answer ${i + 1}, or remove it` });
  });
  if (d.answers.length < 2) found.push({ id: `${idPrefix}-add-answer`, message: 'Give at least 2 answers to choose from' });
  else if (d.answers.every((a) => a.ineligible_reason?.trim()))
    found.push({ id: `${idPrefix}-reason-0`, message: 'Leave the reason empty for at least one answer, so some groups can apply' });
  return found;
}

interface Props {
  idPrefix: string;
  heading: string;
  submitLabel: string;
  initial: QuestionDraft;
  save: (draft: QuestionDraft) => Promise<ApiResult<unknown>>;
  onSaved: () => void;
  onCancel?: () => void;
}

export function QuestionForm({ idPrefix, heading, submitLabel, initial, save, onSaved, onCancel }: Props) {
  const [d, setD] = useState<QuestionDraft>(initial);
  const [errors, setErrors] = useState<Errors>([]);
  const [failure, setFailure] = useState<Parameters<typeof ProblemBox>[0]['problem']>();
  const [busy, once] = useOnce();
  const errorFor = (id: string) => errors.find((e) => e.id === id)?.message;
  const setAnswer = (i: number, changes: Partial<EligibilityAnswer>) =>
    setD({ ...d, answers: d.answers.map((a, j) => (j === i ? { ...a, ...changes } : a)) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void once(async () => {
      const found = check(d, idPrefix);
      setErrors(found);
      setFailure(undefined);
      if (found.length) return;
      const result = await save({
        ...d,
        answers: d.answers.map((a) => ({ answer: a.answer, ineligible_reason: a.ineligible_reason?.trim() ? a.ineligible_reason : null })),
      });
      if (result.ok) return onSaved();
      const refusal = explainEditorRefusal(result);
      if (!refusal) return setFailure(result);
      const where: Record<EditorField, string> = {
        question: `${idPrefix}-question`,
        hint: `${idPrefix}-hint`,
        answers: `${idPrefix}-answer-0`,
        opens_on: `${idPrefix}-question`,
        closes_on: `${idPrefix}-question`,
        form: `${idPrefix}-question`,
      };
      if (refusal.field === 'form') return setFailure({ ...result, message: refusal.message });
      setErrors([{ id: where[refusal.field], message: refusal.message }]);
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${idPrefix}-heading`} data-testid={`${idPrefix}-form`}>
      <h3 className="govuk-heading-s" id={`${idPrefix}-heading`}>
        {heading}
      </h3>
      <ErrorList errors={errors} />
      {failure && <ProblemBox problem={failure} title="The question was not saved" />}
      <TextInput
        id={`${idPrefix}-question`}
        label="Question"
        labelSize="s"
        hint="Ask one thing, in plain words, like: Where will your project happen?"
        value={d.question}
        error={errorFor(`${idPrefix}-question`)}
        onChange={(v) => setD({ ...d, question: v })}
      />
      <TextInput
        id={`${idPrefix}-hint`}
        label="Hint (optional)"
        labelSize="s"
        value={d.hint}
        error={errorFor(`${idPrefix}-hint`)}
        onChange={(v) => setD({ ...d, hint: v })}
      />
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Answers to choose from</legend>
        {d.answers.map((a, i) => (
          <div className="wt-answer-row" key={i}>
            <TextInput
              id={`${idPrefix}-answer-${i}`}
              label={`Answer ${i + 1}`}
              value={a.answer}
              error={errorFor(`${idPrefix}-answer-${i}`)}
              onChange={(v) => setAnswer(i, { answer: v })}
            />
            <Textarea
              id={`${idPrefix}-reason-${i}`}
              label={`If answer ${i + 1} means a group cannot apply, say why (optional)`}
              hint="Leave this empty if groups giving this answer can apply."
              rows={2}
              value={a.ineligible_reason ?? ''}
              error={errorFor(`${idPrefix}-reason-${i}`)}
              onChange={(v) => setAnswer(i, { ineligible_reason: v })}
            />
            {d.answers.length > 2 && (
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                onClick={() => setD({ ...d, answers: d.answers.filter((_, j) => j !== i) })}
              >
                Remove<span className="govuk-visually-hidden"> answer {i + 1}</span>
              </button>
            )}
          </div>
        ))}
        {d.answers.length < 12 && (
          <button
            type="button"
            id={`${idPrefix}-add-answer`}
            className="govuk-button govuk-button--secondary"
            onClick={() => setD({ ...d, answers: [...d.answers, { answer: '', ineligible_reason: '' }] })}
          >
            Add another answer
          </button>
        )}
      </fieldset>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
