// A labelled GOV.UK input or text area with its hint and error, for the officers' forms.
import { describedBy, ErrorSummary, FieldError } from '../../ui/ErrorSummary';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  multiline?: boolean;
  type?: string;
  width?: string;
}

export function Field({ id, label, value, onChange, error, hint, multiline, type = 'text', width }: Props) {
  const described = describedBy(hint && `${id}-hint`, error && `${id}-error`);
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>{label}</label>
      {hint && <div className="govuk-hint" id={`${id}-hint`}>{hint}</div>}
      <FieldError id={`${id}-error`} message={error} />
      {multiline
        ? <textarea className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`} id={id} rows={4} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={described} />
        : <input className={`govuk-input${width ? ` govuk-input--width-${width}` : ''}${error ? ' govuk-input--error' : ''}`} id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={described} />}
    </div>
  );
}

/** The error summary for a form of Fields, whose problems are keyed by field id. */
export function ErrorList({ errors, title }: { errors: { id: string; message: string }[]; title?: string }) {
  return <ErrorSummary title={title} items={errors.map((e) => ({ href: `#${e.id}`, message: e.message }))} />;
}
