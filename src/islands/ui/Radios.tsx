// GOV.UK radios: a fieldset whose legend asks the question, a hint, the error, and one radio per
// answer (each may have its own hint). The error summary links to the first radio, whose id is
// idPrefix; the others are `${idPrefix}-${value}` unless given.
import type { ReactNode } from 'react';
import { describedBy, FieldError } from './ErrorSummary';
import { groupClass } from './FormGroup';

export interface RadioItem<V extends string | number> {
  value: V;
  label: ReactNode;
  hint?: ReactNode;
  id?: string;
  /** Defaults to `${id}-hint`. */
  hintId?: string;
}

interface Props<V extends string | number> {
  idPrefix: string;
  name: string;
  legend: ReactNode;
  legendSize?: 's' | 'm' | 'l';
  /** Puts the legend in a heading, as GOV.UK does when the question is the page's main heading:
   *  an h2 (true), or the page's h1 on a one-question page. */
  legendHeading?: boolean | 'h1';
  /** Above the legend's text, inside it (say, "Question 2 of 5"). */
  caption?: ReactNode;
  hint?: ReactNode;
  /** Defaults to `${idPrefix}-hint`. */
  hintId?: string;
  error?: string;
  items: readonly RadioItem<V>[];
  value: V | null | undefined;
  onChange: (value: V) => void;
  inline?: boolean;
  disabled?: boolean;
  groupClassName?: string;
  testId?: string;
  /** Inside the form group, after the fieldset (say, a comment on the answer). */
  children?: ReactNode;
}

export function Radios<V extends string | number>(props: Props<V>) {
  const { idPrefix, name, legend, legendSize, legendHeading, caption, hint, error, items, value, onChange, inline, disabled } = props;
  const hintId = props.hintId ?? `${idPrefix}-hint`;
  const errorId = `${idPrefix}-error`;
  return (
    <div className={groupClass(error, props.groupClassName)} data-testid={props.testId}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(hint ? hintId : undefined, error && errorId)}>
        <legend className={`govuk-fieldset__legend${legendSize ? ` govuk-fieldset__legend--${legendSize}` : ''}`}>
          {caption}
          {legendHeading === 'h1' ? (
            <h1 className="govuk-fieldset__heading">{legend}</h1>
          ) : legendHeading ? (
            <h2 className="govuk-fieldset__heading">{legend}</h2>
          ) : (
            legend
          )}
        </legend>
        {hint && (
          <div className="govuk-hint" id={hintId}>
            {hint}
          </div>
        )}
        <FieldError id={errorId} message={error} />
        <div className={`govuk-radios${inline ? ' govuk-radios--inline' : ''}`}>
          {items.map((item, i) => {
            const id = item.id ?? (i === 0 ? idPrefix : `${idPrefix}-${item.value}`);
            const itemHint = item.hintId ?? `${id}-hint`;
            return (
              <div className="govuk-radios__item" key={item.value}>
                <input
                  className="govuk-radios__input"
                  id={id}
                  name={name}
                  type="radio"
                  value={item.value}
                  checked={value === item.value}
                  disabled={disabled}
                  onChange={() => onChange(item.value)}
                  aria-describedby={item.hint ? itemHint : undefined}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={id}>
                  {item.label}
                </label>
                {item.hint && (
                  <div className="govuk-hint govuk-radios__hint" id={itemHint}>
                    {item.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
      {props.children}
    </div>
  );
}
