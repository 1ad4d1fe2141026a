// "Cabinet agreed the recommendations as they stand": one date and one minute reference decide
// every application not yet decided as the panel recommended, so the officer then changes only
// the exceptions one by one. The date and minute are checked as the one-by-one form checks them.
import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { recordCabinetAgreed } from '../../../lib/api/review';
import { EMPTY_DATE, type DatePart, type DateParts } from '../../../lib/date-input';
import { checkCabinetDecision, fieldFor, type Problems } from '../../../lib/grants/officer-checks';
import { refusalWords } from '../../../lib/grants/refusals';
import { ProblemBox } from '../PanelParts';
import { DateInput, dateBoxId } from '../../ui/DateInput';
import { ErrorList } from '../../ui/ErrorSummary';
import { TextInput } from '../../ui/TextInput';
import { useOnce } from '../../ui/useOnce';

type Field = 'date' | 'minute';
const ID = 'cabinet-agreed';

export function CabinetAgreed({ roundId, undecided, onSaved }: { roundId: string; undecided: number; onSaved: () => void }) {
  const [date, setDate] = useState<DateParts>(EMPTY_DATE);
  const [minute, setMinute] = useState('');
  const [problems, setProblems] = useState<Problems<Field>>({});
  const [dateParts, setDateParts] = useState<DatePart[]>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, once] = useOnce();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void once(async () => {
      const checked = checkCabinetDecision({ decision: 'not_award', amount: '', date, minute, confirmMore: false }, 0);
      setDateParts(checked.ok ? undefined : checked.dateParts);
      setProblems(checked.ok ? {} : { date: checked.problems.date, minute: checked.problems.minute });
      if (!checked.ok) return;
      setProblem(undefined);
      const saved = await recordCabinetAgreed({ p_round_id: roundId, p_decided_on: checked.date, p_minute_reference: minute.trim() });
      if (!saved.ok) {
        const field = saved.status === 400 ? fieldFor(saved, ['date', 'minute'] as const) : undefined;
        return field ? setProblems({ [field]: refusalWords(saved) }) : setProblem(saved);
      }
      setDate(EMPTY_DATE);
      setMinute('');
      onSaved();
    });
  };
  const errors = [
    ...(problems.date ? [{ id: dateBoxId(`${ID}-date`, dateParts), message: problems.date }] : []),
    ...(problems.minute ? [{ id: `${ID}-minute`, message: problems.minute }] : []),
  ];
  return (
    <form className="wt-decision" onSubmit={submit} noValidate aria-labelledby={`${ID}-heading`}>
      <h3 className="govuk-heading-s" id={`${ID}-heading`}>
        Cabinet agreed the recommendations as they stand
      </h3>
      <p className="govuk-body">
        This records Cabinet's decision on the {undecided === 1 ? 'application' : `${undecided} applications`} not yet decided as the panel
        recommended: the recommended amount and conditions, or no award. Change any exception afterwards, one by one.
      </p>
      <ErrorList errors={errors} />
      {problem && <ProblemBox problem={problem} title="The decisions were not saved" />}
      <DateInput
        id={`${ID}-date`}
        legend="Date of the Cabinet meeting"
        hint="For example, 12 1 2027"
        value={date}
        onChange={setDate}
        error={problems.date}
        errorParts={dateParts}
      />
      <TextInput
        labelSize="s"
        id={`${ID}-minute`}
        label="Minute reference"
        hint="As written in Cabinet's minutes, like CAB/2027/14"
        width="10"
        value={minute}
        error={problems.minute}
        onChange={setMinute}
      />
      <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
        Record Cabinet's agreement
      </button>
    </form>
  );
}
