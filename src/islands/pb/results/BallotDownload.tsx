// The counted ballots to download (pabulib .pb, random voter ids only) with the sha256 the count
// stored, and how to count them again. The file is fetched when asked for, not with the page:
// a large vote's file is far bigger than everything else on it.
import { useState } from 'react';
import { pbPublishedBallotFile } from '../../../lib/api/pb-results';
import { pbProblemWords } from '../../../lib/pb/refusal-words';
import { useOnce } from '../../ui/useOnce';

export function BallotDownload({ processId, sha256, ballots }: { processId: string; sha256: string; ballots: number }) {
  const [busy, once] = useOnce();
  const [problem, setProblem] = useState<string>();

  const download = () =>
    void once(async () => {
      setProblem(undefined);
      const file = await pbPublishedBallotFile({ p_process_id: processId }, 'form');
      if (!file.ok) return setProblem(pbProblemWords(file, 'results'));
      const url = URL.createObjectURL(new Blob([file.data.ballot_file], { type: 'text/plain;charset=utf-8' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: file.data.file_name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });

  return (
    <section aria-labelledby="ballots-title">
      <h2 className="govuk-heading-m" id="ballots-title">
        Check the count yourself
      </h2>
      <p className="govuk-body">
        You can download all {ballots.toLocaleString('en-GB')} ballots that were counted. They do not say who anyone is: each voter has a
        random number instead of a name.
      </p>
      {problem && (
        <p className="govuk-error-message" id="download-error">
          <span className="govuk-visually-hidden">Error:</span> {problem}
        </p>
      )}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={download}
        aria-disabled={busy || undefined}
        aria-describedby={problem ? 'download-error' : undefined}
      >
        {busy ? 'Preparing the file…' : 'Download the ballot file (.pb)'}
      </button>
      <p className="govuk-body">
        The file’s sha256 fingerprint is{' '}
        <code className="wt-sha256" data-testid="sha256">
          {sha256}
        </code>
        . If the file you download has the same fingerprint, it is exactly the file that was counted.
      </p>
      <p className="govuk-body">
        Anyone can count it again: with a copy of this website’s code, run <code>npm run pb -- count</code> followed by the file’s name, or
        use any program that reads pabulib .pb files, and you will get the same winners.{' '}
        <a className="govuk-link" href="/budgeting/how-votes-are-counted/">
          How votes are counted
        </a>
        .
      </p>
    </section>
  );
}
