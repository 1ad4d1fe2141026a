// A failed call on an officer's budgeting screen, in the words chosen by its refusal key
// (src/lib/pb/refusal-words.ts): as a box at the top of a section, or as a line next to the
// button it concerns.
import type { ApiProblem } from '../../../lib/api-call';
import { refusalWords } from '../../../lib/pb/officer-refusal-words';
import { ProblemBox } from '../../panel/PanelParts';
import { goToSignIn } from '../../ui/useSignedIn';

export function RefusedBox({ problem, title }: { problem: ApiProblem; title?: string }) {
  return (
    <div data-refusal={problem.key}>
      <ProblemBox problem={{ ...problem, message: refusalWords(problem) }} title={title} />
    </div>
  );
}

/** GOV.UK's error message, for a refusal that concerns one button rather than a field. */
export function RefusedLine({ id, problem }: { id: string; problem?: ApiProblem }) {
  if (!problem) return null;
  if (problem.signedOut) goToSignIn('expired');
  return (
    <p className="govuk-error-message" id={id} role="alert" data-refusal={problem.key}>
      <span className="govuk-visually-hidden">Error:</span> {refusalWords(problem)}
    </p>
  );
}
