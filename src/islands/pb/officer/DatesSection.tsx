// The dates residents see on the process's timeline, one start and end per phase, with GOV.UK's
// date input. Dates inform: only the officer's move changes the phase. A start is the beginning
// of its day and an end the end of its day (UTC, as the site's other dates).
import { useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { pbSetPhaseDates, type PbOfficerProcess } from '../../../lib/api/pb-officers';
import { checkDateParts, partsFromIso, type DatePart, type DateParts } from '../../../lib/date-input';
import { PHASE_WORDS } from '../../../lib/pb/phase-words';
import { PB_PHASES, type PbPhase } from '../../../lib/pb/phases';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { dateBoxId, DateInput } from '../../ui/DateInput';
import { useOnce } from '../../ui/useOnce';
import { useKeptForm } from '../../panel/officer/useKeptForm';
import { RefusedBox } from './Refused';
import { refusalWords } from '../../../lib/pb/officer-refusal-words';

const DATED: PbPhase[] = PB_PHASES.filter((p) => p !== 'draft');
type Dates = Record<string, DateParts>;
type DateError = { id: string; message: string; parts: DatePart[] };

/** `onSaved` remounts the section with the stored dates; `notice` then carries the saved message over. */
export function DatesSection({
  process,
  notice,
  onSaved,
}: {
  process: PbOfficerProcess;
  notice?: string;
  onSaved: (p: PbOfficerProcess, notice: string) => void;
}) {
  const stored = (phase: PbPhase) => process.phases.find((x) => x.phase === phase);
  const [dates, set, forget] = useKeptForm<Dates>(`pb-dates:${process.id}`, () =>
    Object.fromEntries(
      DATED.flatMap((p) => [
        [`dates-${p}-start`, partsFromIso(stored(p)?.starts_at)],
        [`dates-${p}-end`, partsFromIso(stored(p)?.ends_at)],
      ]),
    ),
  );
  const [errors, setErrors] = useState<DateError[]>([]);
  const [problem, setProblem] = useState<ApiProblem>();
  const [saved, setSaved] = useState<string | undefined>(notice);
  const [busy, once] = useOnce();

  const save = () =>
    once(async () => {
      setSaved(undefined);
      const found: DateError[] = [];
      const wanted: { phase: PbPhase; start: string | null; end: string | null }[] = [];
      for (const phase of DATED) {
        const name = PHASE_WORDS[phase].name;
        const start = checkDateParts(dates[`dates-${phase}-start`]!, `The start of ${name}`);
        const end = checkDateParts(dates[`dates-${phase}-end`]!, `The end of ${name}`);
        if (!start.ok) found.push({ id: `dates-${phase}-start`, message: start.message, parts: start.parts });
        if (!end.ok) found.push({ id: `dates-${phase}-end`, message: end.message, parts: end.parts });
        if (start.ok && end.ok) {
          if (start.iso && end.iso && end.iso < start.iso)
            found.push({
              id: `dates-${phase}-end`,
              message: `The end of ${name} must be on or after its start`,
              parts: ['day', 'month', 'year'],
            });
          else if (start.iso || end.iso || stored(phase)) wanted.push({ phase, start: start.iso, end: end.iso });
        }
      }
      setErrors(found);
      if (found.length) return;
      let last: PbOfficerProcess | undefined;
      for (const w of wanted) {
        const r = await pbSetPhaseDates(
          {
            p_process_id: process.id,
            p_phase: w.phase,
            p_starts_at: w.start && `${w.start}T00:00:00Z`,
            p_ends_at: w.end && `${w.end}T23:59:59Z`,
          },
          'device',
        );
        if (!r.ok) {
          if (r.key === 'ends_before_start')
            return setErrors([{ id: `dates-${w.phase}-end`, message: refusalWords(r), parts: ['day', 'month', 'year'] }]);
          return setProblem(r);
        }
        last = r.data;
      }
      setProblem(undefined);
      forget();
      setSaved('The dates are saved.');
      if (last) onSaved(last, 'The dates are saved.');
    });

  const errorOf = (id: string) => errors.find((e) => e.id === id);
  return (
    <section aria-labelledby="dates-heading" data-testid="dates-section">
      <h2 className="govuk-heading-m" id="dates-heading">
        Dates
      </h2>
      <p className="govuk-body">
        Residents see these on the process’s timeline. Leave a date empty if it is not known yet. Moving to the next phase is still your
        decision, below.
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ErrorSummary items={errors.map((e) => ({ href: `#${dateBoxId(e.id, e.parts)}`, message: e.message }))} />
        {problem && <RefusedBox problem={problem} />}
        {DATED.map((phase) => (
          <fieldset key={phase} className="govuk-fieldset wt-dates">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              <h3 className="govuk-fieldset__heading">{PHASE_WORDS[phase].name}</h3>
            </legend>
            {(['start', 'end'] as const).map((edge) => {
              const id = `dates-${phase}-${edge}`;
              const e = errorOf(id);
              return (
                <DateInput
                  key={id}
                  id={id}
                  legend={edge === 'start' ? 'Starts' : 'Ends'}
                  hint={edge === 'start' ? 'For example, 14 3 2027' : undefined}
                  value={dates[id]!}
                  error={e?.message}
                  errorParts={e?.parts}
                  onChange={(v) => {
                    setSaved(undefined);
                    set({ ...dates, [id]: v });
                  }}
                />
              );
            })}
          </fieldset>
        ))}
        <p className="govuk-body" role="status">
          {saved}
        </p>
        <button type="submit" className="govuk-button govuk-button--secondary" aria-disabled={busy || undefined}>
          Save the dates
        </button>
      </form>
    </section>
  );
}
