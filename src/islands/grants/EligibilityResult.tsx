// The answer page of "Check if you can apply": a plain yes or no, the reason when it is no, the
// group's answers with a way to change each, and what to do next (start an application in an open
// round, or look at the other funds).
import type { FundEligibility, OpenRound } from '../../lib/api/eligibility';
import { longDate } from '../../lib/dates';
import { checkAddress, type Verdict } from '../../lib/grants/eligibility';

interface Props {
  fund: FundEligibility['fund'];
  questions: FundEligibility['questions'];
  answers: Record<string, string>;
  verdict: Verdict;
  rounds: OpenRound[];
}

export function EligibilityResult({ fund, questions, answers, verdict, rounds }: Props) {
  const asked =
    verdict.outcome === 'ineligible' ? questions.slice(0, questions.findIndex((q) => q.question === verdict.question) + 1) : questions;
  return (
    <div data-testid="eligibility-result">
      {verdict.outcome === 'ineligible' ? (
        <>
          <h1 className="govuk-heading-l">Your group cannot apply to the {fund.name}</h1>
          <p className="govuk-body">
            This is because you answered “{verdict.answer}” to “{verdict.question}”.
          </p>
          <div className="govuk-inset-text" data-testid="eligibility-reason">
            {verdict.reason}
          </div>
          <p className="govuk-body">
            If you chose the wrong answer, you can change it below. Otherwise,{' '}
            <a className="govuk-link" href="/grants/#open">
              look at the other funds
            </a>{' '}
            or{' '}
            <a className="govuk-link" href="/contact/">
              ask the grants team
            </a>{' '}
            about your idea.
          </p>
        </>
      ) : (
        <>
          <h1 className="govuk-heading-l">You can apply to the {fund.name}</h1>
          <p className="govuk-body">
            Nothing in your answers stops your group applying. The panel will then score your application against the fund’s criteria.
          </p>
          <NextStep fund={fund} rounds={rounds} />
        </>
      )}
      <h2 className="govuk-heading-m">Your answers</h2>
      <dl className="govuk-summary-list">
        {asked.map((q, i) => (
          <div className="govuk-summary-list__row" key={q.id}>
            <dt className="govuk-summary-list__key">{q.question}</dt>
            <dd className="govuk-summary-list__value">{answers[q.id]}</dd>
            <dd className="govuk-summary-list__actions">
              <a className="govuk-link" href={checkAddress(fund.slug, i + 1)}>
                Change<span className="govuk-visually-hidden"> your answer to “{q.question}”</span>
              </a>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function NextStep({ fund, rounds }: { fund: FundEligibility['fund']; rounds: OpenRound[] }) {
  const open = rounds.filter((r) => r.status === 'open');
  const soon = rounds.filter((r) => r.status === 'opens_soon');
  if (open.length === 0)
    return (
      <p className="govuk-body">
        {soon[0]?.opens_on
          ? `The next round, ${soon[0].round_title}, opens for applications on ${longDate(soon[0].opens_on)}.`
          : `The ${fund.name} is not open for applications just now.`}{' '}
        <a className="govuk-link" href="/grants/#open">
          See when funds open
        </a>
        .
      </p>
    );
  return (
    <>
      {open.map((r) => (
        <p className="govuk-body" key={r.round_id}>
          {r.closes_on
            ? `${r.round_title} is open for applications until ${longDate(r.closes_on)}.`
            : `${r.round_title} is open for applications.`}
        </p>
      ))}
      <a className="govuk-button" href={`/grants/apply/?round=${encodeURIComponent(open[0]!.round_id)}`}>
        Start your application
      </a>
    </>
  );
}
