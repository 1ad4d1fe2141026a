// GOV.UK date input: a fieldset of day, month and year boxes with one hint and one error. The
// checking is in src/lib/date-input.ts; `errorParts` marks the boxes the error is about. The
// error summary links to `${id}-day` (or the first box in error).
import type { ReactNode } from 'react';
import type { DatePart, DateParts } from '../../lib/date-input';
import { describedBy, FieldError } from './ErrorSummary';
import { groupClass } from './FormGroup';

interface Props {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  value: DateParts;
  onChange: (value: DateParts) => void;
  error?: string;
  errorParts?: readonly DatePart[];
}

const BOXES: { part: DatePart; label: string; width: '2' | '4' }[] = [
  { part: 'day', label: 'Day', width: '2' },
  { part: 'month', label: 'Month', width: '2' },
  { part: 'year', label: 'Year', width: '4' },
];

/** The id of the box the error summary should link to. */
export const dateBoxId = (id: string, parts?: readonly DatePart[]) => `${id}-${parts?.[0] ?? 'day'}`;

export function DateInput({ id, legend, hint, value, onChange, error, errorParts }: Props) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const marked = error ? (errorParts?.length ? errorParts : ['day', 'month', 'year']) : [];
  return (
    <div className={groupClass(error)}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(hint ? hintId : undefined, error && errorId)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div className="govuk-hint" id={hintId}>
            {hint}
          </div>
        )}
        <FieldError id={errorId} message={error} />
        <div className="govuk-date-input" id={id}>
          {BOXES.map(({ part, label, width }) => (
            <div className="govuk-date-input__item" key={part}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>
                  {label}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${width}${marked.includes(part) ? ' govuk-input--error' : ''}`}
                  id={`${id}-${part}`}
                  name={`${id}-${part}`}
                  type="text"
                  inputMode="numeric"
                  value={value[part]}
                  aria-invalid={marked.includes(part) || undefined}
                  onChange={(e) => onChange({ ...value, [part]: e.target.value })}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
