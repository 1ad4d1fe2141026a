// The fund's budget beside what the applications ask for and what has been recommended so far,
// shown to the chair on the panel day and to the officer recording Cabinet's decisions, so
// nobody recommends past the budget without seeing it. The sums are in src/lib/grants/budget.ts.
import { budgetTotals } from '../../lib/grants/budget';
import { money } from './PanelParts';

export function BudgetSummary({
  budget,
  asked,
  recommended,
}: {
  budget: number;
  asked: readonly number[];
  /** Each recommendation's amount; null for "do not award". */
  recommended: readonly (number | null)[];
}) {
  const t = budgetTotals(budget, asked, recommended);
  return (
    <div data-testid="budget-summary">
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Fund’s budget</dt>
          <dd className="govuk-summary-list__value">{money(t.budget)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Asked for in all</dt>
          <dd className="govuk-summary-list__value">{money(t.asked)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Recommended so far</dt>
          <dd className="govuk-summary-list__value">
            {money(t.recommended)}
            {!t.over && ` (${money(t.left)} of the budget left)`}
          </dd>
        </div>
      </dl>
      {t.over && (
        <div className="govuk-warning-text" data-testid="over-budget">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            The recommendations come to {money(t.recommended - t.budget)} more than the fund’s budget of {money(t.budget)}.
          </strong>
        </div>
      )}
    </div>
  );
}
