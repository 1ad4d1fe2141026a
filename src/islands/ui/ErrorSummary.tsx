// The GOV.UK error pattern, used by every form: the summary at the top, the message above each
// field, and the field's aria-describedby joining them.
import { useEffect, useId, useRef } from 'react';

/** The GOV.UK error summary: each problem links to its field. It takes focus when it appears or
 *  changes, so a screen reader hears what went wrong at once. */
export function ErrorSummary({
  items,
  intro,
  title = 'There is a problem',
  heading: Heading = 'h2',
}: {
  items: { href: string; message: string }[];
  intro?: string;
  title?: string;
  heading?: 'h2' | 'h3' | 'h4';
}) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const key = `${intro ?? ''}|${items.map((i) => i.message).join('|')}`;
  useEffect(() => box.current?.focus(), [key]);
  if (!intro && items.length === 0) return null;
  return (
    <div className="govuk-error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby={titleId}>
      <Heading className="govuk-error-summary__title" id={titleId}>
        {title}
      </Heading>
      <div className="govuk-error-summary__body">
        {intro && <p className="govuk-body">{intro}</p>}
        {items.length > 0 && (
          <ul className="govuk-list govuk-error-summary__list">
            {items.map((i) => (
              <li key={i.href + i.message}>
                <a href={i.href}>{i.message}</a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** The GOV.UK error message shown above a field; give the field aria-describedby={id}. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p className="govuk-error-message" id={id}>
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

/** Joins the ids a field is described by, skipping the ones not shown. */
export const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** The error summary for a form whose problems are keyed by field id. */
export function ErrorList({ errors, title }: { errors: { id: string; message: string }[]; title?: string }) {
  return <ErrorSummary title={title} items={errors.map((e) => ({ href: `#${e.id}`, message: e.message }))} />;
}
