// What an officer can do to one proposal, as far as its status and the phase allow: hide it
// with a reason the proposer reads (or show it again), merge a duplicate, decide feasibility
// with the checked cost and a reason the public reads, and put it on or off the shortlist. Each
// refusal is shown by key next to what it concerns; what was typed stays in the form.
import { useState } from 'react';
import type { ApiProblem, ApiResult } from '../../../lib/api-call';
import {
  pbDecideFeasibility,
  pbHideProposal,
  pbMergeProposal,
  pbSetShortlisted,
  pbUnhideProposal,
  type PbOfficerProposal,
} from '../../../lib/api/pb-officers';
import { parsePounds } from '../../../lib/money';
import { isPhaseFrom, type PbPhase } from '../../../lib/pb/phases';
import { refusalWords } from '../../../lib/pb/officer-refusal-words';
import { refusalField } from '../../../lib/pb/refusal-words';
import { ErrorList } from '../../ui/ErrorSummary';
import { Radios } from '../../ui/Radios';
import { Select } from '../../ui/Select';
import { TextInput } from '../../ui/TextInput';
import { Textarea } from '../../ui/Textarea';
import { useOnce } from '../../ui/useOnce';
import { RefusedLine } from './Refused';

type Errors = { id: string; message: string }[];
type Props = { proposal: PbOfficerProposal; phase: PbPhase; inPlay: PbOfficerProposal[]; onChanged: () => Promise<void> };

