// /budgeting/officer/codes/?id=: issuing voting codes in batches (for letters or an event), the
// letters to print, and the batches issued so far with how many codes were used (counts only).
import { useCallback, useEffect, useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { pbCodeBatches, pbIssueCodes, type PbCodeBatch, type PbIssuedCodes } from '../../../lib/api/pb-officers';
import { refusalWords } from '../../../lib/pb/officer-refusal-words';
import { refusalField } from '../../../lib/pb/refusal-words';
import { ErrorList } from '../../ui/ErrorSummary';
import { TextInput } from '../../ui/TextInput';
import { useOnce } from '../../ui/useOnce';
import { CodeLetters } from './CodeLetters';
import { OfficerFrame } from './OfficerFrame';
import { RefusedBox } from './Refused';
import { useOfficerProcess } from './useOfficerProcess';

export default function CodesPage() {
  const data = useOfficerProcess();
  const { process } = data;
  const [batches, setBatches] = useState<PbCodeBatch[]>();
  const [issued, setIssued] = useState<PbIssuedCodes>();
  const [label, setLabel] = useState('');
  const [count, setCount] = useState('');
  const [errors, setErrors] = useState<{ id: string; message: string }[]>([]);
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, once] = useOnce();
  const loadBatches = useCallback(async () => {
    const r = await pbCodeBatches({ p_process_id: data.id });
    if (r.ok) setBatches(r.data);
    else setProblem(r);
  }, [data.id]);
  useEffect(() => {
    if (process) void loadBatches();
  }, [process, loadBatches]);

  const issue = () =>
    once(async () => {
      const found = [];
      if (!label.trim()) found.push({ id: 'codes-label', message: 'Enter a name for this batch, like Letters to Blackbird Leys' });
      const n = /^\d+$/.test(count.trim()) ? Number(count.trim()) : NaN;
      if (!count.trim()) found.push({ id: 'codes-count', message: 'Enter how many codes to issue' });
      else if (!(n >= 1 && n <= 10000)) found.push({ id: 'codes-count', message: 'Enter a whole number of codes from 1 to 10,000' });
      setErrors(found);
      if (found.length) return;
      const r = await pbIssueCodes({ p_process_id: data.id, p_label: label.trim(), p_count: n }, 'form');
      if (!r.ok) {
        const field = refusalField(r);
        if (r.key && (field === 'count' || field === 'label')) return setErrors([{ id: `codes-${field}`, message: refusalWords(r) }]);
        return setProblem(r);
      }
      setProblem(undefined);
      setIssued(r.data);
      setLabel('');
      setCount('');
      await loadBatches();
    });

  return (
    <OfficerFrame data={data} page="codes" heading="Voting codes">
      {process && (
        <>
          {issued && <CodeLetters process={process} batch={issued} />}
          <section aria-labelledby="issue-heading" className="wt-no-print">
            <h2 className="govuk-heading-m" id="issue-heading">
              Issue a batch of codes
            </h2>
            <p className="govuk-body">Each code lets one person vote once, online or on paper. Codes can be issued until voting closes.</p>
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void issue();
              }}
            >
              <ErrorList errors={errors} />
              {problem && <RefusedBox problem={problem} />}
              <TextInput
                id="codes-label"
                label="Name of the batch"
                hint="So you can tell batches apart, like Letters to Blackbird Leys"
                width="30"
                value={label}
                error={errors.find((e) => e.id === 'codes-label')?.message}
                onChange={setLabel}
              />
              <TextInput
                id="codes-count"
                label="How many codes"
                hint="From 1 to 10,000"
                width="5"
                inputMode="numeric"
                value={count}
                error={errors.find((e) => e.id === 'codes-count')?.message}
                onChange={setCount}
              />
              <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
                Issue the codes
              </button>
            </form>
          </section>
          <section aria-labelledby="batches-heading" className="wt-no-print">
            <h2 className="govuk-heading-m" id="batches-heading">
              Batches issued
            </h2>
            {batches && batches.length === 0 && <p className="govuk-body">No codes issued yet.</p>}
            {batches && batches.length > 0 && (
              <div className="wt-table-scroll" tabIndex={0} role="region" aria-labelledby="batches-heading">
                <table className="govuk-table" data-testid="code-batches">
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">
                        Batch
                      </th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                        Codes
                      </th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                        Used online
                      </th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                        Used on paper
                      </th>
                      <th scope="col" className="govuk-table__header">
                        Issued
                      </th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {batches.map((b) => (
                      <tr key={b.id} className="govuk-table__row">
                        <th scope="row" className="govuk-table__header">
                          {b.label}
                        </th>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{b.size}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{b.used_online}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{b.used_paper}</td>
                        <td className="govuk-table__cell">
                          {new Date(b.issued_at).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}
                          {b.issued_by ? ` by ${b.issued_by}` : ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </OfficerFrame>
  );
}
