// The ballot as a shopping cart: every shortlisted project with its cost and summary, a button to
// add or remove it, and the total kept in view. A project that would go over the budget (or past
// the most projects allowed) is refused next to its button, saying by how much; the one polite
// live region says what changed after each press, never on its own.
import { useState } from 'react';
import type { PbProposal } from '../../../lib/api/pb-residents';
import { formatPounds } from '../../../lib/money';
import { canAdd, canSend, cartSummary, limitsSentence, type CartProject, type CartRules } from '../../../lib/pb/ballot-cart';
import { CartTotal } from './CartTotal';
import { ErrorSummary } from './later-steps';

type Props = {
  proposals: PbProposal[];
  projects: CartProject[];
  rules: CartRules;
  chosen: string[];
  setChosen: (ids: string[]) => void;
  onCheck: () => void;
  /** Words of the send button's step, e.g. "Check your vote" or "Check your changed vote". */
  checkLabel: string;
};

export function ChooseProjects({ proposals, projects, rules, chosen, setChosen, onCheck, checkLabel }: Props) {
  const [refused, setRefused] = useState<{ id: string; message: string }>();
  const [announcement, setAnnouncement] = useState('');
  const [sendProblem, setSendProblem] = useState<string>();
  const limits = limitsSentence(rules);

  const toggle = (project: CartProject) => {
    setSendProblem(undefined);
    if (chosen.includes(project.id)) {
      const next = chosen.filter((id) => id !== project.id);
      setChosen(next);
      setRefused(undefined);
      setAnnouncement(`Removed ${project.title}. ${cartSummary(next, projects, rules)}`);
      return;
    }
    const check = canAdd(chosen, project, projects, rules);
    if (!check.ok) {
      setRefused({ id: project.id, message: check.message });
      setAnnouncement(`Not added. ${check.message}`);
      return;
    }
    const next = [...chosen, project.id];
    setChosen(next);
    setRefused(undefined);
    setAnnouncement(`Added ${project.title}. ${cartSummary(next, projects, rules)}`);
  };

  const check = () => {
    const ok = canSend(chosen, projects, rules);
    if (!ok.ok) return setSendProblem(ok.message);
    onCheck();
  };

  return (
    <>
      {sendProblem && <ErrorSummary items={[{ href: '#projects', message: sendProblem }]} />}
      <p className="govuk-body">
        You have {formatPounds(rules.budget)} to spend. Add the projects you want, as long as they fit in the budget together.
        {limits && ` ${limits}`}
      </p>
      <div className="govuk-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="cart-announcement">
        {announcement}
      </div>
      <CartTotal chosen={chosen} projects={projects} rules={rules} />
      <h2 className="govuk-heading-m" id="projects" tabIndex={-1}>
        Projects you can vote for
      </h2>
      <ul className="wt-ballot-list" aria-labelledby="projects">
        {proposals.map((p) => {
          const project = projects.find((x) => x.id === p.id)!;
          const inCart = chosen.includes(p.id);
          const wontFit = !inCart && !canAdd(chosen, project, projects, rules).ok;
          const errorId = `refused-${p.id}`;
          return (
            <li key={p.id} className={`wt-ballot-item${inCart ? ' wt-ballot-item--chosen' : ''}`} data-testid={`project-${p.number}`}>
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1" id={`title-${p.id}`}>
                {p.title}
              </h3>
              <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{formatPounds(project.cost)}</p>
              {inCart && <strong className="govuk-tag govuk-tag--green wt-ballot-item__tag">In your vote</strong>}
              <p className="govuk-body">{p.summary}</p>
              {(p.ward || p.category) && <p className="govuk-body-s">{[p.ward?.name, p.category?.name].filter(Boolean).join(' · ')}</p>}
              {refused?.id === p.id && (
                <p className="govuk-error-message" id={errorId}>
                  <span className="govuk-visually-hidden">Error:</span> {refused.message}
                </p>
              )}
              {wontFit && refused?.id !== p.id && (
                <p className="govuk-hint" id={errorId}>
                  Costs more than you have left.
                </p>
              )}
              <div className="wt-ballot-item__actions">
                <button
                  type="button"
                  className={`govuk-button govuk-!-margin-bottom-2 ${inCart ? 'govuk-button--secondary' : ''}`}
                  onClick={() => toggle(project)}
                  aria-describedby={refused?.id === p.id || wontFit ? errorId : undefined}
                >
                  {inCart ? 'Remove' : 'Add'}
                  <span className="govuk-visually-hidden">
                    {' '}
                    {p.title} {inCart ? 'from' : 'to'} your vote
                  </span>
                </button>
                <a className="govuk-link govuk-body" href={`/budgeting/proposal/?id=${encodeURIComponent(p.id)}`}>
                  Read more<span className="govuk-visually-hidden"> about {p.title}</span>
                </a>
              </div>
            </li>
          );
        })}
      </ul>
      <button type="button" className="govuk-button" onClick={check}>
        {checkLabel}
      </button>
    </>
  );
}
