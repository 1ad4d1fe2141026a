// "Check your vote": the chosen projects and their total before sending, a way back to change
// them, and the one send button. A double press sends once (useOnce); a refusal is shown by its
// key; a dropped connection says plainly that the vote may not have been sent and the choices
// are still on this device, and the same button tries again (the database keeps one ballot
// per person, so a retry replaces, never adds).
import { useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import type { PbCastReceipt } from '../../../lib/api/pb-residents';
import { formatPounds } from '../../../lib/money';
import { chosenProjects, type CartProject, type CartRules } from '../../../lib/pb/ballot-cart';
import { pbProblemWords } from '../../../lib/pb/refusal-words';
import { dayAt } from '../../../lib/pb/when';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { useOnce } from '../../ui/useOnce';
import { goToSignIn } from '../../ui/useSignedIn';
import { BallotTable } from './CurrentVote';

type Props = {
  chosen: string[];
  projects: CartProject[];
  rules: CartRules;
  replacing: boolean;
  closesAt: string | null;
  send: () => Promise<{ ok: true; receipt: PbCastReceipt } | ApiProblem>;
  onSent: (receipt: PbCastReceipt) => void;
  onBack: () => void;
  onClosed: () => void;
};

export function CheckVote({ chosen, projects, rules, replacing, closesAt, send, onSent, onBack, onClosed }: Props) {
  const [busy, once] = useOnce();
  const [problem, setProblem] = useState<ApiProblem>();
  const items = chosenProjects(chosen, projects);
  const total = items.reduce((s, p) => s + p.cost, 0);

  const press = () =>
    void once(async () => {
      setProblem(undefined);
      const result = await send();
      if (result.ok) return onSent(result.receipt);
      if (result.signedOut) return goToSignIn('expired');
      if (result.key === 'wrong_phase') return onClosed();
      setProblem(result);
    });

  const words =
    problem &&
    (problem.offline
      ? 'We could not reach the server, so we cannot be sure your vote was sent. Check your internet connection, then press “Send my vote” again. Your choices are kept on this device. Sending again never makes a second vote: the last one you send is the one that counts.'
      : pbProblemWords(problem));

  return (
    <>
      {words && (
        <ErrorSummary
          title={problem?.offline ? 'Your vote has not been sent yet' : 'There is a problem'}
          items={[{ href: '#send', message: words }]}
        />
      )}
      <p className="govuk-body">
        You have chosen {items.length} {items.length === 1 ? 'project' : 'projects'}, costing {formatPounds(total)} of{' '}
        {formatPounds(rules.budget)}.
      </p>
      <BallotTable
        caption="Your vote"
        total={total}
        items={items.map((p) => ({ id: p.id, number: 0, title: p.title, checked_cost: p.cost }))}
      />
      <p className="govuk-body">
        <button type="button" className="govuk-link wt-link-button" onClick={onBack}>
          Change your choices
        </button>
      </p>
      <h2 className="govuk-heading-m">Now send your vote</h2>
      <p className="govuk-body">
        {replacing ? 'This vote will replace the one you sent before. ' : ''}
        You can change your vote until voting closes{closesAt ? ` on ${dayAt(closesAt)}` : ''}. Only the last vote you send counts.
      </p>
      <button type="button" id="send" className="govuk-button" onClick={press} aria-disabled={busy || undefined}>
        {busy ? 'Sending your vote…' : 'Send my vote'}
      </button>
    </>
  );
}
