// Each application's recommendation beside the Cabinet's decision, with the form to record the
// decision while the round is with councillors for review: first Cabinet's agreement to the
// recommendations as they stand, for the whole round, then each exception changed one by one.
import { useState } from 'react';
import type { Recommendation } from '../../../lib/api/review';
import { OUTCOME_WORDS } from '../../../lib/grants/report';
import { BudgetSummary } from '../BudgetSummary';
import { money } from '../PanelParts';
import { CabinetAgreed } from './CabinetAgreed';
import { CabinetDecision } from './CabinetDecision';

export function DecisionsSection({
  roundId,
  recommendations,
  budget,
  canDecide,
  onSaved,
}: {
  roundId: string;
  recommendations: Recommendation[];
  /** The fund's budget, weighed against the panel's recommendations. */
  budget: number;
  canDecide: boolean;
  onSaved: () => void;
}) {
  // The one-by-one forms open only for the exceptions, so the page stays short.
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const undecided = recommendations.filter((r) => !r.cabinet_decision).length;
  const saved = (applicationId?: string) => {
    if (applicationId) {
      const left = new Set(open);
      left.delete(applicationId);
      setOpen(left);
    }
    onSaved();
  };
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
      {canDecide && undecided > 0 && <CabinetAgreed roundId={roundId} undecided={undecided} onSaved={() => saved()} />}
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
          {item.cabinet_decision && (
            <p className="govuk-body">
              <strong>
                Cabinet: {item.cabinet_decision.decision === 'award' ? `award ${money(item.cabinet_decision.amount ?? 0)}` : 'do not award'}
              </strong>{' '}
              (minute {item.cabinet_decision.minute_reference})
            </p>
          )}
          {canDecide &&
            (open.has(item.application_id) ? (
              <CabinetDecision item={item} decided={item.cabinet_decision} onSaved={() => saved(item.application_id)} />
            ) : (
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                onClick={() => setOpen(new Set(open).add(item.application_id))}
              >
                {item.cabinet_decision ? 'Change this decision' : 'Record this decision on its own'}
                <span className="govuk-visually-hidden"> for {item.project_title}</span>
              </button>
            ))}
        </div>
      ))}
    </section>
  );
}
