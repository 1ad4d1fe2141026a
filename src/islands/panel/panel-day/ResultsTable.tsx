// The results once scoring closes: community and councillor means side by side, the balanced
// score, the spread, and the recommendation for each application, with the form to record it.
import { useState } from 'react';
import type { ApplicationResult, HiddenForConflict } from '../../../lib/api/results';
import type { Recommendation } from '../../../lib/api/review';
import { isHiddenForConflict } from '../../../lib/grants/report';
import { formatScore as num } from '../../../lib/grants/score-format';
import { BudgetSummary } from '../BudgetSummary';
import { money } from '../PanelParts';
import { RecommendationForm } from '../RecommendationForm';
import { hasKeptDraft } from '../useKeptDraft';

export function ResultsTable({
  results,
  recommendations,
  budget,
  canRecord,
  onRecorded,
}: {
  results: (ApplicationResult | HiddenForConflict)[];
  /** The fund's budget, weighed against the recommendations so far. */
  budget: number;
  recommendations: Recommendation[];
  canRecord: boolean;
  onRecorded: () => void;
}) {
  const scored = results.filter((r): r is ApplicationResult => !isHiddenForConflict(r));
  // Reopen a form whose typed work is kept on this device (say the session ended mid-way).
  const [open, setOpen] = useState<string | undefined>(() =>
    canRecord ? scored.find((r) => hasKeptDraft(`recommendation:${r.application_id}`))?.application_id : undefined,
  );
  // A form reopened on load for its kept draft leaves focus alone; one opened by a press takes it.
  const [openedHere, setOpenedHere] = useState(false);
  // Once the form closes (saved or cancelled) focus goes back to the row's button, not the page's top.
  const close = () => {
    const button = open && document.getElementById(`record-${open}`);
    setOpen(undefined);
    if (button) button.focus();
  };
  return (
    <section aria-labelledby="results-heading">
      <h2 className="govuk-heading-m" id="results-heading">
        Results
      </h2>
      <p className="govuk-body">
        Totals are out of 100. The balanced score gives community and councillor seats an equal voice. A flag means the two groups scored an
        application very differently: worth talking about.
      </p>
      <BudgetSummary
        budget={budget}
        asked={scored.map((r) => r.amount_requested)}
        recommended={recommendations.filter((x) => x.outcome).map((x) => (x.outcome === 'not_award' ? null : x.amount))}
      />
      <div className="wt-table-scroll" tabIndex={0} role="region" aria-label="Results table">
        <table className="govuk-table govuk-table--small-text-until-tablet" data-testid="results-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Results for each application, best first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Rank
              </th>
              <th scope="col" className="govuk-table__header">
                Application
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Community
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Councillors
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Balanced
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Spread
              </th>
              <th scope="col" className="govuk-table__header">
                Recommendation
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {results.map((r) => {
              const rec = recommendations.find((x) => x.application_id === r.application_id && x.outcome);
              if (isHiddenForConflict(r)) {
                return (
                  <tr className="govuk-table__row" key={r.application_id}>
                    <td className="govuk-table__cell govuk-table__cell--numeric">–</td>
                    <td className="govuk-table__cell" colSpan={6}>
                      <strong>{r.project_title}</strong>
                      <br />
                      <span className="govuk-body-s">
                        {r.organisation_name} · {r.reference} · You declared a conflict of interest with this application, so you do not see
                        its scores or take part in its recommendation.
                      </span>
                    </td>
                  </tr>
                );
              }
              return (
                <tr className="govuk-table__row" key={r.application_id}>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.rank ?? '–'}</td>
                  <td className="govuk-table__cell">
                    <strong>{r.project_title}</strong>
                    <br />
                    <span className="govuk-body-s">
                      {r.organisation_name} · {r.reference} · asks for {money(r.amount_requested)} · {r.members_scored} scored
                      {r.conflicts ? ` · ${r.conflicts} conflict${r.conflicts > 1 ? 's' : ''} declared` : ''}
                    </span>
                    {r.seat_split_flag && (
                      <>
                        <br />
                        <strong className="govuk-tag govuk-tag--orange">Seats differ by {num(r.seat_difference)}</strong>
                      </>
                    )}
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{num(r.community_mean)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{num(r.councillor_mean)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">
                    <strong>{num(r.balanced_mean)}</strong>
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">
                    {r.min === null ? '–' : `${num(r.min)} to ${num(r.max)}`}
                  </td>
                  <td className="govuk-table__cell">
                    {rec ? (
                      <>
                        {rec.outcome === 'award' ? 'Award' : rec.outcome === 'not_award' ? 'Do not award' : 'Award with conditions'}
                        {rec.amount ? ` ${money(rec.amount)}` : ''}
                      </>
                    ) : (
                      'Not recorded'
                    )}
                    {canRecord && (
                      <>
                        <br />
                        <button
                          type="button"
                          id={`record-${r.application_id}`}
                          className="wt-link-button govuk-link"
                          aria-expanded={open === r.application_id}
                          onClick={() => {
                            setOpenedHere(true);
                            setOpen(open === r.application_id ? undefined : r.application_id);
                          }}
                        >
                          {rec ? 'Change' : 'Record'}
                          <span className="govuk-visually-hidden"> the recommendation for {r.project_title}</span>
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {open && (
        <RecommendationForm
          key={open}
          result={scored.find((r) => r.application_id === open)!}
          existing={recommendations.find((x) => x.application_id === open && x.outcome)}
          onDone={() => {
            close();
            onRecorded();
          }}
          onCancel={close}
          takeFocus={openedHere}
        />
      )}
    </section>
  );
}
