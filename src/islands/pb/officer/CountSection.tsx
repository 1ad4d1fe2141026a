// Counting the votes: the officer starts the count on the server (the pb-count Edge Function),
// the page says it is counting until the answer comes, then shows the stored result as a preview
// (the same explanation residents will read) before anyone publishes it.
import { useCallback, useEffect, useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { countVotes } from '../../../lib/api/pb-count';
import type { PbOfficerProcess } from '../../../lib/api/pb-officers';
import { pbLatestResult, type PbLatestResult } from '../../../lib/api/pb-results';
import { explainResult } from '../../../lib/pb/explain/index';
import { useOnce } from '../../ui/useOnce';
import { resultHtml } from '../../../lib/pb/result-html';
import { RefusedLine } from './Refused';

export function CountSection({ process, onCounted }: { process: PbOfficerProcess; onCounted: () => void }) {
  const [latest, setLatest] = useState<PbLatestResult>();
  const [progress, setProgress] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, once] = useOnce();
  const load = useCallback(async () => {
    const r = await pbLatestResult({ p_process_id: process.id });
    if (r.ok) setLatest(r.data);
  }, [process.id]);
  useEffect(() => {
    void load();
  }, [load]);

  const count = () =>
    once(async () => {
      setProblem(undefined);
      setProgress('Counting the votes… This can take a minute for a large vote. Stay on this page.');
      const r = await countVotes(process.id);
      if (!r.ok) {
        setProgress(undefined);
        return setProblem(r);
      }
      setProgress(
        `Counted ${r.data.ballots} ${r.data.ballots === 1 ? 'ballot' : 'ballots'} in ${(r.data.timings.total_ms / 1000).toFixed(1)} seconds: ${r.data.winners.length} projects funded. Check the preview below, then publish.`,
      );
      await load();
      onCounted();
    });

  const names = Object.fromEntries((latest?.projects ?? []).map((p) => [p.project_id, `${p.number}. ${p.title}`]));
  return (
    <section aria-labelledby="count-heading" data-testid="count">
      <h2 className="govuk-heading-m" id="count-heading">
        Count the votes
      </h2>
      {process.phase === 'counting' && (
        <>
          <p className="govuk-body">
            The count runs on the server with {process.rule === 'greedy' ? 'most votes first' : 'Equal Shares'}. You can count again, for
            instance after entering more paper ballots; only the latest count can be published.
          </p>
          <div className={problem ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
            <RefusedLine id="count-error" problem={problem} />
            <button type="button" className="govuk-button" aria-disabled={busy || undefined} onClick={() => void count()}>
              {latest ? 'Count the votes again' : 'Count the votes'}
            </button>
          </div>
        </>
      )}
      <p className="govuk-body" role="status" aria-live="polite" data-testid="count-progress">
        {progress}
      </p>
      {latest && (
        <div className="wt-preview" data-testid="result-preview">
          <h2 className="govuk-heading-m">{latest.published_at ? 'The published result' : 'Preview of the result (not published yet)'}</h2>
          <p className="govuk-body-s">
            Counted {new Date(latest.counted_at).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' })}
            {latest.counted_by.name ? ` by ${latest.counted_by.name}` : ''}: {latest.ballots} ballots. Ballot file sha256{' '}
            <code className="wt-hash">{latest.sha256}</code>.
          </p>
          <div dangerouslySetInnerHTML={{ __html: resultHtml(explainResult({ result: latest.result, names }), 'preview') }} />
        </div>
      )}
    </section>
  );
}
