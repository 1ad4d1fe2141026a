// Recording the Cabinet's decision on one application: checked here first (a date that has
// passed, the minute reference, an amount that makes sense), each problem next to its field,
// typed values kept on the device until saved, and one save however often the button is pressed.
import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { recordCabinetDecision, type CabinetDecision as Decided } from '../../../lib/api/review';
import { checkCabinetDecision, fieldFor, type DecisionField, type DecisionFields, type Problems } from '../../../lib/grants/officer-checks';
import { refusalWords } from '../../../lib/grants/refusals';
import { money, ProblemBox } from '../PanelParts';
import { useOnce } from '../../ui/useOnce';
import { ErrorList } from '../../ui/ErrorSummary';
import { Checkboxes } from '../../ui/Checkboxes';
import { Select } from '../../ui/Select';
import { TextInput } from '../../ui/TextInput';
import { useKeptForm } from './useKeptForm';
import { parsePounds } from '../../../lib/money';
import { partsFromIso, type DatePart } from '../../../lib/date-input';
import { dateBoxId, DateInput } from '../../ui/DateInput';

export interface DecisionItem {
  application_id: string;
  reference: string;
  project_title: string;
  amount_requested: number;
  outcome: string | null;
  amount: number | null;
}

const REFUSAL_FIELDS = ['amount', 'date', 'minute'] as const;

/** `decided` is the decision already recorded, when an exception to it is being changed. */
export function CabinetDecision({ item, decided, onSaved }: { item: DecisionItem; decided?: Decided | null; onSaved: () => void }) {
  const id = `decision-${item.reference}`;
  const [f, setF, forget] = useKeptForm<DecisionFields>(`decision:${item.application_id}`, () => ({
    decision: (decided?.decision ?? item.outcome) === 'not_award' ? 'not_award' : 'award',
    amount: (decided ? decided.amount : item.amount) ? String(Number(decided ? decided.amount : item.amount)) : '',
    date: partsFromIso(decided?.decided_on),
    minute: decided?.minute_reference ?? '',
    confirmMore: false,
  }));
  const [problems, setProblems] = useState<Problems<DecisionField>>({});
  const [dateParts, setDateParts] = useState<DatePart[]>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, once] = useOnce();
  const over = f.decision === 'award' && parsePounds(f.amount) > Number(item.amount_requested);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void once(async () => {
      const checked = checkCabinetDecision(f, Number(item.amount_requested));
      setDateParts(checked.ok ? undefined : checked.dateParts);
      if (!checked.ok) return setProblems(checked.problems);
      setProblems({});
      setProblem(undefined);
      const saved = await recordCabinetDecision({
        p_application_id: item.application_id,
        p_decision: f.decision,
        p_decided_on: checked.date,
        p_minute_reference: f.minute.trim(),
        p_amount: checked.amount,
      });
      if (!saved.ok) {
        // A refusal about one field goes next to it; anything else (closed round, signed out) above.
        const field = saved.status === 400 ? fieldFor(saved, REFUSAL_FIELDS) : undefined;
        return field ? setProblems({ [field]: refusalWords(saved) }) : setProblem(saved);
      }
      forget();
      onSaved();
    });
  };
  const errors = (['amount', 'date', 'minute'] as const)
    .filter((k) => problems[k])
    .map((k) => ({ id: k === 'date' ? dateBoxId(`${id}-date`, dateParts) : `${id}-${k}`, message: problems[k]! }));
  return (
    <form className="wt-decision" onSubmit={submit} noValidate aria-label={`Cabinet decision for ${item.project_title}`}>
      <ErrorList errors={errors} />
      {problem && <ProblemBox problem={problem} title="The decision was not saved" />}
      <Select
        id={`${id}-what`}
        label="Cabinet decided"
        labelSize="s"
        value={f.decision}
        onChange={(v) => setF({ ...f, decision: v as DecisionFields['decision'] })}
      >
        <option value="award">Award</option>
        <option value="not_award">Do not award</option>
      </Select>
      {f.decision === 'award' && (
        <>
          <TextInput
            labelSize="s"
            id={`${id}-amount`}
            label="Amount (£)"
            hint={`They asked for ${money(item.amount_requested)}.`}
            width="10"
            value={f.amount}
            error={problems.amount}
            onChange={(v) => setF({ ...f, amount: v })}
          />
          {over && (
            <Checkboxes
              small
              items={[
                {
                  id: `${id}-more`,
                  label: 'Cabinet awarded more than they asked for',
                  checked: f.confirmMore,
                  onChange: (v) => setF({ ...f, confirmMore: v }),
                },
              ]}
            />
          )}
        </>
      )}
      <DateInput
        id={`${id}-date`}
        legend="Date of the Cabinet meeting"
        hint="For example, 12 3 2027"
        value={f.date}
        error={problems.date}
        errorParts={dateParts}
        onChange={(v) => setF({ ...f, date: v })}
      />
      <TextInput
        labelSize="s"
        id={`${id}-minute`}
        label="Minute reference"
        hint="As written in Cabinet's minutes, like CAB/2027/14"
        width="10"
        value={f.minute}
        error={problems.minute}
        onChange={(v) => setF({ ...f, minute: v })}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" aria-disabled={busy || undefined}>
        Save the decision<span className="govuk-visually-hidden"> for {item.project_title}</span>
      </button>
    </form>
  );
}
