// Writing the plain-English summary panel members read first, with a live hint about sentence
// length and long words as the officer types.
import { useEffect, useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { getOfficerApplication, writeApplicationSummary, type FullApplication } from '../../../lib/api/applications';
import { LONG_SENTENCE_WORDS, readabilityHint } from '../../../lib/readability';
import { useOnce } from '../../ui/useOnce';
import { Textarea } from '../../ui/Textarea';
import { ProblemBox } from '../PanelParts';
import { useKeptForm } from './useKeptForm';

export function SummaryEditor({ applicationId, onDone }: { applicationId: string; onDone: () => void }) {
  const [application, setApplication] = useState<FullApplication>();
  // Typed text is kept on the device; a copy from an earlier visit wins over the saved summary.
  const [kept, setKept, forget] = useKeptForm<{ text?: string }>(`summary:${applicationId}`, () => ({}));
  const [saved, setSaved] = useState('');
  const text = kept.text ?? saved;
  const setText = (v: string) => setKept({ text: v });
  const [busy, once] = useOnce();
  const [problem, setProblem] = useState<ApiProblem>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    void getOfficerApplication({ p_application_id: applicationId }).then((r) => {
      if (!r.ok) return setProblem(r);
      setApplication(r.data);
      setSaved(r.data.summary ?? '');
    });
  }, [applicationId]);
  const hint = readabilityHint(text);
  const save = () =>
    once(async () => {
      if (!text.trim()) return setError('Write the summary before saving. Panel members read it first.');
      setError(undefined);
      const result = await writeApplicationSummary({ p_application_id: applicationId, p_summary: text });
      if (!result.ok) return setProblem(result);
      forget();
      onDone();
    });
  if (!application) return problem ? <ProblemBox problem={problem} /> : null;
  return (
    <div className="wt-summary-editor">
      <h3 className="govuk-heading-s">Plain-English summary: {application.project_title}</h3>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Read what they wrote</span>
        </summary>
        <div className="govuk-details__text">{application.description}</div>
      </details>
      {problem && <ProblemBox problem={problem} />}
      <Textarea
        id="summary-text"
        label="Summary"
        hint="Short sentences and everyday words. Say who it helps, what they will do and what it costs."
        hintId="summary-hint"
        error={error}
        errorId="summary-error"
        describedBy="summary-readability"
        rows={5}
        value={text}
        onChange={setText}
      />
      <div id="summary-readability" className="govuk-inset-text" aria-live="polite" data-testid="readability">
        {hint.verdict === 'empty' ? (
          'Start typing to see how easy it is to read.'
        ) : (
          <>
            <strong>
              {hint.verdict === 'clear' ? 'Clear.' : hint.verdict === 'could be clearer' ? 'Could be clearer.' : 'Hard to read.'}
            </strong>{' '}
            {hint.sentences} sentence{hint.sentences === 1 ? '' : 's'}, {hint.averageSentenceLength.toFixed(0)} words each on average.
            {hint.longSentences.length > 0 &&
              ` ${hint.longSentences.length} sentence${hint.longSentences.length === 1 ? ' is' : 's are'} over ${LONG_SENTENCE_WORDS} words.`}
            {hint.longWords.length > 0 && ` Long words: ${hint.longWords.slice(0, 5).join(', ')}.`}
          </>
        )}
      </div>
      <button type="button" className="govuk-button" aria-disabled={busy || undefined} onClick={() => void save()}>
        Save the summary
      </button>{' '}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => {
          forget();
          onDone();
        }}
      >
        Cancel
      </button>
    </div>
  );
}
