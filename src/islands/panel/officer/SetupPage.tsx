// Officers set up funds and their rounds here; each round is then run from its own page.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { createFund, createRound, listFunds, type Fund } from '../../../lib/api/setup';
import { useOnce } from '../../ui/useOnce';
import { useSignedIn } from '../../ui/useSignedIn';
import { Loading, money, ProblemBox, SignedInBar } from '../PanelParts';
import { useMyAccess } from '../useMyAccess';
import { ErrorList } from '../../ui/ErrorSummary';
import { Select } from '../../ui/Select';
import { TextInput } from '../../ui/TextInput';
import { Textarea } from '../../ui/Textarea';
import { useKeptForm } from './useKeptForm';
import { parsePounds } from '../../../lib/money';
import { checkDateParts, EMPTY_DATE, type DatePart } from '../../../lib/date-input';
import { dateBoxId, DateInput } from '../../ui/DateInput';

/** A fair panel's numbers as the form starts them: as the database's defaults (api.create_round). */
const PANEL_DEFAULTS = { community: '2', councillors: '2' };

/** A panel number typed in a box: a whole number from 0 to 20, or undefined. */
const panelNumber = (typed: string) => (/^\s*\d{1,2}\s*$/.test(typed) && Number(typed) <= 20 ? Number(typed) : undefined);

/** A date box's problem: the words, and the boxes they are about. */
type DateError = { message: string; parts: DatePart[] };

function NewFund({ onCreated }: { onCreated: () => void }) {
  const [f, setF, forget] = useKeptForm('new-fund', () => ({ slug: '', name: '', budget: '', period: 'a year', description: '' }));
  const [busy, once] = useOnce();
  const [errors, setErrors] = useState<{ id: string; message: string }[]>([]);
  const [problem, setProblem] = useState<ApiProblem>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void once(() => save());
  };
  const save = async () => {
    const found = [];
    if (!f.name.trim()) found.push({ id: 'fund-name', message: 'Enter the fund’s name' });
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(f.slug))
      found.push({ id: 'fund-slug', message: 'Enter a web name of lower-case letters, numbers and hyphens, like innovation-fund' });
    if (!(parsePounds(f.budget) > 0)) found.push({ id: 'fund-budget', message: 'Enter the budget in pounds, like 100000' });
    setErrors(found);
    if (found.length) return;
    const result = await createFund({
      p_slug: f.slug,
      p_name: f.name,
      p_budget: parsePounds(f.budget),
      p_budget_period: f.period,
      p_description: f.description,
    });
    if (!result.ok) return setProblem(result);
    setProblem(undefined);
    forget();
    onCreated();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-fund-heading">
      <h2 className="govuk-heading-m" id="new-fund-heading">
        Create a fund
      </h2>
      <ErrorList errors={errors} />
      {problem && <ProblemBox problem={problem} />}
      <TextInput
        labelSize="s"
        id="fund-name"
        label="Name"
        value={f.name}
        onChange={(v) => setF({ ...f, name: v })}
        error={errors.find((e) => e.id === 'fund-name')?.message}
      />
      <TextInput
        labelSize="s"
        id="fund-slug"
        label="Web name"
        hint="Used in web addresses, like innovation-fund"
        value={f.slug}
        onChange={(v) => setF({ ...f, slug: v })}
        error={errors.find((e) => e.id === 'fund-slug')?.message}
      />
      <TextInput
        labelSize="s"
        id="fund-budget"
        label="Budget (£)"
        width="10"
        value={f.budget}
        onChange={(v) => setF({ ...f, budget: v })}
        error={errors.find((e) => e.id === 'fund-budget')?.message}
      />
      <TextInput
        labelSize="s"
        id="fund-period"
        label="Budget period"
        hint="For example: a year, or over two years"
        width="20"
        value={f.period}
        onChange={(v) => setF({ ...f, period: v })}
      />
      <Textarea
        labelSize="s"
        rows={4}
        id="fund-description"
        label="What the fund is for (optional)"
        value={f.description}
        onChange={(v) => setF({ ...f, description: v })}
      />
      <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
        Create the fund
      </button>
    </form>
  );
}

