// Applications in a round, for officers: the list with whether each has its plain-English
// summary, a form to add one, an import from a spreadsheet with a row-by-row report, and the
// summary editor.
import { useState, type FormEvent } from 'react';
import { count } from '../../../lib/pb/explain/words';
import type { ApiProblem } from '../../../lib/api-call';
import { addApplication, type OfficerApplication } from '../../../lib/api/applications';
import {
  APPLICATION_COLUMNS,
  ORGANISATION_TYPES,
  checkApplication,
  readApplicationsCsv,
  type ApplicationFields,
  type FieldProblems,
} from '../../../lib/grants/application-form';
import { useOnce } from '../../ui/useOnce';
import { money, ProblemBox } from '../PanelParts';
import { ErrorList } from '../../ui/ErrorSummary';
import { TextInput } from '../../ui/TextInput';
import { FileUpload } from '../../ui/FileUpload';
import { Select } from '../../ui/Select';
import { Textarea } from '../../ui/Textarea';
import { SummaryEditor } from './SummaryEditor';
import { useKeptForm } from './useKeptForm';

const LABELS: Record<keyof ApplicationFields, string> = {
  organisation_name: 'Organisation name',
  organisation_type: 'Type of organisation',
  charity_number: 'Charity number (optional)',
  company_number: 'Company number (optional)',
  contact_name: 'Contact person',
  contact_email: 'Contact email',
  contact_phone: 'Contact phone',
  project_title: 'Project title',
  description: 'What they want to do',
  amount_requested: 'Amount asked for (£)',
  area: 'Area (optional)',
  beneficiaries: 'Who it helps (optional)',
  outcomes: 'What will change (optional)',
};
const empty = () => Object.fromEntries(APPLICATION_COLUMNS.map((c) => [c, ''])) as ApplicationFields;

function AddApplication({ roundId, onAdded }: { roundId: string; onAdded: () => void }) {
  const [fields, setFields, forget] = useKeptForm<ApplicationFields>(`application:${roundId}`, empty);
  const [busy, once] = useOnce();
  const [problems, setProblems] = useState<FieldProblems>({});
  const [problem, setProblem] = useState<ApiProblem>();
  const [added, setAdded] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void once(() => save());
  };
  const save = async () => {
    const checked = checkApplication(fields);
    if (!checked.ok) return setProblems(checked.problems);
    setProblems({});
    const result = await addApplication({ p_round_id: roundId, p_application: checked.application });
    if (!result.ok) return setProblem(result);
    setProblem(undefined);
    forget();
    setAdded(`Added ${result.data.reference}.`);
    onAdded();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-app-heading">
      <h3 className="govuk-heading-s" id="add-app-heading">
        Add an application
      </h3>
      <ErrorList errors={Object.entries(problems).map(([k, m]) => ({ id: `app-${k}`, message: m! }))} />
      {problem && <ProblemBox problem={problem} />}
      {APPLICATION_COLUMNS.map((c) =>
        c === 'organisation_type' ? (
          <Select
            key={c}
            id="app-organisation_type"
            label={LABELS[c]}
            labelSize="s"
            value={fields[c]}
            error={problems[c] && 'Choose the type of organisation'}
            onChange={(v) => setFields({ ...fields, [c]: v })}
          >
            <option value="">Choose a type</option>
            {ORGANISATION_TYPES.map((t) => (
              <option key={t} value={t}>
                {t[0]!.toUpperCase() + t.slice(1)}
              </option>
            ))}
          </Select>
        ) : ['description', 'beneficiaries', 'outcomes'].includes(c) ? (
          <Textarea
            key={c}
            id={`app-${c}`}
            label={LABELS[c]}
            labelSize="s"
            rows={4}
            value={fields[c]}
            error={problems[c]}
            onChange={(v) => setFields({ ...fields, [c]: v })}
          />
        ) : (
          <TextInput
            key={c}
            id={`app-${c}`}
            label={LABELS[c]}
            labelSize="s"
            value={fields[c]}
            error={problems[c]}
            width={['charity_number', 'company_number', 'amount_requested'].includes(c) ? '10' : undefined}
            onChange={(v) => setFields({ ...fields, [c]: v })}
          />
        ),
      )}
      <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
        Add the application
      </button>
      <p className="govuk-body" role="status">
        {added}
      </p>
    </form>
  );
}

