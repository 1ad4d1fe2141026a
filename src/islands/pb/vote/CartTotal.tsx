// The running total and the money left, kept in view while the resident scrolls the list. It is
// not itself a live region: the one announcement after each add or remove says the same, once.
import { formatPounds } from '../../../lib/money';
import { cartTotal, chosenProjects, type CartProject, type CartRules } from '../../../lib/pb/ballot-cart';

export function CartTotal({ chosen, projects, rules }: { chosen: string[]; projects: CartProject[]; rules: CartRules }) {
  const total = cartTotal(chosen, projects);
  const count = chosenProjects(chosen, projects).length;
  const used = Math.min(100, Math.round((total / rules.budget) * 100));
  return (
    <div className="wt-cart-total" data-testid="cart-total">
      <p className="govuk-body govuk-!-margin-bottom-1">
        <strong>
          {count} {count === 1 ? 'project' : 'projects'}
        </strong>
        , costing <strong>{formatPounds(total)}</strong>
      </p>
      <p className="govuk-body govuk-!-margin-bottom-1">
        <strong data-testid="money-left">{formatPounds(rules.budget - total)}</strong> left of {formatPounds(rules.budget)}
      </p>
      <div className="wt-cart-total__bar" aria-hidden="true">
        <span style={{ width: `${used}%` }} />
      </div>
    </div>
  );
}
