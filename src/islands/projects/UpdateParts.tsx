// Pieces the lead's and the officers' update screens share: the status tag, an update's answers
// as a GOV.UK summary list, and the words for a refusal.
import type { ApiProblem } from '../../lib/api-call';
import type { ProjectUpdate } from '../../lib/api/project-updates';
import { monthYear } from '../../lib/dates';
import { answersFrom, FIELDS, type Field } from '../../lib/projects/update-form';
import type { UpdateStatus } from '../../lib/projects/update-rules';
import { projectUpdateWords } from '../../lib/refusals/project-updates';
import { WORDS as SHARED } from '../../lib/refusals/shared';

const TAGS: Record<UpdateStatus, { label: string; colour: string }> = {
  draft: { label: 'Draft', colour: 'govuk-tag--grey' },
  waiting: { label: 'Waiting for an officer', colour: 'govuk-tag--blue' },
  approved: { label: 'Published', colour: 'govuk-tag--green' },
  returned: { label: 'Returned to you', colour: 'govuk-tag--orange' },
  hidden: { label: 'Hidden', colour: 'govuk-tag--red' },
};

export function UpdateStatusTag({ status }: { status: UpdateStatus }) {
  return <strong className={`govuk-tag ${TAGS[status].colour}`}>{TAGS[status].label}</strong>;
}

export const wordsFor = (problem: ApiProblem) => projectUpdateWords(problem, SHARED);

/** What was written, one row a question; `onChange` adds GOV.UK's "Change" link to each row. */
export function UpdateSummary({ update, onChange }: { update: ProjectUpdate; onChange?: (field: Field) => void }) {
  const answers = answersFrom(update);
  return (
    <dl className="govuk-summary-list">
      {FIELDS.map(({ field, label }) => (
        <div className="govuk-summary-list__row" key={field}>
          <dt className="govuk-summary-list__key">{label}</dt>
          <dd className="govuk-summary-list__value wt-pre-line">
            {field === 'month' ? monthYear(answers.month) : answers[field] || 'Not given'}
          </dd>
          {onChange && (
            <dd className="govuk-summary-list__actions">
              <button type="button" className="govuk-link wt-link-button" onClick={() => onChange(field)}>
                Change<span className="govuk-visually-hidden"> {label.toLowerCase()}</span>
              </button>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
