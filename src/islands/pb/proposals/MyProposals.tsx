// /budgeting/my-proposals/: the signed-in resident's ideas in every process, each with its
// status and the council's reasons (hidden, cannot be done, joined with another idea); change
// an idea until review starts, withdraw one until voting starts (?withdraw=<id> asks first).
import { useEffect, useRef, useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { listMyProposals, withdrawProposal, type PbMyProposal } from '../../../lib/api/pb-residents';
import { formatPounds } from '../../../lib/money';
import { refusalWords } from '../../../lib/pb/proposal-refusals';
import { STATUS_WORDS } from '../../../lib/pb/proposal-status';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { useOnce } from '../../ui/useOnce';
import { goToSignIn, useSignedIn } from '../../ui/useSignedIn';
import { Loading, ProblemBox, queryParam, StatusTag } from '../process/PbParts';
import { StatusReason } from './ProposalPage';

/** The database's rules for changing and withdrawing (pb_edit_proposal, pb_withdraw_proposal), to offer only what will work. */
export const canChange = (p: PbMyProposal) => p.process.phase === 'proposals' && p.status === 'submitted';
export const canWithdraw = (p: PbMyProposal) =>
  (p.process.phase === 'proposals' || p.process.phase === 'review') &&
  ['submitted', 'hidden', 'feasible', 'not_feasible'].includes(p.status);

function Withdraw({ proposal }: { proposal: PbMyProposal }) {
  const [problem, setProblem] = useState<string>();
  const [busy, once] = useOnce();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const withdraw = async () => {
    const result = await withdrawProposal({ p_proposal_id: proposal.id }, 'form');
    if (result.ok) return location.assign(`/budgeting/my-proposals/?withdrawn=${proposal.number}`);
    if (result.signedOut) return goToSignIn('expired');
    setProblem(result.key ? refusalWords(result) : result.message);
  };
  return (
    <>
      <a className="govuk-back-link" href="/budgeting/my-proposals/">
        Back to your ideas
      </a>
      {problem && <ErrorSummary items={[]} intro={problem} />}
      <h1 className="govuk-heading-l wt-focus-heading" ref={heading} tabIndex={-1}>
        Are you sure you want to withdraw idea {proposal.number}?
      </h1>
      <p className="govuk-body">
        <strong>{proposal.title}</strong> ({proposal.process.title})
      </p>
      <p className="govuk-body">
        It will be taken out of the public list of ideas and nobody will be able to vote for it. You cannot undo this.
      </p>
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button govuk-button--warning"
          aria-disabled={busy || undefined}
          onClick={() => void once(withdraw)}
        >
          Yes, withdraw this idea
        </button>
        <a className="govuk-link" href="/budgeting/my-proposals/">
          No, keep it
        </a>
      </div>
    </>
  );
}

export default function MyProposals() {
  const user = useSignedIn();
  const [mine, setMine] = useState<PbMyProposal[]>();
  const [problem, setProblem] = useState<ApiProblem>();
  useEffect(() => {
    if (!user) return;
    void listMyProposals({}, 'form').then((r) => (r.ok ? setMine(r.data) : setProblem(r)));
  }, [user]);
  if (problem) return <ProblemBox problem={problem} title="We could not load your ideas" />;
  if (!user || !mine) return <Loading>Loading your ideas…</Loading>;
  const withdrawing = queryParam('withdraw');
  const chosen = withdrawing && mine.find((p) => p.id === withdrawing);
  if (chosen && canWithdraw(chosen)) return <Withdraw proposal={chosen} />;
  const withdrawn = queryParam('withdrawn');
  return (
    <>
      {withdrawn && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="withdrawn-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="withdrawn-title">
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">Idea {withdrawn} has been withdrawn</p>
          </div>
        </div>
      )}
      <h1 className="govuk-heading-l">Your ideas</h1>
      <p className="govuk-body">
        Signed in as <strong>{user.email}</strong>.
      </p>
      {mine.length === 0 && (
        <p className="govuk-body">
          You have not suggested any ideas yet.{' '}
          <a className="govuk-link" href="/budgeting/">
            Find a process that is taking ideas
          </a>
        </p>
      )}
      <ul className="govuk-list" data-testid="my-proposals">
        {mine.map((p) => (
          <li key={p.id} className="wt-proposal-list__item" data-testid={`my-proposal-${p.number}`}>
            <span className="govuk-caption-m">
              {p.process.title}, idea {p.number}
            </span>
            <h2 className="govuk-heading-m govuk-!-margin-bottom-2">
              {p.status === 'withdrawn' || p.status === 'hidden' ? (
                p.title
              ) : (
                <a className="govuk-link" href={`/budgeting/proposal/?id=${p.id}`}>
                  {p.title}
                </a>
              )}
            </h2>
            <p className="govuk-body govuk-!-margin-bottom-2">
              <StatusTag status={p.status} /> {STATUS_WORDS[p.status].text}
            </p>
            <StatusReason p={p} />
            <p className="govuk-body-s">
              Estimated cost {formatPounds(p.estimated_cost, true)}
              {p.checked_cost !== null && `, checked cost ${formatPounds(p.checked_cost, true)}`}
            </p>
            {(canChange(p) || canWithdraw(p)) && (
              <ul className="govuk-list wt-inline-actions">
                {canChange(p) && (
                  <li>
                    <a className="govuk-link" href={`/budgeting/propose/?id=${p.id}&step=check`}>
                      Change<span className="govuk-visually-hidden"> idea {p.number}</span>
                    </a>
                  </li>
                )}
                {canWithdraw(p) && (
                  <li>
                    <a className="govuk-link" href={`/budgeting/my-proposals/?withdraw=${p.id}`}>
                      Withdraw<span className="govuk-visually-hidden"> idea {p.number}</span>
                    </a>
                  </li>
                )}
              </ul>
            )}
            {!canChange(p) && p.status === 'submitted' && (
              <p className="govuk-body-s">You can no longer change this idea: the council has started to check it.</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