function ImportApplications({ roundId, onAdded }: { roundId: string; onAdded: () => void }) {
  const [report, setReport] = useState<{ line: number; text: string; ok: boolean }[]>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (file: File) => {
    setReport(undefined);
    const { rows, problem: fileProblem } = readApplicationsCsv(await file.text());
    if (fileProblem) return setProblem(fileProblem);
    setProblem(undefined);
    setBusy(true);
    const lines: { line: number; text: string; ok: boolean }[] = [];
    for (const row of rows) {
      if (!row.application) {
        lines.push({ line: row.line, text: `not added: ${row.problems.join('; ')}`, ok: false });
        continue;
      }
      const result = await addApplication({ p_round_id: roundId, p_application: row.application });
      lines.push(
        result.ok
          ? { line: row.line, text: `added as ${result.data.reference}`, ok: true }
          : { line: row.line, text: `not added: ${result.message}`, ok: false },
      );
      setReport([...lines]);
    }
    setReport(lines);
    setBusy(false);
    onAdded();
  };
  return (
    <div className="wt-import">
      <h3 className="govuk-heading-s">Import from a spreadsheet</h3>
      <FileUpload
        id="import-file"
        label="Choose a CSV file"
        accept=".csv,text/csv"
        disabled={busy}
        error={problem}
        onFile={(f) => void run(f)}
        hint={
          <>
            The first row names the columns: {APPLICATION_COLUMNS.join(', ')}. Rows with problems are listed and skipped; the others are
            added.
          </>
        }
      />
      {report && (
        <div role="status" data-testid="import-report">
          <p className="govuk-body">
            <strong>
              {report.filter((r) => r.ok).length} added, {report.filter((r) => !r.ok).length} not added{busy ? ' so far' : ''}.
            </strong>
          </p>
          <ul className="govuk-list">
            {report.map((r) => (
              <li key={r.line} className={r.ok ? '' : 'wt-import-problem'}>
                Line {r.line}: {r.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export function ApplicationsSection({
  roundId,
  applications,
  canAdd,
  canSummarise,
  onChanged,
}: {
  roundId: string;
  applications: OfficerApplication[];
  canAdd: boolean;
  canSummarise: boolean;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<string>();
  const missing = applications.filter((a) => !a.has_summary).length;
  return (
    <section aria-labelledby="apps-heading">
      <h2 className="govuk-heading-m" id="apps-heading">
        Applications
      </h2>
      <p className="govuk-body">
        {count(applications.length, 'application')}.{' '}
        {missing ? `${missing} still need a plain-English summary.` : applications.length ? 'Every application has its summary.' : ''}
      </p>
      {applications.length > 0 && (
        <div className="wt-table-scroll" tabIndex={0} role="region" aria-label="Applications table">
          <table className="govuk-table" data-testid="officer-applications">
            <caption className="govuk-table__caption govuk-visually-hidden">Applications in this round</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Application
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Asking for
                </th>
                <th scope="col" className="govuk-table__header">
                  Summary
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {applications.map((a) => (
                <tr className="govuk-table__row" key={a.id}>
                  <td className="govuk-table__cell">
                    {a.project_title}
                    <br />
                    <span className="govuk-body-s">
                      {a.organisation_name} · {a.reference}
                    </span>
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{money(a.amount_requested)}</td>
                  <td className="govuk-table__cell">
                    {a.has_summary ? 'Written' : <strong className="govuk-tag govuk-tag--yellow">Needed</strong>}
                    {canSummarise && (
                      <>
                        <br />
                        <button type="button" className="wt-link-button govuk-link" onClick={() => setEditing(a.id)}>
                          {a.has_summary ? 'Change' : 'Write'}
                          <span className="govuk-visually-hidden"> the summary for {a.project_title}</span>
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <SummaryEditor
          applicationId={editing}
          onDone={() => {
            setEditing(undefined);
            onChanged();
          }}
        />
      )}
      {canAdd && <AddApplication roundId={roundId} onAdded={onChanged} />}
      {canAdd && <ImportApplications roundId={roundId} onAdded={onChanged} />}
    </section>
  );
}
