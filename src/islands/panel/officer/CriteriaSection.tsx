// The questions members score against, with what each score means. Officers add them while
// the round is being set up; once scoring starts they are fixed.
import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { addCriterion } from '../../../lib/api/setup';
import type { Criterion } from '../../../lib/grants/scoring';
import { useOnce } from '../../ui/useOnce';
import { ProblemBox } from '../PanelParts';
import { ErrorList } from '../../ui/ErrorSummary';
import { Select } from '../../ui/Select';
import { TextInput } from '../../ui/TextInput';
import { Textarea } from '../../ui/Textarea';
import { useKeptForm } from './useKeptForm';

export function CriteriaSection({
  roundId,
  criteria,
  canEdit,
  onChanged,
}: {
  roundId: string;
  criteria: Criterion[];
  canEdit: boolean;
  onChanged: () => void;
}) {
  const [q, setQ, forget] = useKeptForm(`question:${roundId}`, () => ({
    title: '',
    guidance: '',
    weight: '1',
    maximum: 4,
    descriptors: Array<string>(5).fill(''),
  }));
  const { title, guidance, weight, maximum, descriptors } = q;
  const [busy, once] = useOnce();
  const [errors, setErrors] = useState<{ id: string; message: string }[]>([]);
  const [problem, setProblem] = useState<ApiProblem>();

  const setMax = (n: number) => setQ({ ...q, maximum: n, descriptors: Array.from({ length: n + 1 }, (_, i) => descriptors[i] ?? '') });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void once(() => save());
  };
  const save = async () => {
    const found = [];
    if (!title.trim()) found.push({ id: 'crit-title', message: 'Enter the question' });
    if (!(Number(weight) > 0)) found.push({ id: 'crit-weight', message: 'Enter a weight greater than 0, like 1 or 2' });
    descriptors.forEach((d, i) => {
      if (!d.trim()) found.push({ id: `crit-d${i}`, message: `Say what a score of ${i} means` });
    });
    setErrors(found);
    if (found.length) return;
    const result = await addCriterion({
      p_round_id: roundId,
      p_title: title,
      p_guidance: guidance,
      p_weight: Number(weight),
      p_maximum: maximum,
      p_descriptors: descriptors,
    });
    if (!result.ok) return setProblem(result);
    setProblem(undefined);
    forget();
    onChanged();
  };
  return (
    <section aria-labelledby="criteria-heading">
      <h2 className="govuk-heading-m" id="criteria-heading">
        Scoring questions
      </h2>
      {criteria.length === 0 ? (
        <p className="govuk-body">No questions yet.</p>
      ) : (
        <ol className="govuk-list govuk-list--number">
          {criteria.map((c) => (
            <li key={c.id}>
              <strong>{c.title}</strong> (weight {c.weight}, scored 0 to {c.maximum})
              {c.guidance && (
                <>
                  <br />
                  <span className="govuk-body-s">{c.guidance}</span>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <form onSubmit={submit} noValidate aria-labelledby="add-crit-heading">
          <h3 className="govuk-heading-s" id="add-crit-heading">
            Add a question
          </h3>
          <ErrorList errors={errors} />
          {problem && <ProblemBox problem={problem} />}
          <TextInput
            labelSize="s"
            id="crit-title"
            label="Question"
            value={title}
            onChange={(v) => setQ({ ...q, title: v })}
            error={errors.find((e) => e.id === 'crit-title')?.message}
          />
          <Textarea
            labelSize="s"
            rows={4}
            id="crit-guidance"
            label="Guidance for members (optional)"
            value={guidance}
            onChange={(v) => setQ({ ...q, guidance: v })}
            hint="What to look for, in plain words."
          />
          <TextInput
            labelSize="s"
            id="crit-weight"
            label="Weight"
            value={weight}
            onChange={(v) => setQ({ ...q, weight: v })}
            width="4"
            hint="How much this question counts compared with the others. 1 is normal."
            error={errors.find((e) => e.id === 'crit-weight')?.message}
          />
          <Select id="crit-max" label="Highest score" labelSize="s" value={maximum} onChange={(v) => setMax(Number(v))}>
            {[2, 3, 4, 5, 6, 10].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">What each score means</legend>
            {descriptors.map((d, i) => (
              <TextInput
                labelSize="s"
                key={i}
                id={`crit-d${i}`}
                label={`Score ${i}`}
                value={d}
                onChange={(v) => setQ({ ...q, descriptors: descriptors.map((x, j) => (j === i ? v : x)) })}
                error={errors.find((e) => e.id === `crit-d${i}`)?.message}
              />
            ))}
          </fieldset>
          <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
            Add the question
          </button>
        </form>
      )}
    </section>
  );
}
