// Each application's recommendation beside the Cabinet's decision, with the form to record the
// decision while the round is with councillors for review.
import type { Recommendation } from '../../../lib/api/review';
import { OUTCOME_WORDS } from '../../../lib/grants/report';
import { BudgetSummary } from '../BudgetSummary';
import { money } from '../PanelParts';
import { CabinetDecision } from './CabinetDecision';

export function DecisionsSection({
  recommendations,
  budget,
  canDecide,
  onSaved,
}: {
  recommendations: Recommendation[];
  /** The fund's budget, weighed against the panel's recommendations. */
  budget: number;
  canDecide: boolean;
  onSaved: () => void;
}) {
  return (
    <section aria-labelledby="decisions-heading">
      <h2 className="govuk-heading-m" id="decisions-heading">
        Recommendations and the Cabinet's decisions
      </h2>
      <BudgetSummary
        budget={budget}
        asked={recommendations.map((r) => r.amount_requested)}
        recommended={recommendations.filter((r) => r.outcome).map((r) => (r.outcome === 'not_award' ? null : r.amount))}
      />
      {recommendations.map((item) => (
        <div className="wt-review" key={item.application_id} data-reference={item.reference}>
          <h3 className="govuk-heading-s">
            {item.project_title}{' '}
            <span className="govuk-body-s">
              ({item.organisation_name}, {item.reference})
            </span>
          </h3>
          <p className="govuk-body">
            Panel: {item.outcome ? `${OUTCOME_WORDS[item.outcome]}${item.amount ? ` ${money(item.amount)}` : ''}` : 'no recommendation yet'}
          </p>
          {item.cabinet_decision ? (
            <p className="govuk-body">
              <strong>
                Cabinet: {item.cabinet_decision.decision === 'award' ? `award ${money(item.cabinet_decision.amount ?? 0)}` : 'do not award'}
              </strong>{' '}
              (minute {item.cabinet_decision.minute_reference})
            </p>
          ) : (
            canDecide && <CabinetDecision item={item} onSaved={onSaved} />
          )}
        </div>
      ))}
    </section>
  );
}
