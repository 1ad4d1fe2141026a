// The fields of one task of the application, drawn from TASK_FIELDS (src/lib/grants/apply-form.ts)
// with the GOV.UK field components. Budget lines are rows of what it is for and its cost, with
// the running total beside the amount asked for.
import type { ApplyTask } from '../../../lib/grants/apply-tasks';
import {
  ORGANISATION_TYPES,
  poundsText,
  TASK_FIELDS,
  type BudgetLine,
  type FieldDef,
  type FieldErrors,
  type FieldValue,
  type TaskForm,
} from '../../../lib/grants/apply-form';
import type { DateParts } from '../../../lib/date-input';
import { parsePounds } from '../../../lib/money';
import { Checkboxes } from '../../ui/Checkboxes';
import { DateInput } from '../../ui/DateInput';
import { describedBy, FieldError } from '../../ui/ErrorSummary';
import { groupClass } from '../../ui/FormGroup';
import { Select } from '../../ui/Select';
import { Textarea } from '../../ui/Textarea';
import { TextInput } from '../../ui/TextInput';

interface Props {
  task: ApplyTask;
  form: TaskForm;
  errors: FieldErrors;
  update: (name: string, value: FieldValue) => void;
}

export function TaskFields({ task, form, errors, update }: Props) {
  return (
    <>
      {TASK_FIELDS[task].map((f) => (
        <Field key={f.name} def={f} form={form} errors={errors} update={update} />
      ))}
    </>
  );
}

function Field({ def, form, errors, update }: { def: FieldDef; form: TaskForm; errors: FieldErrors; update: Props['update'] }) {
  const id = `f-${def.name}`;
  const error = errors[def.name]?.message;
  switch (def.kind) {
    case 'organisation_type':
      return (
        <Select
          id={id}
          label={def.label}
          labelSize="s"
          value={form[def.name] as string}
          error={error}
          onChange={(v) => update(def.name, v)}
        >
          <option value="">Choose one</option>
          {ORGANISATION_TYPES.map((t) => (
            <option key={t} value={t}>
              {t.charAt(0).toUpperCase() + t.slice(1)}
            </option>
          ))}
        </Select>
      );
    case 'textarea':
      return (
        <Textarea
          id={id}
          label={def.label}
          labelSize="s"
          hint={def.hint}
          rows={def.name === 'address' ? 3 : 6}
          autoComplete={def.autoComplete}
          value={form[def.name] as string}
          error={error}
          onChange={(v) => update(def.name, v)}
        />
      );
    case 'date':
      return (
        <DateInput
          id={id}
          legend={def.label}
          hint={def.hint}
          value={form[def.name] as DateParts}
          error={error}
          errorParts={errors[def.name]?.parts}
          onChange={(v) => update(def.name, v)}
        />
      );
    case 'money':
      return (
        <div className={groupClass(error)}>
          <label className="govuk-label govuk-label--s" htmlFor={id}>
            {def.label}
          </label>
          <FieldError id={`${id}-error`} message={error} />
          <div className="govuk-input__wrapper">
            <div className="govuk-input__prefix" aria-hidden="true">
              £
            </div>
            <input
              className={`govuk-input govuk-input--width-10${error ? ' govuk-input--error' : ''}`}
              id={id}
              name={id}
              inputMode="decimal"
              spellCheck={false}
              value={form[def.name] as string}
              aria-describedby={describedBy(error && `${id}-error`)}
              aria-invalid={error ? true : undefined}
              onChange={(e) => update(def.name, e.target.value)}
            />
          </div>
        </div>
      );
    case 'lines':
      return (
        <BudgetLines
          def={def}
          lines={form[def.name] as BudgetLine[]}
          amount={form.amount_requested as string}
          errors={errors}
          update={update}
        />
      );
    case 'confirm':
      return (
        <div className={groupClass(error)}>
          <Checkboxes
            items={[{ id, label: def.label, checked: form[def.name] === true, onChange: (checked) => update(def.name, checked) }]}
            error={error}
          />
        </div>
      );
    default:
      return (
        <TextInput
          id={id}
          label={def.label}
          labelSize="s"
          hint={def.hint}
          width={def.width}
          type={def.type}
          autoComplete={def.autoComplete}
          spellCheck={def.type ? false : undefined}
          value={form[def.name] as string}
          error={error}
          onChange={(v) => update(def.name, v)}
        />
      );
  }
}

function BudgetLines({
  def,
  lines,
  amount,
  errors,
  update,
}: {
  def: FieldDef;
  lines: BudgetLine[];
  amount: string;
  errors: FieldErrors;
  update: Props['update'];
}) {
  const error = errors.budget_lines?.message;
  const total = lines.reduce((sum, l) => sum + (Number.isFinite(parsePounds(l.amount)) ? parsePounds(l.amount) : 0), 0);
  const asked = parsePounds(amount);
  const set = (i: number, change: Partial<BudgetLine>) =>
    update(
      def.name,
      lines.map((l, j) => (j === i ? { ...l, ...change } : l)),
    );
  return (
    <div className={groupClass(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy('f-budget_lines-hint', error && 'f-budget_lines-error')}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{def.label}</legend>
        <div className="govuk-hint" id="f-budget_lines-hint">
          {def.hint}
        </div>
        <FieldError id="f-budget_lines-error" message={error} />
        {lines.map((l, i) => (
          <div className="wt-budget-line" key={i} data-testid={`budget-line-${i + 1}`}>
            <TextInput
              id={`f-budget_item_${i + 1}`}
              label={`Line ${i + 1}: what it is for`}
              value={l.item}
              error={errors[`budget_item_${i + 1}`]?.message}
              onChange={(v) => set(i, { item: v })}
            />
            <TextInput
              id={`f-budget_amount_${i + 1}`}
              label={`Line ${i + 1}: cost in pounds`}
              width="10"
              inputMode="decimal"
              value={l.amount}
              error={errors[`budget_amount_${i + 1}`]?.message}
              onChange={(v) => set(i, { amount: v })}
            />
            {lines.length > 1 && (
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                onClick={() =>
                  update(
                    def.name,
                    lines.filter((_, j) => j !== i),
                  )
                }
              >
                Remove line {i + 1}
              </button>
            )}
          </div>
        ))}
        {lines.length < 20 && (
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => update(def.name, [...lines, { item: '', amount: '' }])}
          >
            Add another line
          </button>
        )}
        <p className="govuk-body" aria-live="polite" data-testid="budget-total">
          Your lines add up to <strong>{poundsText(total)}</strong>
          {Number.isFinite(asked) && asked > 0 && (
            <>
              {' '}
              of the <strong>{poundsText(asked)}</strong> you are asking for
              {Math.abs(total - asked) < 0.005
                ? '.'
                : `: ${poundsText(Math.abs(asked - total))} ${total < asked ? 'still to add' : 'too much'}.`}
            </>
          )}
        </p>
      </fieldset>
    </div>
  );
}
