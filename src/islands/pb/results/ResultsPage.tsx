// /budgeting/results/?p=<slug>: a published count explained for residents (the same
// ResultExplanation and ComparisonChart the "how votes are counted" page renders at build time),
// and the ballot file that was counted, with its sha256, so anyone can count it again.
import { useEffect, useMemo, useState } from 'react';
import type { ApiResult } from '../../../lib/api-call';
import { getProcess, type PbProcess } from '../../../lib/api/pb-residents';
import { pbResult, type PbResult } from '../../../lib/api/pb-results';
import { explainResult } from '../../../lib/pb/explain/index';
import { pbProblemWords } from '../../../lib/pb/refusal-words';
import { dayAt } from '../../../lib/pb/when';
import ResultExplanation from '../ResultExplanation';
import { BallotDownload } from './BallotDownload';

export default function ResultsPage() {
  const [slug] = useState(() => new URLSearchParams(location.search).get('p')?.trim() ?? '');
  const [process, setProcess] = useState<ApiResult<PbProcess>>();
  const [result, setResult] = useState<ApiResult<PbResult>>();

  useEffect(() => {
    if (!slug) return;
    void getProcess({ p_slug: slug }).then((p) => {
      setProcess(p);
      if (p.ok) void pbResult({ p_process_id: p.data.id }).then(setResult);
    });
  }, [slug]);

  const explanation = useMemo(() => {
    if (!result?.ok) return undefined;
    const names = Object.fromEntries(result.data.projects.map((p) => [p.project_id, p.title]));
    return explainResult({ result: result.data.result, names });
  }, [result]);

  const problem = !slug
    ? 'This link does not say which results to show.'
    : process && !process.ok
      ? pbProblemWords(process)
      : result && !result.ok
        ? pbProblemWords(result, 'results')
        : undefined;
  const title = process?.ok ? process.data.title : undefined;
  const heading = <h1 className="govuk-heading-l">{title && <span className="govuk-caption-l">{title}</span>}Results</h1>;

  if (problem) {
    return (
      <>
        {heading}
        <p className="govuk-body" data-testid="results-problem">
          {problem}
        </p>
        <p className="govuk-body">
          {process?.ok ? (
            <a className="govuk-link" href={`/budgeting/process/?p=${encodeURIComponent(process.data.slug)}`}>
              Read about {process.data.title}
            </a>
          ) : (
            <a className="govuk-link" href="/budgeting/">
              See every budgeting process
            </a>
          )}
        </p>
      </>
    );
  }
  if (!process || !result || !explanation || !result.ok || !process.ok)
    return (
      <>
        {heading}
        <p className="govuk-body" role="status">
          Loading the results…
        </p>
      </>
    );

  const r = result.data;
  return (
    <>
      {heading}
      <p className="govuk-body wt-lead">
        {r.ballots.toLocaleString('en-GB')} people voted on how to spend {process.data.title}’s budget. The votes were counted on{' '}
        {dayAt(r.counted_at)}
        {r.published_at ? ` and the results published on ${dayAt(r.published_at)}` : ''}.
      </p>
      <ResultExplanation explanation={explanation} id="result" />
      <BallotDownload processId={process.data.id} sha256={r.sha256} ballots={r.ballots} />
    </>
  );
}