export function ProposalActions({ proposal: p, phase, inPlay, onChanged }: Props) {
  const checking = phase === 'proposals' || phase === 'review';
  const at = (s: string) => `p${p.number}-${s}`;
  const [busy, once] = useOnce();
  const [problem, setProblem] = useState<ApiProblem>();
  const [errors, setErrors] = useState<Errors>([]);
  const [reason, setReason] = useState('');
  const [into, setInto] = useState('');
  const [mergeReason, setMergeReason] = useState('');
  const [feasible, setFeasible] = useState<'yes' | 'no'>();
  const [cost, setCost] = useState(p.checked_cost === null ? '' : String(p.checked_cost));
  const [note, setNote] = useState(p.feasibility_note ?? '');
  const err = (id: string) => errors.find((e) => e.id === at(id))?.message;

  /** Sends one change; a refusal about a field goes next to it, anything else by the buttons. */
  const send = (work: () => Promise<ApiResult<unknown>>, fields: Record<string, string> = {}) =>
    once(async () => {
      const r = await work();
      if (!r.ok) {
        const problem = r;
        const id = fields[refusalField(problem) ?? ''];
        if (id && problem.key) {
          setProblem(undefined);
          return setErrors([{ id: at(id), message: refusalWords(problem) }]);
        }
        setErrors([]);
        return setProblem(problem);
      }
      setProblem(undefined);
      setErrors([]);
      await onChanged();
    });
  const check = (found: Errors) => {
    setErrors(found.map((e) => ({ ...e, id: at(e.id) })));
    return found.length === 0;
  };

  const hide = () =>
    check(reason.trim() ? [] : [{ id: 'hide-reason', message: 'Say why it is hidden: the proposer reads this' }]) &&
    send(() => pbHideProposal({ p_proposal_id: p.id, p_reason: reason.trim() }, 'form'), { reason: 'hide-reason' });
  const merge = () =>
    check(into ? [] : [{ id: 'merge-into', message: 'Choose the proposal it duplicates' }]) &&
    send(() => pbMergeProposal({ p_proposal_id: p.id, p_into_id: into, p_reason: mergeReason.trim() || undefined }, 'form'), {
      into_id: 'merge-into',
      reason: 'merge-reason',
    });
  const decide = () => {
    const amount = parsePounds(cost);
    const found: Errors = [];
    if (!feasible) found.push({ id: 'feasible', message: 'Say whether the project is feasible' });
    if (feasible === 'yes' && !cost.trim()) found.push({ id: 'cost', message: 'Enter the checked cost in pounds, like 12000' });
    else if (feasible === 'yes' && !(amount > 0))
      found.push({ id: 'cost', message: 'The checked cost must be an amount more than £0, like 12000' });
    if (feasible === 'no' && !note.trim()) found.push({ id: 'note', message: 'Say why it is not feasible: everyone can read this' });
    return (
      check(found) &&
      send(
        () =>
          pbDecideFeasibility(
            {
              p_proposal_id: p.id,
              p_feasible: feasible === 'yes',
              p_checked_cost: cost.trim() ? amount : undefined,
              p_reason: note.trim() || undefined,
            },
            'form',
          ),
        { checked_cost: 'cost', reason: 'note', feasible: 'feasible' },
      )
    );
  };
  const targets = inPlay.filter((x) => x.id !== p.id);
  const canHide =
    ['submitted', 'feasible', 'not_feasible', 'shortlisted'].includes(p.status) &&
    !(p.status === 'shortlisted' && isPhaseFrom(phase, 'voting'));

  return (
    <div className="wt-proposal-actions" data-testid={`actions-${p.number}`}>
      <ErrorList errors={errors} />
      <RefusedLine id={at('error')} problem={problem} />
      {p.status === 'feasible' && checking && (
        <button
          type="button"
          className="govuk-button"
          aria-disabled={busy || undefined}
          onClick={() => void send(() => pbSetShortlisted({ p_proposal_id: p.id, p_shortlisted: true }, 'form'))}
        >
          Shortlist<span className="govuk-visually-hidden"> {p.title}</span>
        </button>
      )}
      {p.status === 'shortlisted' && checking && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          aria-disabled={busy || undefined}
          onClick={() => void send(() => pbSetShortlisted({ p_proposal_id: p.id, p_shortlisted: false }, 'form'))}
        >
          Take off the shortlist<span className="govuk-visually-hidden"> {p.title}</span>
        </button>
      )}
      {p.status === 'hidden' && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          aria-disabled={busy || undefined}
          onClick={() => void send(() => pbUnhideProposal({ p_proposal_id: p.id }, 'form'))}
        >
          Show it again<span className="govuk-visually-hidden"> {p.title}</span>
        </button>
      )}
      {checking && ['submitted', 'feasible', 'not_feasible'].includes(p.status) && (
        <details className="govuk-details" open={errors.some((e) => /feasible|cost|note/.test(e.id)) || undefined}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              Decide feasibility<span className="govuk-visually-hidden"> of {p.title}</span>
            </span>
          </summary>
          <div className="govuk-details__text">
            <Radios
              idPrefix={at('feasible')}
              name={at('feasible')}
              legend="Can the council do this project?"
              legendSize="s"
              inline
              value={feasible}
              error={err('feasible')}
              onChange={setFeasible}
              items={[
                { value: 'yes', label: 'Yes, feasible' },
                { value: 'no', label: 'No, not feasible' },
              ]}
            />
            <TextInput
              id={at('cost')}
              label="Checked cost, in pounds"
              hint={`What the council would really pay. The proposer estimated £${p.estimated_cost.toLocaleString('en-GB')}.`}
              width="10"
              inputMode="decimal"
              value={cost}
              error={err('cost')}
              onChange={setCost}
            />
            <Textarea
              id={at('note')}
              label="Reason, for everyone to read"
              hint="Needed when it is not feasible"
              rows={3}
              value={note}
              error={err('note')}
              onChange={setNote}
            />
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              aria-disabled={busy || undefined}
              onClick={() => void decide()}
            >
              Save the decision<span className="govuk-visually-hidden"> on {p.title}</span>
            </button>
          </div>
        </details>
      )}
      {checking && ['submitted', 'feasible', 'not_feasible', 'shortlisted'].includes(p.status) && (
        <details className="govuk-details" open={errors.some((e) => /merge/.test(e.id)) || undefined}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              Merge as a duplicate<span className="govuk-visually-hidden"> of another, {p.title}</span>
            </span>
          </summary>
          <div className="govuk-details__text">
            <Select id={at('merge-into')} label="It duplicates" value={into} error={err('merge-into')} onChange={setInto}>
              <option value="">Choose a proposal</option>
              {targets.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.number}. {x.title}
                </option>
              ))}
            </Select>
            <Textarea
              id={at('merge-reason')}
              label="Note for the proposer (optional)"
              rows={2}
              value={mergeReason}
              error={err('merge-reason')}
              onChange={setMergeReason}
            />
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              aria-disabled={busy || undefined}
              onClick={() => void merge()}
            >
              Merge<span className="govuk-visually-hidden"> {p.title}</span>
            </button>
          </div>
        </details>
      )}
      {canHide && isPhaseFrom(phase, 'proposals') && (
        <details className="govuk-details" open={errors.some((e) => /hide/.test(e.id)) || undefined}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              Hide it<span className="govuk-visually-hidden"> , {p.title}</span>
            </span>
          </summary>
          <div className="govuk-details__text">
            <Textarea
              id={at('hide-reason')}
              label="Why it is hidden"
              hint="The proposer reads this. It is not shown to the public."
              rows={2}
              value={reason}
              error={err('hide-reason')}
              onChange={setReason}
            />
            <button
              type="button"
              className="govuk-button govuk-button--warning"
              aria-disabled={busy || undefined}
              onClick={() => void hide()}
            >
              Hide<span className="govuk-visually-hidden"> {p.title}</span>
            </button>
          </div>
        </details>
      )}
    </div>
  );
}
