// The recommendations report: a print-ready page for the review meetings and the Cabinet, and
// the same as a CSV download. Each opening is recorded as an export in the audit trail.
import { useEffect, useState } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import { exportRoundReport, type ExportedReport } from '../../lib/api/review';
import { longDate } from '../../lib/dates';
import { HIDDEN_FOR_CONFLICT_WORDS, isHiddenForConflict, OUTCOME_WORDS, reportCsv, type RoundReport } from '../../lib/grants/report';
import { formatScore } from '../../lib/grants/score-format';
import { useSignedIn } from '../ui/useSignedIn';
import { Loading, money, ProblemBox, queryParam, SignedInBar } from './PanelParts';

function download(report: RoundReport) {
  const blob = new Blob([reportCsv(report)], { type: 'text/csv;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `recommendations-${report.round.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.csv`;
  link.click();
  URL.revokeObjectURL(link.href);
}

export default function ReportPage() {
  const user = useSignedIn();
  const roundId = queryParam('round') ?? '';
  const [report, setReport] = useState<ExportedReport>();
  const [problem, setProblem] = useState<ApiProblem>();

  useEffect(() => {
    if (user) void exportRoundReport({ p_round_id: roundId }).then((r) => (r.ok ? setReport(r.data) : setProblem(r)));
  }, [user, roundId]);

  if (!user) return <Loading>Checking you are signed in…</Loading>;
  return (
    <div data-testid="report-page">
      <SignedInBar email={user.email} back={{ href: `/panel/panel-day/?round=${roundId}`, label: 'Back to the panel day' }} />
      {problem && <ProblemBox problem={problem} />}
      {!report && !problem && <Loading>Preparing the report…</Loading>}
      {report && (
        <article className="wt-report">
          <span className="govuk-caption-l">{report.fund.name} · Confidential until the Cabinet decides</span>
          <h1 className="govuk-heading-l">Recommendations: {report.round.title}</h1>
          <p className="govuk-body">
            Prepared on {longDate(report.exported_at.slice(0, 10))}. The panel of community members and councillors recommends:
          </p>
          <p className="govuk-body wt-no-print">
            <button type="button" className="govuk-button" onClick={() => print()}>
              Print this report
            </button>{' '}
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => download(report)}>
              Download as a spreadsheet (CSV)
            </button>
          </p>
          {report.results.map((r) => {
            const rec = report.recommendations.find((x) => x.application_id === r.application_id);
            const conflicts = report.conflicts.filter((c) => c.application_id === r.application_id);
            const conflictsRow = (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Conflicts declared</dt>
                <dd className="govuk-summary-list__value">
                  {conflicts.length ? conflicts.map((c) => `${c.display_name}${c.reason ? ` (${c.reason})` : ''}`).join('; ') : 'None'}
                </dd>
              </div>
            );
            if (isHiddenForConflict(r) || (rec && isHiddenForConflict(rec))) {
              return (
                <section className="wt-report__item" key={r.application_id} aria-labelledby={`rep-${r.reference}`}>
                  <h2 className="govuk-heading-m" id={`rep-${r.reference}`}>
                    {r.project_title}
                  </h2>
                  <p className="govuk-body">
                    {r.organisation_name} · {r.reference}
                  </p>
                  <p className="govuk-body">
                    {HIDDEN_FOR_CONFLICT_WORDS}, so its scores and recommendation are left out of your copy of the report.
                  </p>
                  <dl className="govuk-summary-list">{conflictsRow}</dl>
                </section>
              );
            }
            return (
              <section className="wt-report__item" key={r.application_id} aria-labelledby={`rep-${r.reference}`}>
                <h2 className="govuk-heading-m" id={`rep-${r.reference}`}>
                  {r.rank ? `${r.rank}. ` : ''}
                  {r.project_title}
                </h2>
                <p className="govuk-body">
                  {r.organisation_name} · {r.reference} · asked for {money(r.amount_requested)}
                </p>
                <dl className="govuk-summary-list">
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Recommendation</dt>
                    <dd className="govuk-summary-list__value">
                      <strong>
                        {rec?.outcome ? `${OUTCOME_WORDS[rec.outcome]}${rec.amount ? `: ${money(rec.amount)}` : ''}` : 'Not recorded yet'}
                      </strong>
                    </dd>
                  </div>
                  {rec?.conditions && (
                    <div className="govuk-summary-list__row">
                      <dt className="govuk-summary-list__key">Conditions</dt>
                      <dd className="govuk-summary-list__value">{rec.conditions}</dd>
                    </div>
                  )}
                  {rec?.outcome && (
                    <div className="govuk-summary-list__row">
                      <dt className="govuk-summary-list__key">Reasons</dt>
                      <dd className="govuk-summary-list__value">{rec.reasons}</dd>
                    </div>
                  )}
                  {rec?.outcome && (
                    <div className="govuk-summary-list__row">
                      <dt className="govuk-summary-list__key">How the panel agreed</dt>
                      <dd className="govuk-summary-list__value">{rec.how_agreed === 'consensus' ? 'Everyone agreed' : 'Majority vote'}</dd>
                    </div>
                  )}
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Scores (out of 100)</dt>
                    <dd className="govuk-summary-list__value">
                      Community {formatScore(r.community_mean)}, councillors {formatScore(r.councillor_mean)}, balanced{' '}
                      {formatScore(r.balanced_mean)}
                      {r.seat_split_flag ? '. The two groups scored this very differently.' : ''}
                    </dd>
                  </div>
                  {conflictsRow}
                </dl>
              </section>
            );
          })}
        </article>
      )}
    </div>
  );
}
