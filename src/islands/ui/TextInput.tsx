// GOV.UK text input: label, hint and error wired up for screen readers.
import type { InputHTMLAttributes } from 'react';
import { fieldIds, FormGroup, type FieldProps } from './FormGroup';

interface Props extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'width'> {
  value: string;
  onChange: (value: string) => void;
  /** GOV.UK's fixed widths, in characters. */
  width?: '2' | '3' | '4' | '5' | '10' | '20' | '30';
}

export function TextInput({
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
  width,
  className,
  ...input
}: Props) {
  const field = { id, label, labelSize, hint, error, hintId, errorId, describedBy, groupClassName };
  const classes = ['govuk-input', width && `govuk-input--width-${width}`, error && 'govuk-input--error', className]
    .filter(Boolean)
    .join(' ');
  return (
    <FormGroup field={field}>
      <input
        type="text"
        {...input}
        className={classes}
        id={id}
        name={input.name ?? id}
        value={value}
        aria-describedby={fieldIds(field).described}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </FormGroup>
  );
}
