// When a round takes applications: the opening and closing dates, with GOV.UK date inputs. Groups
// see an open round on /grants/ from the day an officer opens it (the "Open for applications" move)
// until its closing date; applications close at the end of that day, UK time. The dates can change
// until scoring starts; the database refuses a closing date before the opening date, by key.
import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import type { Round } from '../../../lib/api/rounds';
import { updateRound } from '../../../lib/api/setup';
import { longDate } from '../../../lib/dates';
import { checkDateParts, partsFromIso, type DatePart } from '../../../lib/date-input';
import { explainEditorRefusal } from '../../../lib/grants/eligibility-refusals';
import { ErrorList } from '../../ui/ErrorSummary';
import { dateBoxId, DateInput } from '../../ui/DateInput';
import { useOnce } from '../../ui/useOnce';
import { ProblemBox } from '../PanelParts';
import { useKeptForm } from './useKeptForm';

type DateError = { message: string; parts: DatePart[] };

export function ApplicationDatesSection({ round, onSaved }: { round: Round; onSaved: () => void }) {
  const [f, setF, forget] = useKeptForm(`application-dates:${round.id}`, () => ({
    opens: partsFromIso(round.opens_on),
    closes: partsFromIso(round.closes_on),
  }));
  const [errors, setErrors] = useState<{ opens?: DateError; closes?: DateError }>({});
  const [problem, setProblem] = useState<ApiProblem>();
  const [saved, setSaved] = useState<string>();
  const [busy, once] = useOnce();
  const canChange = ['draft', 'open', 'closed'].includes(round.state);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void once(async () => {
      setSaved(undefined);
      setProblem(undefined);
      const opens = checkDateParts(f.opens, 'The opening date', true);
      const closes = checkDateParts(f.closes, 'The closing date', true);
      const found = {
        opens: opens.ok ? undefined : { message: opens.message, parts: opens.parts },
        closes: closes.ok ? undefined : { message: closes.message, parts: closes.parts },
      };
      setErrors(found);
      if (!opens.ok || !closes.ok) return;
      const result = await updateRound({ p_round_id: round.id, p_opens_on: opens.iso, p_closes_on: closes.iso });
      if (!result.ok) {
        const refusal = explainEditorRefusal(result);
        if (refusal?.field === 'closes_on' || refusal?.field === 'opens_on') {
          const which = refusal.field === 'closes_on' ? 'closes' : 'opens';
          return setErrors({ [which]: { message: refusal.message, parts: ['day', 'month', 'year'] } });
        }
        return setProblem(refusal ? { ...result, message: refusal.message } : result);
      }
      forget();
      setSaved(`Saved: open for applications from ${longDate(opens.iso!)} to the end of ${longDate(closes.iso!)}.`);
      onSaved();
    });
  };

  const summary = [
    errors.opens && { id: dateBoxId('opens-on', errors.opens.parts), message: errors.opens.message },
    errors.closes && { id: dateBoxId('closes-on', errors.closes.parts), message: errors.closes.message },
  ].filter((x): x is { id: string; message: string } => Boolean(x));

  return (
    <section aria-labelledby="application-dates-heading" data-testid="application-dates">
      <h2 className="govuk-heading-m" id="application-dates-heading">
        Dates for applications
      </h2>
      {!canChange ? (
        <p className="govuk-body">
          {round.opens_on && round.closes_on
            ? `Applications were open from ${longDate(round.opens_on)} to ${longDate(round.closes_on)}.`
            : 'This round did not take applications online.'}{' '}
          The dates are fixed once scoring has started.
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="govuk-body">
            Groups see the round on the grants page once it is open for applications, and can apply until the end of the closing date
            (11:59pm, UK time).
          </p>
          <ErrorList errors={summary} />
          {problem && <ProblemBox problem={problem} title="The dates were not saved" />}
          <DateInput
            id="opens-on"
            legend="Opens for applications on"
            hint="For example, 3 8 2027"
            value={f.opens}
            error={errors.opens?.message}
            errorParts={errors.opens?.parts}
            onChange={(v) => setF({ ...f, opens: v })}
          />
          <DateInput
            id="closes-on"
            legend="Closes for applications on"
            hint="For example, 16 10 2027"
            value={f.closes}
            error={errors.closes?.message}
            errorParts={errors.closes?.parts}
            onChange={(v) => setF({ ...f, closes: v })}
          />
          <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
            Save the dates
          </button>
          <p className="govuk-body" role="status">
            {saved}
          </p>
        </form>
      )}
    </section>
  );
}
