// The audit trail for officers and scrutiny: every change and every confidential read, newest
// first, filtered by person (chosen by name), application (by reference and title), action,
// table and date, a page at a time; and "check the trail", which says the chain is intact or
// names the first broken link.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import {
  listAuditFilterChoices,
  readAuditTrail,
  verifyAuditChain,
  type AuditEvent,
  type AuditFilterChoices,
  type AuditFilters,
  type ChainCheck,
} from '../../lib/api/audit';
import { ACTION_WORDS, detailWords, recordWords } from '../../lib/grants/audit-words';
import { checkDateParts, EMPTY_DATE, type DatePart, type DateParts } from '../../lib/date-input';
import { checkDateRange, type DateRangeField } from '../../lib/grants/officer-checks';
import { DateInput, dateBoxId } from '../ui/DateInput';
import { useOnce } from '../ui/useOnce';
import { useSignedIn } from '../ui/useSignedIn';
import { Select } from '../ui/Select';
import { TextInput } from '../ui/TextInput';
import { AuditDownload } from './AuditDownload';
import { ErrorSummary, Loading, ProblemBox, SignedInBar } from './PanelParts';

interface Filters {
  person: string;
  application: string;
  action: string;
  table: string;
  /** "2027-03-14", or empty: what the date boxes held when the form was last sent. */
  from: string;
  to: string;
}

type DateProblem = { message: string; parts?: DatePart[] };
const DATE_LABELS: Record<DateRangeField, string> = { from: 'The "from" date', to: 'The "to" date' };

/** The two GOV.UK date inputs as days, or the problem with each (each real if given, "from" not after "to"). */
function checkDates(dates: Record<DateRangeField, DateParts>) {
  const problems: Partial<Record<DateRangeField, DateProblem>> = {};
  const days: Record<DateRangeField, string> = { from: '', to: '' };
  for (const k of ['from', 'to'] as const) {
    const checked = checkDateParts(dates[k], DATE_LABELS[k]);
    if (checked.ok) days[k] = checked.iso ?? '';
    else problems[k] = { message: checked.message, parts: checked.parts };
  }
  if (!problems.from && !problems.to) {
    const order = checkDateRange(days.from, days.to);
    if (order.from) problems.from = { message: order.from };
  }
  return { days, problems };
}

const ACTIONS = ['insert', 'update', 'delete', 'read', 'export'];
const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The filters as the database takes them (dates to whole days). */
const trailArgs = (f: Filters): AuditFilters => ({
  p_actor: f.person || null,
  p_application_id: f.application || null,
  p_action: f.action || null,
  p_table: f.table.trim() || null,
  p_from: f.from ? `${f.from}T00:00:00Z` : null,
  p_to: f.to ? `${f.to}T23:59:59.999Z` : null,
});

