// GOV.UK textarea: label, hint and error wired up for screen readers.
import type { TextareaHTMLAttributes } from 'react';
import { fieldIds, FormGroup, type FieldProps } from './FormGroup';

interface Props extends FieldProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
}

export function Textarea({
  id,
  label,
  labelSize,
  hint,
  error,
  hintId,
  errorId,
  describedBy,
  groupClassName,
  value,
  onChange,
  rows = 5,
  ...textarea
}: Props) {
  const field = { id, label, labelSize, hint, error, hintId, errorId, describedBy, groupClassName };
  return (
    <FormGroup field={field}>
      <textarea
        {...textarea}
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={textarea.name ?? id}
        rows={rows}
        value={value}
        aria-describedby={fieldIds(field).described}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </FormGroup>
  );
}
