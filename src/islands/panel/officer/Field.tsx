// A labelled GOV.UK input or text area with its hint and error, for the officers' forms.
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
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>{label}</label>
      {hint && <div className="govuk-hint" id={`${id}-hint`}>{hint}</div>}
      {error && <p className="govuk-error-message" id={`${id}-error`}><span className="govuk-visually-hidden">Error:</span> {error}</p>}
      {multiline
        ? <textarea className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`} id={id} rows={4} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} />
        : <input className={`govuk-input${width ? ` govuk-input--width-${width}` : ''}${error ? ' govuk-input--error' : ''}`} id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} />}
    </div>
  );
}

export function ErrorList({ errors, title = 'There is a problem' }: { errors: { id: string; message: string }[]; title?: string }) {
  if (!errors.length) return null;
  return (
    <div className="govuk-error-summary" role="alert" tabIndex={-1}>
      <h2 className="govuk-error-summary__title">{title}</h2>
      <div className="govuk-error-summary__body">
        <ul className="govuk-list govuk-error-summary__list">{errors.map((e) => <li key={e.id + e.message}><a href={`#${e.id}`}>{e.message}</a></li>)}</ul>
      </div>
    </div>
  );
}