export default function AuditPage() {
  const user = useSignedIn();
  const [filters, setFilters] = useState<Filters>({ person: '', application: '', action: '', table: '', from: '', to: '' });
  const [choices, setChoices] = useState<AuditFilterChoices>();
  const [busy, once] = useOnce();
  const [events, setEvents] = useState<AuditEvent[]>();
  const [next, setNext] = useState<number | null>(null);
  const [dates, setDates] = useState<Record<DateRangeField, DateParts>>({ from: { ...EMPTY_DATE }, to: { ...EMPTY_DATE } });
  const [dateProblems, setDateProblems] = useState<Partial<Record<DateRangeField, DateProblem>>>({});
  const [problem, setProblem] = useState<ApiProblem>();
  const [check, setCheck] = useState<ChainCheck | 'checking'>();
  // The download takes the filters of the entries on screen, not what is half-typed in the form.
  const [shown, setShown] = useState<Filters>();

  const load = useCallback(async (f: Filters, before: number | null, append: boolean) => {
    const result = await readAuditTrail({ ...trailArgs(f), p_before_id: before, p_limit: 50 }, 'form');
    if (!result.ok) return setProblem(result);
    setProblem(undefined);
    setShown(f);
    setEvents((old) => (append && old ? [...old, ...result.data.events] : result.data.events));
    setNext(result.data.next_before_id);
  }, []);

  useEffect(() => {
    if (!user) return;
    void load(filters, null, false);
    void listAuditFilterChoices({}, 'form').then((r) => r.ok && setChoices(r.data));
    // Loads once per signed-in person; later loads follow the form's submit, not each keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { days, problems } = checkDates(dates);
    setDateProblems(problems);
    if (Object.keys(problems).length) return;
    const chosen = { ...filters, ...days };
    setFilters(chosen);
    void once(() => load(chosen, null, false));
  };
  const runCheck = async () => {
    setCheck('checking');
    const result = await verifyAuditChain({});
    if (result.ok) setCheck(result.data);
    else {
      setCheck(undefined);
      setProblem(result);
    }
  };
  const dateField = (key: DateRangeField, legend: string, hint: string) => (
    <DateInput
      id={`audit-${key}`}
      legend={legend}
      hint={hint}
      value={dates[key]}
      error={dateProblems[key]?.message}
      errorParts={dateProblems[key]?.parts}
      onChange={(v) => setDates({ ...dates, [key]: v })}
    />
  );
  const choose = (key: 'person' | 'application' | 'action', label: string, none: string, options: { value: string; text: string }[]) => (
    <Select
      id={`audit-${key}`}
      label={label}
      labelSize="s"
      groupClassName="wt-audit__field"
      value={filters[key]}
      onChange={(v) => setFilters({ ...filters, [key]: v })}
    >
      <option value="">{none}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.text}
        </option>
      ))}
    </Select>
  );
  const dateErrors = (['from', 'to'] as const).filter((k) => dateProblems[k]);

  if (!user) return <Loading>Checking you are signed in…</Loading>;
  // Someone who may not read the trail is told so, without the filters and checks they cannot use.
  if (problem?.key === 'may_not_read_audit')
    return (
      <div data-testid="audit-page">
        <SignedInBar email={user.email} back={{ href: '/panel/', label: 'Back to the panel' }} />
        <h1 className="govuk-heading-l">Audit trail</h1>
        <ProblemBox problem={problem} />
      </div>
    );
  return (
    <div data-testid="audit-page">
      <SignedInBar email={user.email} back={{ href: '/panel/', label: 'Back to the panel' }} />
      <h1 className="govuk-heading-l">Audit trail</h1>
      <p className="govuk-body">
        Every change to the grants records, and every time someone read or exported confidential information. Each entry is linked to the
        one before it, so any later change shows up when you check the trail.
      </p>
      <div className="wt-audit__check">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void runCheck()}>
          Check the trail
        </button>
        <div role="status" data-testid="chain-check">
          {check === 'checking' && <p className="govuk-body">Checking every entry…</p>}
          {check && check !== 'checking' && check.intact && (
            <p className="govuk-body">
              <strong className="govuk-tag govuk-tag--green">Intact</strong> All {check.events.toLocaleString('en-GB')} entries follow on
              from each other and none has been changed.
            </p>
          )}
          {check && check !== 'checking' && !check.intact && (
            <p className="govuk-body">
              <strong className="govuk-tag govuk-tag--red">Broken</strong> The first broken link is entry {check.first_broken_event}.{' '}
              {check.reason}
            </p>
          )}
        </div>
      </div>
      {problem && <ProblemBox problem={problem} />}
      <form className="wt-audit__filters" onSubmit={submit} noValidate aria-label="Filter the audit trail">
        <ErrorSummary
          items={dateErrors.map((k) => ({
            href: `#${dateBoxId(`audit-${k}`, dateProblems[k]!.parts)}`,
            message: dateProblems[k]!.message,
          }))}
        />
        {choose(
          'person',
          'Person',
          'Anyone',
          (choices?.people ?? []).map((p) => ({ value: p.id, text: p.display_name })),
        )}
        {choose(
          'application',
          'Application',
          'Any application',
          (choices?.applications ?? []).map((a) => ({ value: a.id, text: `${a.reference}: ${a.project_title} (${a.round_title})` })),
        )}
        {choose(
          'action',
          'What happened',
          'Anything',
          ACTIONS.map((a) => ({ value: a, text: ACTION_WORDS[a]! })),
        )}
        <TextInput
          id="audit-table"
          label="Kind of record"
          labelSize="s"
          groupClassName="wt-audit__field"
          hint="For example: scores"
          value={filters.table}
          onChange={(v) => setFilters({ ...filters, table: v })}
        />
        {dateField('from', 'From', 'For example, 1 3 2027')}
        {dateField('to', 'To', 'For example, 31 3 2027')}
        <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
          Show entries
        </button>
      </form>
      {!events && !problem && <Loading>Loading the trail…</Loading>}
      {events && (
        <>
          <p className="govuk-body" role="status">
            {events.length === 0 ? 'No entries match. Try fewer filters.' : `Showing ${events.length} entries, newest first.`}
          </p>
          {events.length > 0 && <AuditDownload filters={() => trailArgs(shown ?? filters)} />}
          <div className="wt-table-scroll" tabIndex={0} role="region" aria-label="Audit entries">
            <table className="govuk-table govuk-table--small-text-until-tablet" data-testid="audit-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Audit entries</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  {['Entry', 'When', 'Who', 'What happened', 'Record', 'Details'].map((h) => (
                    <th scope="col" className="govuk-table__header" key={h}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {events.map((e) => (
                  <tr className="govuk-table__row" key={e.id}>
                    <td className="govuk-table__cell">{e.id}</td>
                    <td className="govuk-table__cell">{when(e.at)}</td>
                    <td className="govuk-table__cell">
                      {e.actor_name ?? 'System'}
                      <br />
                      <span className="govuk-body-s">as {e.actor_role}</span>
                    </td>
                    <td className="govuk-table__cell">{ACTION_WORDS[e.action] ?? e.action}</td>
                    <td className="govuk-table__cell">{recordWords(e)}</td>
                    <td className="govuk-table__cell wt-audit__details">{detailWords(e)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {next && (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void load(filters, next, true)}>
              Show older entries
            </button>
          )}
        </>
      )}
    </div>
  );
}
