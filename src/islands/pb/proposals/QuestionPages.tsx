// The question pages of "suggest a project", one thing a page, and the check-your-answers
// summary. They only show answers and errors; ProposeJourney keeps the answers and moves between pages.
import type { ReactNode } from 'react';
import type { PbProcess } from '../../../lib/api/pb-residents';
import { formatPounds, parsePounds } from '../../../lib/money';
import { LIMITS, type Answers, type Errors, type Field, type Step } from '../../../lib/pb/proposal-form';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Radios } from '../../ui/Radios';
import { Textarea } from '../../ui/Textarea';
import { TextInput } from '../../ui/TextInput';

type PageProps = { process: PbProcess; answers: Answers; errors: Errors; update: (changes: Partial<Answers>) => void };

const upTo = (n: number) => `You can write up to ${n.toLocaleString('en-GB')} characters.`;

/** The error summary of a page: each problem links to its field. */
export function PageErrors({ errors, order }: { errors: Errors; order: readonly Field[] }) {
  const items = order.filter((f) => errors[f]).map((f) => ({ href: `#${f}`, message: errors[f]! }));
  return <ErrorSummary items={items} />;
}

export const QUESTIONS: Record<Step, { heading: string; page: (p: PageProps) => ReactNode }> = {
  title: {
    heading: 'Name your project',
    page: ({ answers, errors, update }) => (
      <>
        <TextInput
          id="title"
          label="Project name"
          labelSize="s"
          hint={`A few words people will see in the list of ideas. ${upTo(LIMITS.title)}`}
          value={answers.title}
          error={errors.title}
          onChange={(title) => update({ title })}
          autoComplete="off"
          spellCheck
        />
        <Textarea
          id="summary"
          label="Summary"
          labelSize="s"
          hint={`One or two sentences about your idea. ${upTo(LIMITS.summary)}`}
          value={answers.summary}
          error={errors.summary}
          onChange={(summary) => update({ summary })}
          rows={3}
          spellCheck
        />
      </>
    ),
  },
  details: {
    heading: 'What would your project do?',
    page: ({ answers, errors, update }) => (
      <Textarea
        id="details"
        label="Describe what would happen, where, and what the money would pay for"
        labelSize="s"
        hint={`You can paste text written somewhere else. ${upTo(LIMITS.details)}`}
        value={answers.details}
        error={errors.details}
        onChange={(details) => update({ details })}
        rows={10}
        spellCheck
      />
    ),
  },
  beneficiaries: {
    heading: 'Who would benefit?',
    page: ({ answers, errors, update }) => (
      <Textarea
        id="beneficiaries"
        label="Who would it help, and how many people (optional)"
        labelSize="s"
        hint={`For example: families with young children on the estate, about 200 people. ${upTo(LIMITS.beneficiaries)}`}
        value={answers.beneficiaries}
        error={errors.beneficiaries}
        onChange={(beneficiaries) => update({ beneficiaries })}
        rows={4}
        spellCheck
      />
    ),
  },
  cost: {
    heading: 'Roughly how much would it cost?',
    page: ({ process, answers, errors, update }) => (
      <TextInput
        id="cost"
        label="Estimated cost, in pounds"
        labelSize="s"
        hint={`A rough guess is fine: council officers will check it. For example 2500. The whole budget is ${formatPounds(process.budget)}.`}
        value={answers.cost}
        error={errors.cost}
        onChange={(cost) => update({ cost })}
        inputMode="decimal"
        width="10"
        autoComplete="off"
        spellCheck={false}
      />
    ),
  },
  ward: {
    heading: 'Which part of the area is it for?',
    page: ({ process, answers, errors, update }) => (
      <Radios
        idPrefix="ward"
        name="ward"
        legend="Part of the area"
        legendSize="s"
        error={errors.ward}
        value={answers.ward}
        onChange={(ward) => update({ ward })}
        items={[
          ...process.wards.map((w) => ({ value: w.id, label: w.name })),
          { value: 'none', label: `All of ${process.area}, or more than one part` },
        ]}
      />
    ),
  },
  category: {
    heading: 'What kind of project is it?',
    page: ({ process, answers, errors, update }) => (
      <Radios
        idPrefix="category"
        name="category"
        legend="Kind of project"
        legendSize="s"
        error={errors.category}
        value={answers.category}
        onChange={(category) => update({ category })}
        items={process.categories.map((c) => ({ value: c.id, label: c.name }))}
      />
    ),
  },
};

/** Each answer as the check-your-answers page shows it. */
export function answerText(field: Field, answers: Answers, process: PbProcess): string {
  const value = answers[field].trim();
  if (field === 'cost') return value && Number.isFinite(parsePounds(value)) ? formatPounds(parsePounds(value), true) : value;
  if (field === 'ward') return value === 'none' ? `All of ${process.area}` : (process.wards.find((w) => w.id === value)?.name ?? '');
  if (field === 'category') return process.categories.find((c) => c.id === value)?.name ?? '';
  return value;
}

export const ANSWER_LABELS: Record<Field, string> = {
  title: 'Project name',
  summary: 'Summary',
  details: 'What it would do',
  beneficiaries: 'Who would benefit',
  cost: 'Estimated cost',
  ward: 'Part of the area',
  category: 'Kind of project',
};