function NewRound({ funds }: { funds: Fund[] }) {
  const [r, setR, forget] = useKeptForm('new-round', () => ({
    fund: '',
    title: '',
    prefix: '',
    deadline: { ...EMPTY_DATE },
    panel: { ...EMPTY_DATE },
    ...PANEL_DEFAULTS,
  }));
  // A form kept on this device from before the panel numbers were asked for has none.
  const numbers = { community: r.community ?? PANEL_DEFAULTS.community, councillors: r.councillors ?? PANEL_DEFAULTS.councillors };
  const [busy, once] = useOnce();
  const [errors, setErrors] = useState<{ id: string; message: string }[]>([]);
  const [dateErrors, setDateErrors] = useState<{ deadline?: DateError; panel?: DateError }>({});
  const [problem, setProblem] = useState<ApiProblem>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void once(() => save());
  };
  const save = async () => {
    const found = [];
    const deadline = checkDateParts(r.deadline, 'The scoring deadline');
    const panel = checkDateParts(r.panel, 'The panel meeting date');
    if (!r.fund) found.push({ id: 'round-fund', message: 'Choose the fund' });
    if (!r.title.trim()) found.push({ id: 'round-title', message: 'Enter the round’s title, like Innovation Fund 2027 to 2028' });
    if (!/^[A-Z0-9]{2,8}$/.test(r.prefix))
      found.push({ id: 'round-prefix', message: 'Enter 2 to 8 capital letters or numbers for references, like INN27' });
    const community = panelNumber(numbers.community);
    const councillors = panelNumber(numbers.councillors);
    if (community === undefined)
      found.push({ id: 'round-community', message: 'Enter the number of community members as a whole number from 0 to 20' });
    if (councillors === undefined)
      found.push({ id: 'round-councillors', message: 'Enter the number of councillors as a whole number from 0 to 20' });
    const wrongDates = {
      deadline: deadline.ok ? undefined : { message: deadline.message, parts: deadline.parts },
      panel: panel.ok ? undefined : { message: panel.message, parts: panel.parts },
    };
    if (wrongDates.deadline)
      found.push({ id: dateBoxId('round-deadline', wrongDates.deadline.parts), message: wrongDates.deadline.message });
    if (wrongDates.panel) found.push({ id: dateBoxId('round-panel', wrongDates.panel.parts), message: wrongDates.panel.message });
    setErrors(found);
    setDateErrors(wrongDates);
    if (found.length || !deadline.ok || !panel.ok || community === undefined || councillors === undefined) return;
    const result = await createRound({
      p_fund_id: r.fund,
      p_title: r.title,
      p_reference_prefix: r.prefix,
      // Scores are needed by the end of the working day (5pm) on the date given.
      p_scoring_deadline: deadline.iso ? `${deadline.iso}T17:00:00Z` : null,
      p_panel_date: panel.iso,
      p_community_members_needed: community,
      p_councillors_needed: councillors,
    });
    if (!result.ok) return setProblem(result);
    forget();
    location.assign(`/panel/officer/?id=${result.data.id}`);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-round-heading">
      <h2 className="govuk-heading-m" id="new-round-heading">
        Create a round
      </h2>
      <ErrorList errors={errors} />
      {problem && <ProblemBox problem={problem} />}
      <Select
        id="round-fund"
        label="Fund"
        labelSize="s"
        value={r.fund}
        error={errors.find((e) => e.id === 'round-fund')?.message}
        onChange={(v) => setR({ ...r, fund: v })}
      >
        <option value="">Choose a fund</option>
        {funds.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </Select>
      <TextInput
        labelSize="s"
        id="round-title"
        label="Title"
        value={r.title}
        onChange={(v) => setR({ ...r, title: v })}
        error={errors.find((e) => e.id === 'round-title')?.message}
      />
      <TextInput
        labelSize="s"
        id="round-prefix"
        label="Reference prefix"
        hint="Each application gets a reference like INN27-001"
        width="10"
        value={r.prefix}
        onChange={(v) => setR({ ...r, prefix: v.toUpperCase() })}
        error={errors.find((e) => e.id === 'round-prefix')?.message}
      />
      <fieldset className="govuk-fieldset" aria-describedby="round-fair-hint">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">A fair panel</legend>
        <div className="govuk-hint" id="round-fair-hint">
          Scoring can start once the panel has its chair and at least these many members besides the chair. If it cannot wait, the officer
          gives a reason, which is recorded.
        </div>
        <TextInput
          id="round-community"
          label="Community members needed"
          width="2"
          inputMode="numeric"
          value={numbers.community}
          onChange={(v) => setR({ ...r, community: v })}
          error={errors.find((e) => e.id === 'round-community')?.message}
        />
        <TextInput
          id="round-councillors"
          label="Councillors needed"
          width="2"
          inputMode="numeric"
          value={numbers.councillors}
          onChange={(v) => setR({ ...r, councillors: v })}
          error={errors.find((e) => e.id === 'round-councillors')?.message}
        />
      </fieldset>
      <DateInput
        id="round-deadline"
        legend="Scores needed by (optional)"
        hint="For example, 14 3 2027. Scores are due by 5pm that day."
        value={r.deadline}
        error={dateErrors.deadline?.message}
        errorParts={dateErrors.deadline?.parts}
        onChange={(v) => setR({ ...r, deadline: v })}
      />
      <DateInput
        id="round-panel"
        legend="Panel meeting date (optional)"
        hint="For example, 21 3 2027"
        value={r.panel}
        error={dateErrors.panel?.message}
        errorParts={dateErrors.panel?.parts}
        onChange={(v) => setR({ ...r, panel: v })}
      />
      <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
        Create the round
      </button>
    </form>
  );
}

