// GOV.UK checkboxes. With a legend they sit in a fieldset; a single checkbox (agreeing to
// something) needs none. The error summary links to the first box; its error is `${id}-error`.
import type { ReactNode } from 'react';
import { describedBy, FieldError } from './ErrorSummary';
import { groupClass } from './FormGroup';

export interface CheckboxItem {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

interface Props {
  items: readonly CheckboxItem[];
  legend?: ReactNode;
  error?: string;
  small?: boolean;
}

export function Checkboxes({ items, legend, error, small }: Props) {
  const errorId = `${items[0]?.id}-error`;
  const boxes = (
    <>
      <FieldError id={errorId} message={error} />
      <div className={`govuk-checkboxes${small ? ' govuk-checkboxes--small' : ''}`}>
        {items.map((item, i) => (
          <div className="govuk-checkboxes__item" key={item.id}>
            <input
              className="govuk-checkboxes__input"
              id={item.id}
              name={item.id}
              type="checkbox"
              checked={item.checked}
              onChange={(e) => item.onChange(e.target.checked)}
              aria-describedby={!legend && i === 0 ? describedBy(error && errorId) : undefined}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor={item.id}>
              {item.label}
            </label>
          </div>
        ))}
      </div>
    </>
  );
  return (
    <div className={groupClass(error)}>
      {legend ? (
        <fieldset className="govuk-fieldset" aria-describedby={describedBy(error && errorId)}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
          {boxes}
        </fieldset>
      ) : (
        boxes
      )}
    </div>
  );
}
