// What every GOV.UK field shares: the form group (red bar when in error), its label, hint and
// error message, and the ids that join them to the control. Each pattern (TextInput, Textarea,
// Select, FileUpload) puts its own control inside.
import type { ReactNode } from 'react';
import { describedBy, FieldError } from './ErrorSummary';

export type LabelSize = 's' | 'm' | 'l';

export interface FieldProps {
  id: string;
  label: ReactNode;
  /** Bolder label: GOV.UK's govuk-label--s/m/l. Plain when not given. */
  labelSize?: LabelSize;
  hint?: ReactNode;
  error?: string;
  /** Ids default to `${id}-hint` and `${id}-error`. */
  hintId?: string;
  errorId?: string;
  /** More ids the control is described by (say, a live readability note). */
  describedBy?: string;
  /** Extra classes on the form group, for layout. */
  groupClassName?: string;
}

/** The ids a control is described by, and the pieces above it. */
export function fieldIds({ id, hint, error, hintId, errorId, describedBy: more }: FieldProps) {
  const hintAt = hintId ?? `${id}-hint`;
  const errorAt = errorId ?? `${id}-error`;
  return { hintAt, errorAt, described: describedBy(hint ? hintAt : undefined, more, error ? errorAt : undefined) };
}

export const groupClass = (error: string | undefined, extra?: string) =>
  ['govuk-form-group', extra, error && 'govuk-form-group--error'].filter(Boolean).join(' ');

export function FormGroup({ field, children }: { field: FieldProps; children: ReactNode }) {
  const { id, label, labelSize, hint, error } = field;
  const { hintAt, errorAt } = fieldIds(field);
  return (
    <div className={groupClass(error, field.groupClassName)}>
      <label className={`govuk-label${labelSize ? ` govuk-label--${labelSize}` : ''}`} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="govuk-hint" id={hintAt}>
          {hint}
        </div>
      )}
      <FieldError id={errorAt} message={error} />
      {children}
    </div>
  );
}