export default function SetupPage() {
  const user = useSignedIn();
  const [funds, setFunds] = useState<Fund[]>();
  const [problem, setProblem] = useState<ApiProblem>();
  const load = useCallback(async () => {
    const result = await listFunds({});
    if (result.ok) setFunds(result.data);
    else setProblem(result);
  }, []);
  const access = useMyAccess(user);
  useEffect(() => {
    if (access?.is_officer) void load();
  }, [access, load]);
  if (!user) return <Loading>Checking you are signed in…</Loading>;
  if (access && !access.is_officer) {
    return (
      <div data-testid="setup-page">
        <SignedInBar email={user.email} back={{ href: '/panel/', label: 'Back to your rounds' }} />
        <h1 className="govuk-heading-l">Funds and rounds</h1>
        <ProblemBox
          problem={{
            ok: false,
            status: 403,
            offline: false,
            signedOut: false,
            message: 'Only grants officers can create funds and rounds.',
            hint: 'If a fund or round needs setting up, ask the co-production team.',
          }}
        />
      </div>
    );
  }
  return (
    <div data-testid="setup-page">
      <SignedInBar email={user.email} back={{ href: '/panel/', label: 'Back to your rounds' }} />
      <h1 className="govuk-heading-l">Funds and rounds</h1>
      {problem && <ProblemBox problem={problem} />}
      {!funds && !problem && <Loading>Loading the funds…</Loading>}
      {funds && (
        <ul className="govuk-list govuk-list--bullet">
          {funds.map((f) => (
            <li key={f.id}>
              <strong>{f.name}</strong>: {money(f.budget)} {f.budget_period}.{' '}
              <a className="govuk-link" href={`/panel/eligibility/?fund=${encodeURIComponent(f.slug)}`}>
                Eligibility questions<span className="govuk-visually-hidden"> for the {f.name}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {funds && <NewRound funds={funds} />}
      {access && <NewFund onCreated={() => void load()} />}
    </div>
  );
}
