// A refusal of the proposal functions, said in the form's words and put by the field it concerns:
// chosen by the refusal's key (src/lib/refusals/), never by the database's English.
import type { ApiProblem } from '../api-call';
import { formatPounds } from '../money';
import { FIELD_NAMES, fieldOfRefusal, type Field } from './proposal-form';
import { pbProblemWords } from './refusal-words';

/** The words for any refusal key of the residents' PB functions, or the database's own message. */
export function refusalWords(problem: Pick<ApiProblem, 'key' | 'message' | 'facts'>): string {
  if (problem.key === 'wrong_phase' && problem.facts?.phase) {
    return 'This process is no longer taking ideas or changes to them, so nothing was sent. Your answers are kept on this device.';
  }
  return pbProblemWords(problem);
}

export type FormRefusal = { field?: Field; message: string };

/** A refusal of pb_propose / pb_edit_proposal: the field it concerns (if any) and what to do. */
export function explainProposalRefusal(problem: Pick<ApiProblem, 'key' | 'field' | 'message' | 'facts'>): FormRefusal {
  const field = fieldOfRefusal(problem.field);
  const facts = problem.facts ?? {};
  if (field && problem.key === 'too_long' && typeof facts.max === 'number') {
    return { field, message: `${FIELD_NAMES[field]} must be ${facts.max.toLocaleString('en-GB')} characters or fewer` };
  }
  if (field && problem.key === 'required') return { field, message: `${FIELD_NAMES[field]} is needed: please fill it in` };
  if (problem.key === 'cost_over_budget' && typeof facts.budget === 'number') {
    return { field: 'cost', message: `A project cannot cost more than the whole budget of ${formatPounds(facts.budget)}` };
  }
  return { field, message: refusalWords(problem) };
}
