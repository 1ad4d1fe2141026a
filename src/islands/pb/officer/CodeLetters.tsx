// The letters for a batch of voting codes just issued: one code a letter, each saying what the
// vote is, how to vote and where, one letter a printed page. The codes are shown this once
// (only their hashes are kept), so the page says so and offers a CSV for a mail-merge too.
import type { PbIssuedCodes, PbOfficerProcess } from '../../../lib/api/pb-officers';
import { longDate } from '../../../lib/dates';
import { codesCsv, codesFileName, voteAddress } from '../../../lib/pb/codes-sheet';
import { formatAmount } from '../../../lib/pb/format';

function download(process: PbOfficerProcess, batch: PbIssuedCodes) {
  const blob = new Blob([codesCsv(process, batch, location.origin)], { type: 'text/csv;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = codesFileName(process.slug, batch.label);
  link.click();
  URL.revokeObjectURL(link.href);
}

export function CodeLetters({ process, batch }: { process: PbOfficerProcess; batch: PbIssuedCodes }) {
  const address = voteAddress(location.origin, process.slug);
  const closes = process.phases.find((p) => p.phase === 'voting')?.ends_at;
  return (
    <section aria-labelledby="letters-heading" className="wt-letters-section" data-testid="code-letters">
      <div className="wt-no-print">
        <h2 className="govuk-heading-m" id="letters-heading">
          {batch.size} voting {batch.size === 1 ? 'code' : 'codes'} issued: {batch.label}
        </h2>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            These codes are shown only now. Print the letters or download the codes before you leave this page: nobody can see them again,
            not even officers.
          </strong>
        </div>
        <div className="govuk-button-group">
          <button type="button" className="govuk-button" onClick={() => print()}>
            Print the letters
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => download(process, batch)}>
            Download the codes (CSV)
          </button>
        </div>
      </div>
      <div className="wt-letters">
        {batch.codes.map((code) => (
          <article className="wt-letter" key={code} aria-label={`Letter with code ${code}`}>
            <h3 className="govuk-heading-m">{process.title}: your vote</h3>
            <p className="govuk-body">
              You can help decide how to spend {formatAmount(process.budget, process.currency)} on projects in {process.area}.
            </p>
            <p className="govuk-body">Your voting code is</p>
            <p className="wt-letter__code" data-testid="voting-code">
              {code}
            </p>
            <h4 className="govuk-heading-s">How to vote</h4>
            <ol className="govuk-list govuk-list--number">
              <li>
                Go to <strong className="wt-letter__address">{address}</strong>
              </li>
              <li>Enter your voting code.</li>
              <li>Choose the projects you want, as long as together they fit in the budget.</li>
              <li>Check your vote and send it. You get a receipt code to check it was counted.</li>
            </ol>
            <p className="govuk-body">
              {closes ? `Voting closes on ${longDate(closes.slice(0, 10))}. ` : ''}You can change your vote until voting closes. The code
              works once for one person: keep it private.
            </p>
            <p className="govuk-body">You can also vote on paper at a polling station: take this letter with you.</p>
          </article>
        ))}
      </div>
    </section>
  );
}
