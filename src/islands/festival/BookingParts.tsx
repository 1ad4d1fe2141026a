// The question pages the booking and the change of a booking share: which sessions (with places
// left, or the waiting list when full) and the support we can provide, asked as a list of what we
// will do plus words of the person's own. Never "what is your disability".
import type { ReactNode, Ref } from 'react';
import type { FestivalSession } from '../../lib/api/festival';
import { NEED_KINDS, NEED_LABELS, type NeedKind } from '../../lib/festival-bookings';
import { placesText, sessionLabel } from '../../lib/festival-places';
import type { Answers, Errors } from '../../lib/festival-form';
import { describedBy, FieldError } from '../ui/ErrorSummary';
import { groupClass } from '../ui/FormGroup';
import { Textarea } from '../ui/Textarea';
import { TextInput } from '../ui/TextInput';

type Update = (changes: Partial<Answers>) => void;

export function SessionsQuestion({
  sessions,
  answers,
  update,
  errors,
  heading,
  booked = [],
}: {
  sessions: FestivalSession[];
  answers: Answers;
  update: Update;
  errors: Errors;
  heading: ReactNode;
  /** Sessions this booking already has a place in (when changing it): they are not "full" to it. */
  booked?: string[];
}) {
  const toggle = (key: string, on: boolean) =>
    update({ sessions: on ? [...answers.sessions.filter((k) => k !== key), key] : answers.sessions.filter((k) => k !== key) });
  return (
    <div className={groupClass(errors.sessions)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy('sessions-hint', errors.sessions && 'sessions-error')}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">{heading}</legend>
        <div id="sessions-hint" className="govuk-hint">
          Choose all the sessions you would like to come to. If a session is full, we will put you on its waiting list and email you if a
          place comes up.
        </div>
        <FieldError id="sessions-error" message={errors.sessions} />
        <div className="govuk-checkboxes" data-module="govuk-checkboxes">
          {sessions.map((s, i) => {
            const id = i === 0 ? 'sessions' : `sessions-${s.key}`;
            return (
              <div className="govuk-checkboxes__item" key={s.key}>
                <input
                  className="govuk-checkboxes__input"
                  id={id}
                  name="sessions"
                  type="checkbox"
                  value={s.key}
                  checked={answers.sessions.includes(s.key)}
                  onChange={(e) => toggle(s.key, e.target.checked)}
                  aria-describedby={`${id}-hint`}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                  {sessionLabel(s)}
                </label>
                <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
                  {s.place && `${s.place}. `}
                  {booked.includes(s.key) ? 'You have a place in this session' : placesText(s)}
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function SupportQuestions({
  answers,
  update,
  errors,
  headingLevel = 'h1',
  headingRef,
}: {
  answers: Answers;
  update: Update;
  errors: Errors;
  /** h1 on its own question page, h2 inside the change form. */
  headingLevel?: 'h1' | 'h2';
  /** The page's heading takes focus when the page opens. */
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const Heading = headingLevel;
  const toggle = (kind: NeedKind, on: boolean) =>
    update({ needs: on ? [...answers.needs.filter((k) => k !== kind), kind] : answers.needs.filter((k) => k !== kind) });
  return (
    <>
      <div className={groupClass(errors.needs)}>
        <fieldset className="govuk-fieldset" aria-describedby={describedBy('needs-hint', errors.needs && 'needs-error')}>
          <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${headingLevel === 'h1' ? 'l' : 'm'}`}>
            <Heading className="govuk-fieldset__heading wt-focus-heading" ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
              What support would help you on the day?
            </Heading>
          </legend>
          <div id="needs-hint" className="govuk-hint">
            Choose all that apply, or none. You do not need to tell us why. We only use this to plan the day, and we delete it after the
            festival.
          </div>
          <FieldError id="needs-error" message={errors.needs} />
          <div className="govuk-checkboxes">
            {NEED_KINDS.map((kind, i) => {
              const id = i === 0 ? 'needs' : `needs-${kind}`;
              const label = NEED_LABELS[kind];
              const on = answers.needs.includes(kind);
              return (
                <div key={kind}>
                  <div className="govuk-checkboxes__item">
                    <input
                      className="govuk-checkboxes__input"
                      id={id}
                      name="needs"
                      type="checkbox"
                      value={kind}
                      checked={on}
                      onChange={(e) => toggle(kind, e.target.checked)}
                      aria-describedby={label.hint ? `${id}-hint` : undefined}
                      aria-controls={kind === 'interpreter' || kind === 'dietary' ? `${kind}-conditional` : undefined}
                      aria-expanded={kind === 'interpreter' || kind === 'dietary' ? on : undefined}
                    />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                      {label.label}
                    </label>
                    {label.hint && (
                      <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
                        {label.hint}
                      </div>
                    )}
                  </div>
                  {kind === 'interpreter' && on && (
                    <div className="govuk-checkboxes__conditional" id="interpreter-conditional">
                      <TextInput
                        id="interpreter"
                        label="Which interpreter do you need?"
                        hint="For example, British Sign Language, or a spoken language such as Polish"
                        value={answers.interpreter}
                        onChange={(interpreter) => update({ interpreter })}
                        error={errors.interpreter}
                        spellCheck={false}
                      />
                    </div>
                  )}
                  {kind === 'dietary' && on && (
                    <div className="govuk-checkboxes__conditional" id="dietary-conditional">
                      <Textarea
                        id="dietary"
                        label="What can you not eat, or what do you need?"
                        value={answers.dietary}
                        onChange={(dietary) => update({ dietary })}
                        error={errors.dietary}
                        rows={3}
                      />
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
      <Textarea
        id="other"
        label="Is there anything else that would help you take part?"
        labelSize="m"
        hint="Optional. For example, a blue badge parking space, a seat near the front, or a helper to meet you at the door."
        value={answers.other}
        onChange={(other) => update({ other })}
        error={errors.other}
        rows={4}
      />
    </>
  );
}

/** The support asked for, in words, for the summary lists. */
export function supportText(a: Pick<Answers, 'needs' | 'interpreter' | 'dietary'>): ReactNode {
  if (a.needs.length === 0) return 'None';
  return (
    <ul className="govuk-list">
      {NEED_KINDS.filter((k) => a.needs.includes(k)).map((k) => (
        <li key={k}>
          {NEED_LABELS[k].summary}
          {k === 'interpreter' && a.interpreter.trim() && `: ${a.interpreter.trim()}`}
          {k === 'dietary' && a.dietary.trim() && `: ${a.dietary.trim()}`}
        </li>
      ))}
    </ul>
  );
}
