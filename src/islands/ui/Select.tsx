// GOV.UK select: label, hint and error wired up for screen readers. The options are its
// children; `after` sits beside the select (say, a button that acts on the choice).
import type { ReactNode } from 'react';
import { fieldIds, FormGroup, type FieldProps } from './FormGroup';

interface Props extends FieldProps {
  value: string | number;
  onChange: (value: string) => void;
  children: ReactNode;
  after?: ReactNode;
}

export function Select({ value, onChange, children, after, ...field }: Props) {
  return (
    <FormGroup field={field}>
      <select
        className={`govuk-select${field.error ? ' govuk-select--error' : ''}`}
        id={field.id}
        name={field.id}
        value={value}
        aria-describedby={fieldIds(field).described}
        aria-invalid={field.error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
      {after && <> {after}</>}
    </FormGroup>
  );
}
