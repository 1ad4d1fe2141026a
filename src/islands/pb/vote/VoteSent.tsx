// The confirmation: the vote is in, with its receipt code (shown once; copy button), that the
// receipt is also emailed, how to check it later, and that the last vote sent is the one that
// counts. The figures are the server's reply, not the screen's own idea of what was sent.
import { useState } from 'react';
import type { PbCastReceipt } from '../../../lib/api/pb-residents';
import { formatPounds } from '../../../lib/money';
import { dayAt, momentAt } from '../../../lib/pb/when';

export function VoteSent({ receipt, closesAt, onChange }: { receipt: PbCastReceipt; closesAt: string | null; onChange: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'no'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt.receipt);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <>
      <div className="govuk-panel-lite" data-testid="vote-sent">
        <h2 className="govuk-heading-l">{receipt.replaced ? 'Your vote has been changed' : 'Your vote has been sent'}</h2>
        <p className="govuk-body">
          We have your vote for {receipt.projects} {receipt.projects === 1 ? 'project' : 'projects'}, costing {formatPounds(receipt.total)},
          at {momentAt(receipt.cast_at)}.
        </p>
        <p className="govuk-body govuk-!-margin-bottom-1">Your receipt code is</p>
        <p className="govuk-body wt-receipt" data-testid="receipt-code">
          <strong>{receipt.receipt}</strong>
        </p>
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1" onClick={() => void copy()}>
          Copy the receipt code
        </button>
        <p className="govuk-body" role="status">
          {copied === 'yes' ? 'Copied. ' : copied === 'no' ? 'Your browser did not let us copy it: write it down instead. ' : ''}
        </p>
      </div>
      <p className="govuk-body">We will also email the receipt code to you. This is the only time we show it on screen, so keep it.</p>
      <p className="govuk-body">
        With the code you can{' '}
        <a className="govuk-link" href="/budgeting/check-ballot/">
          check your vote
        </a>{' '}
        at any time: that it is in the count, and which projects it holds. The code does not say who you are. Anyone who has it can see what
        this vote contained, so keep it to yourself if you want your vote to stay private.
      </p>
      <h2 className="govuk-heading-m">Changing your vote</h2>
      <p className="govuk-body">
        You can change your vote until voting closes{closesAt ? ` on ${dayAt(closesAt)}` : ''}. The last vote you send is the one that
        counts, and you will get a new receipt code.
        {receipt.replaced ? ' The vote you sent before has been replaced and will not be counted.' : ''}
      </p>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onChange}>
        Change your vote
      </button>
    </>
  );
}
