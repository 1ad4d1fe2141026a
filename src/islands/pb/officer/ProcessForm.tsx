// A process's settings: name, web name, area, budget, description, how votes are counted, ballot
// limits and who may vote. The same form starts a process and edits one; what is typed is kept
// on the device until the server has it. Once voting starts, only the words can change (the
// database fixes the rest, so the form does not offer it).
import { useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { pbCreateProcess, pbUpdateProcess, type PbOfficerProcess } from '../../../lib/api/pb-officers';
import { formatAmount } from '../../../lib/pb/format';
import { isPhaseFrom } from '../../../lib/pb/phases';
import {
  checkProcessForm,
  emptyProcessForm,
  FIELD_IDS,
  formFromProcess,
  slugFrom,
  type FormError,
  type ProcessForm as Form,
} from '../../../lib/pb/process-form';
import { refusalWords } from '../../../lib/pb/officer-refusal-words';
import { refusalField } from '../../../lib/pb/refusal-words';
import { useKeptForm } from '../../panel/officer/useKeptForm';
import { Checkboxes } from '../../ui/Checkboxes';
import { ErrorList } from '../../ui/ErrorSummary';
import { Radios } from '../../ui/Radios';
import { Select } from '../../ui/Select';
import { TextInput } from '../../ui/TextInput';
import { Textarea } from '../../ui/Textarea';
import { useOnce } from '../../ui/useOnce';
import { RefusedBox } from './Refused';

/** When editing, `onSaved` remounts the form with the stored settings; `notice` then carries the saved message over. */
export function ProcessForm({
  process,
  notice,
  onSaved,
}: {
  process?: PbOfficerProcess;
  notice?: string;
  onSaved: (p: PbOfficerProcess, notice: string) => void;
}) {
  const [f, set, forget] = useKeptForm<Form>(process ? `pb-process:${process.id}` : 'pb-new-process', () =>
    process ? formFromProcess(process) : emptyProcessForm(),
  );
  const [errors, setErrors] = useState<FormError[]>([]);
  const [problem, setProblem] = useState<ApiProblem>();
  const [saved, setSaved] = useState<string | undefined>(notice);
  const [busy, once] = useOnce();
  const locked = process ? isPhaseFrom(process.phase, 'voting') : false;
  const change = (changes: Partial<Form>) => {
    setSaved(undefined);
    set({ ...f, ...changes });
  };
  const err = (id: string) => errors.find((e) => e.id === id)?.message;

  const save = () =>
    once(async () => {
      const checked = checkProcessForm(f, process?.rule_options);
      setErrors(checked.errors);
      if (!checked.args) return;
      const a = checked.args;
      const r = process
        ? await pbUpdateProcess(
            locked
              ? { p_process_id: process.id, p_title: a.p_title, p_slug: a.p_slug, p_area: a.p_area, p_description: a.p_description }
              : { p_process_id: process.id, ...a },
            'device',
          )
        : await pbCreateProcess(a, 'device');
      if (!r.ok) {
        const id = FIELD_IDS[refusalField(r) ?? ''];
        if (id && r.key) {
          setProblem(undefined);
          return setErrors([{ id, message: refusalWords(r) }]);
        }
        return setProblem(r);
      }
      setProblem(undefined);
      forget();
      setSaved('Saved.');
      onSaved(r.data, 'Saved.');
    });

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="process-form"
    >
      <ErrorList errors={errors} />
      {problem && <RefusedBox problem={problem} />}
      <TextInput
        id="process-title"
        label="Name of the process"
        hint="Residents see this, like Community Chest 2027"
        value={f.title}
        error={err('process-title')}
        onChange={(v) =>
          change({ title: v, ...(!process && (f.slug === '' || f.slug === slugFrom(f.title)) ? { slug: slugFrom(v) } : {}) })
        }
      />
      <TextInput
        id="process-slug"
        label="Web name"
        hint="Lower-case letters, numbers and hyphens, like community-chest-2027. It goes in the web address of the process’s pages."
        width="30"
        spellCheck={false}
        autoCapitalize="none"
        value={f.slug}
        error={err('process-slug')}
        onChange={(v) => change({ slug: v })}
      />
      <TextInput
        id="process-area"
        label="Area it covers"
        hint="Like Oxfordshire, or Didcot and villages"
        width="30"
        value={f.area}
        error={err('process-area')}
        onChange={(v) => change({ area: v })}
      />
      <Textarea
        id="process-description"
        label="Description"
        hint="What residents are deciding, in plain words"
        rows={4}
        value={f.description}
        error={err('process-description')}
        onChange={(v) => change({ description: v })}
      />
      {locked && process ? (
        <div className="govuk-inset-text" data-testid="locked-settings">
          Voting has started, so these are fixed: budget {formatAmount(process.budget, process.currency)}; counted by{' '}
          {process.rule === 'greedy' ? 'most votes first (greedy)' : 'Equal Shares'}; voters choose {process.min_projects} to{' '}
          {process.max_projects ?? 'any number of'} projects; they show they may vote with{' '}
          {process.eligibility.map((e) => (e === 'voting_code' ? 'a voting code' : 'a postcode')).join(' or ')}.
        </div>
      ) : (
        <>
          <TextInput
            id="process-budget"
            label="Budget, in pounds"
            hint="The money residents share out, like 280000"
            width="10"
            inputMode="decimal"
            value={f.budget}
            error={err('process-budget')}
            onChange={(v) => change({ budget: v })}
          />
          <Radios
            idPrefix="process-rule"
            name="process-rule"
            legend="How votes are counted"
            legendSize="s"
            value={f.rule}
            error={err('process-rule')}
            onChange={(v) => change({ rule: v })}
            items={[
              {
                value: 'equal-shares',
                label: 'Equal Shares',
                hint: 'Every voter gets an equal share of the budget. Fairer to smaller areas and groups.',
              },
              {
                value: 'greedy',
                label: 'Most votes first (greedy)',
                hint: 'Projects with the most votes are funded first, while money lasts.',
              },
            ]}
          />
          {f.rule === 'equal-shares' && (
            <Select
              id="process-completion"
              label="When Equal Shares leaves money over"
              value={f.completion}
              error={err('process-completion')}
              onChange={(v) => change({ completion: v as Form['completion'] })}
            >
              <option value="add1u">Raise every share step by step while the winners fit (recommended)</option>
              <option value="add1">Raise every share step by step</option>
              <option value="none">Leave the money over unspent</option>
            </Select>
          )}
          <Checkboxes
            small
            items={[
              {
                id: 'process-compare',
                label: 'Also show what most votes first would have funded, for comparison',
                checked: f.compareWithGreedy,
                onChange: (v) => change({ compareWithGreedy: v }),
              },
            ]}
          />
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">How many projects a voter chooses</legend>
            <TextInput
              id="process-min"
              label="Fewest projects"
              hint="0 lets people send an empty vote"
              width="3"
              inputMode="numeric"
              value={f.minProjects}
              error={err('process-min')}
              onChange={(v) => change({ minProjects: v })}
            />
            <TextInput
              id="process-max"
              label="Most projects"
              hint="Leave empty for no limit other than the budget"
              width="3"
              inputMode="numeric"
              value={f.maxProjects}
              error={err('process-max')}
              onChange={(v) => change({ maxProjects: v })}
            />
          </fieldset>
          <Checkboxes
            legend="How people show they may vote"
            error={err('process-eligibility-code')}
            items={[
              {
                id: 'process-eligibility-code',
                label: 'A voting code, from a letter or given at an event',
                checked: f.eligibility.includes('voting_code'),
                onChange: (on) => change({ eligibility: toggle(f.eligibility, 'voting_code', on) }),
              },
              {
                id: 'process-eligibility-postcode',
                label: 'A postcode in the area, given when signed in',
                checked: f.eligibility.includes('postcode'),
                onChange: (on) => change({ eligibility: toggle(f.eligibility, 'postcode', on) }),
              },
            ]}
          />
          {f.eligibility.includes('postcode') && (
            <Textarea
              id="process-postcodes"
              label="Postcode areas whose residents may vote"
              hint="The first part of each postcode, separated by spaces or commas, like OX1 OX2 OX44"
              rows={3}
              value={f.postcodes}
              error={err('process-postcodes')}
              onChange={(v) => change({ postcodes: v })}
            />
          )}
        </>
      )}
      <p className="govuk-body" role="status">
        {saved}
      </p>
      <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
        {process ? 'Save the settings' : 'Create the process'}
      </button>
    </form>
  );
}

function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? [...new Set([...list, item])] : list.filter((x) => x !== item);
}
