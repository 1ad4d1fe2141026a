import type { InputHTMLAttributes } from 'react';
import { describedBy, FieldError } from './ErrorSummary';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
}

/** A GOV.UK text input with its label, hint and error message wired up for screen readers. */
export function TextField({ id, label, hint, error, value, onChange, className, ...input }: Props) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>{label}</label>
      {hint && <div className="govuk-hint" id={`${id}-hint`}>{hint}</div>}
      <FieldError id={`${id}-error`} message={error} />
      <input
        {...input}
        className={`govuk-input${error ? ' govuk-input--error' : ''} ${className ?? ''}`.trim()}
        id={id}
        name={id}
        value={value}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
