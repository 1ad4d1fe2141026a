// /tree/add/: the four questions of a leaf on one page (it is short), checked here first and then
// by the database, whose refusal is shown by the field it names. Nothing is kept on a refusal.
import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import { treeAddLeaf } from '../../lib/api/tree';
import { checkLeaf, EMPTY_LEAF, LEAF_FIELDS, LEAF_LIMITS, leafArgs, type LeafAnswers, type LeafField } from '../../lib/tree/leaf-form';
import { treeProblemWords } from '../../lib/tree/refusal-words';
import { ErrorSummary } from '../ui/ErrorSummary';
import { TextInput } from '../ui/TextInput';
import { Textarea } from '../ui/Textarea';
import { useOnce } from '../ui/useOnce';
import { Honeypot } from './Honeypot';
import { LeafSent } from './LeafSent';

const QUESTIONS: Record<LeafField, { label: string; hint: string }> = {
  what: { label: 'What was it?', hint: 'For example, a group that planned a service, a training day or an event.' },
  who: {
    label: 'Who was involved? (optional)',
    hint: 'For example, carers, young people, council staff. Please do not give other people’s full names.',
  },
  what_changed: { label: 'What changed because of it?', hint: 'What is different now, for the people involved or for others.' },
  name: { label: 'Your first name (optional)', hint: 'Leave this empty to add your leaf anonymously.' },
};

const limitHint = (field: LeafField) => `${QUESTIONS[field].hint} At most ${LEAF_LIMITS[field].max} characters.`;

export default function AddLeafForm() {
  const [answers, setAnswers] = useState<LeafAnswers>(EMPTY_LEAF);
  const [website, setWebsite] = useState('');
  const [errors, setErrors] = useState<Partial<Record<LeafField, string>>>({});
  const [problem, setProblem] = useState<ApiProblem>();
  const [sent, setSent] = useState(false);
  const [busy, once] = useOnce();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void once(async () => {
      const found = checkLeaf(answers);
      setErrors(Object.fromEntries(found.map((f) => [f.field, treeProblemWords({ key: f.key, message: '', offline: false })])));
      setProblem(undefined);
      if (found.length > 0) return;
      const r = await treeAddLeaf(leafArgs(answers, website, false), 'form');
      if (r.ok) return setSent(true);
      const field = LEAF_FIELDS.find((f) => f === r.field);
      if (field) setErrors({ [field]: treeProblemWords(r) });
      else setProblem(r);
    });
  };

  if (sent) return <LeafSent />;
  const summary = [
    ...LEAF_FIELDS.filter((f) => errors[f]).map((f) => ({ href: `#leaf-${f}`, message: errors[f]! })),
    ...(problem ? [{ href: '#leaf-what', message: treeProblemWords(problem) }] : []),
  ];
  const field = (f: LeafField) => ({
    id: `leaf-${f}`,
    name: f,
    label: QUESTIONS[f].label,
    labelSize: 's' as const,
    hint: limitHint(f),
    error: errors[f],
    value: answers[f],
    onChange: (v: string) => setAnswers((a) => ({ ...a, [f]: v })),
  });

  return (
    <form noValidate onSubmit={submit} data-testid="add-leaf">
      <ErrorSummary items={summary} />
      <h1 className="govuk-heading-l">Add a leaf to the Co-production Tree</h1>
      <p className="govuk-body">
        Tell us about an example of co-production you took part in or know about in Oxfordshire. You do not need to sign in.
      </p>
      <Textarea {...field('what')} rows={3} />
      <Textarea {...field('who')} rows={3} />
      <Textarea {...field('what_changed')} rows={4} />
      <TextInput {...field('name')} width="20" autoComplete="given-name" spellCheck={false} />
      <Honeypot value={website} onChange={setWebsite} />
      <p className="govuk-body">Someone from the co-production team reads every leaf before it goes on the tree.</p>
      <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
        Send your leaf
      </button>
    </form>
  );
}
