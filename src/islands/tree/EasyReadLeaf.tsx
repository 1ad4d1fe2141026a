// /tree/easy-read/: add a leaf in easy read. One question a page, short words, a picture beside
// each question; then check the leaf and send it. The same leaf and the same checks as the
// standard form, in easy-read words (src/lib/refusals/tree.ts EASY_WORDS).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import { treeAddLeaf } from '../../lib/api/tree';
import { iconSvg } from '../../lib/markdown/easy-read-icons';
import { checkLeaf, checkLeafAnswer, EMPTY_LEAF, LEAF_FIELDS, leafArgs, type LeafAnswers, type LeafField } from '../../lib/tree/leaf-form';
import { treeProblemWords } from '../../lib/tree/refusal-words';
import { ErrorSummary } from '../ui/ErrorSummary';
import { TextInput } from '../ui/TextInput';
import { Textarea } from '../ui/Textarea';
import { useOnce } from '../ui/useOnce';
import { Honeypot } from './Honeypot';
import { LeafSent } from './LeafSent';

type Step = LeafField | 'check';
const STEPS: Step[] = [...LEAF_FIELDS, 'check'];

const QUESTIONS: Record<LeafField, { icon: string; question: string; hint: string; short: string }> = {
  what: { icon: 'idea', question: 'What did you do together?', hint: 'For example: we planned a new club.', short: 'What you did' },
  who: {
    icon: 'people',
    question: 'Who did it with you?',
    hint: 'For example: carers and council staff. You can leave this empty.',
    short: 'Who did it',
  },
  what_changed: {
    icon: 'star',
    question: 'What is better now?',
    hint: 'For example: more people come to the club.',
    short: 'What is better',
  },
  name: {
    icon: 'hand',
    question: 'What is your first name?',
    hint: 'You can leave this empty. Then we will not show a name.',
    short: 'Your name',
  },
};

function Picture({ icon }: { icon: string }) {
  // The pictures are drawn in src/lib/markdown/easy-read-icons.ts: fixed strings, never user text.
  return <span className="wt-easy-read__icon" dangerouslySetInnerHTML={{ __html: iconSvg(icon) ?? '' }} />;
}

export default function EasyReadLeaf() {
  const [answers, setAnswers] = useState<LeafAnswers>(EMPTY_LEAF);
  const [step, setStep] = useState<Step>('what');
  const [website, setWebsite] = useState('');
  const [error, setError] = useState<{ field?: LeafField; message: string }>();
  const [sent, setSent] = useState(false);
  const [busy, once] = useOnce();
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [step]);

  const go = (to: Step) => {
    setError(undefined);
    setStep(to);
  };
  const index = STEPS.indexOf(step);
  const back = index > 0 ? STEPS[index - 1] : undefined;

  const next = (e: FormEvent) => {
    e.preventDefault();
    if (step === 'check') return void send();
    const key = checkLeafAnswer(step, answers[step]);
    if (key) return setError({ field: step, message: treeProblemWords({ key, message: '', offline: false }, true) });
    go(STEPS[index + 1]!);
  };

  const send = () =>
    once(async () => {
      const found = checkLeaf(answers)[0];
      if (found) {
        setStep(found.field);
        return setError({ field: found.field, message: treeProblemWords({ key: found.key, message: '', offline: false }, true) });
      }
      const r = await treeAddLeaf(leafArgs(answers, website, true), 'form');
      if (r.ok) return setSent(true);
      const field = LEAF_FIELDS.find((f) => f === r.field);
      if (field) {
        setStep(field);
        setError({ field, message: treeProblemWords(r, true) });
      } else setError({ message: treeProblemWords(r as ApiProblem, true) });
    });

  if (sent) return <LeafSent easyRead />;
  const id = step === 'check' ? 'leaf-send' : `leaf-${step}`;
  return (
    <form noValidate onSubmit={next} data-testid="easy-read-leaf" data-step={step}>
      {back && (
        <a
          className="govuk-back-link"
          href={`#${back}`}
          onClick={(e) => {
            e.preventDefault();
            go(back);
          }}
        >
          Back
        </a>
      )}
      {error && <ErrorSummary title="Please check this" items={[{ href: `#${id}`, message: error.message }]} />}
      <span className="govuk-caption-m">
        Question {Math.min(index + 1, LEAF_FIELDS.length)} of {LEAF_FIELDS.length}
      </span>
      {step === 'check' ? (
        <>
          <div className="wt-easy-read__point">
            <Picture icon="tick" />
            <h1 className="govuk-heading-l" ref={heading} tabIndex={-1}>
              Check your leaf
            </h1>
          </div>
          <dl className="govuk-summary-list">
            {LEAF_FIELDS.map((f) => (
              <div className="govuk-summary-list__row" key={f}>
                <dt className="govuk-summary-list__key">{QUESTIONS[f].short}</dt>
                <dd className="govuk-summary-list__value">{answers[f].trim() || (f === 'name' ? 'No name' : 'Nothing written')}</dd>
                <dd className="govuk-summary-list__actions">
                  <a
                    className="govuk-link"
                    href={`#${f}`}
                    onClick={(e) => {
                      e.preventDefault();
                      go(f);
                    }}
                  >
                    Change<span className="govuk-visually-hidden"> {QUESTIONS[f].short.toLowerCase()}</span>
                  </a>
                </dd>
              </div>
            ))}
          </dl>
          <p className="govuk-body">Someone from our team will read your leaf first.</p>
          <Honeypot value={website} onChange={setWebsite} />
          <button type="submit" className="govuk-button" id="leaf-send" aria-disabled={busy || undefined}>
            Send my leaf
          </button>
        </>
      ) : (
        <>
          <div className="wt-easy-read__point">
            <Picture icon={QUESTIONS[step].icon} />
            <h1 className="govuk-heading-l" ref={heading} tabIndex={-1}>
              {QUESTIONS[step].question}
            </h1>
          </div>
          {step === 'name' ? (
            <TextInput
              id={id}
              name={step}
              label={<span className="govuk-visually-hidden">{QUESTIONS[step].question}</span>}
              hint={QUESTIONS[step].hint}
              error={error?.field === step ? error.message : undefined}
              value={answers.name}
              onChange={(v) => setAnswers((a) => ({ ...a, name: v }))}
              width="20"
              autoComplete="given-name"
              spellCheck={false}
            />
          ) : (
            <Textarea
              id={id}
              name={step}
              label={<span className="govuk-visually-hidden">{QUESTIONS[step].question}</span>}
              hint={QUESTIONS[step].hint}
              error={error?.field === step ? error.message : undefined}
              value={answers[step]}
              onChange={(v) => setAnswers((a) => ({ ...a, [step]: v }))}
              rows={4}
            />
          )}
          <button type="submit" className="govuk-button">
            Next
          </button>
        </>
      )}
    </form>
  );
}
