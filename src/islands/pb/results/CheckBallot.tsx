// /budgeting/check-ballot/: a receipt code in, and back whether that ballot is in the count and
// what it held. No sign-in: the code is the only key, and nothing says who cast the ballot.
import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { checkReceipt, type PbReceiptCheck } from '../../../lib/api/pb-residents';
import { checkReceiptShape } from '../../../lib/pb/receipt-code';
import { pbProblemWords } from '../../../lib/pb/refusal-words';
import { momentAt } from '../../../lib/pb/when';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextInput } from '../../ui/TextInput';
import { useOnce } from '../../ui/useOnce';
import { BallotTable } from '../vote/CurrentVote';

function Verdict({ check }: { check: PbReceiptCheck }) {
  const results = `/budgeting/results/?p=${encodeURIComponent(check.process.slug)}`;
  if (check.replaced) {
    return (
      <p className="govuk-body" data-testid="verdict">
        <strong className="govuk-tag govuk-tag--grey">Replaced</strong> This ballot was replaced by a later vote
        {check.replaced_at ? ` at ${momentAt(check.replaced_at)}` : ''}, so it is not counted. Only the last vote a person sends counts; the
        later one has its own receipt code.
      </p>
    );
  }
  if (check.counted) {
    return (
      <p className="govuk-body" data-testid="verdict">
        <strong className="govuk-tag govuk-tag--green">Counted</strong> This ballot was counted
        {check.counted_at ? ` at ${momentAt(check.counted_at)}` : ''}.{' '}
        <a className="govuk-link" href={results}>
          See the results of {check.process.title}
        </a>
        .
      </p>
    );
  }
  return (
    <p className="govuk-body" data-testid="verdict">
      <strong className="govuk-tag govuk-tag--blue">In the ballot box</strong> This ballot is in the ballot box and will be counted when
      voting closes. It has not been counted yet.
    </p>
  );
}

export default function CheckBallot() {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [check, setCheck] = useState<PbReceiptCheck>();
  const [busy, once] = useOnce();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void once(async () => {
      setCheck(undefined);
      setProblem(undefined);
      const shape = checkReceiptShape(code);
      if (!shape.ok) return setError(shape.message);
      setError(undefined);
      const result = await checkReceipt({ p_receipt: shape.code }, 'form');
      if (result.ok) return setCheck(result.data);
      if (result.key === 'receipt_not_found' || result.field === 'receipt') setError(pbProblemWords(result));
      else setProblem(result);
    });
  };

  return (
    <>
      {(error || problem) && <ErrorSummary items={[{ href: '#receipt', message: error ?? pbProblemWords(problem!) }]} />}
      <form onSubmit={submit} noValidate>
        <TextInput
          id="receipt"
          label="Receipt code"
          labelSize="s"
          width="20"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          hint="You were given it when you voted, and we emailed it to you. It has 16 letters and numbers, like 7KQM-3XWP-HT9C-2RDA."
          value={code}
          onChange={setCode}
          error={error}
        />
        <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
          {busy ? 'Checking…' : 'Check the ballot'}
        </button>
      </form>
      {check && (
        <section aria-labelledby="check-title" data-testid="ballot-check">
          <h2 className="govuk-heading-m" id="check-title" tabIndex={-1} ref={(el) => el?.focus()}>
            The ballot with this receipt
          </h2>
          <p className="govuk-body">
            A vote in {check.process.title}, {check.channel === 'paper' ? 'on paper' : 'online'}, at {momentAt(check.cast_at)}.
          </p>
          <Verdict check={check} />
          {check.proposals.length > 0 ? (
            <BallotTable caption="What this ballot contained" items={check.proposals} total={check.total} />
          ) : (
            <p className="govuk-body">This ballot chose no projects.</p>
          )}
        </section>
      )}
    </>
  );
}
