// One application for a panel member: first "do you have a conflict of interest?", then the
// pack: the officer's plain-English summary first, then the full details, with a print view.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { callApi, type ApiProblem } from '../../lib/api-call';
import { useSignedIn } from '../ui/useSignedIn';
import { Loading, money, ProblemBox, queryParam, SignedInBar } from './PanelParts';
import type { MyApplication } from './RoundPage';

interface Pack {
  id: string;
  reference: string;
  organisation_name: string;
  organisation_type: string | null;
  project_title: string;
  summary: string | null;
  description: string;
  amount_requested: number;
  budget_lines: { item: string; amount: number }[] | null;
  outcomes: string | null;
  beneficiaries: string | null;
  area: string | null;
  my_submission: { submitted_at: string | null } | null;
}

function Declaration({ application, onDone }: { application: MyApplication; onDone: () => void }) {
  const [answer, setAnswer] = useState<'no' | 'yes'>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const [problem, setProblem] = useState<ApiProblem>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = [];
    if (!answer) found.push({ field: 'conflict-no', message: 'Choose yes or no' });
    if (answer === 'yes' && !reason.trim()) found.push({ field: 'conflict-reason', message: 'Say briefly why you have a conflict of interest' });
    setErrors(found);
    if (found.length) return;
    const result = await callApi('declare_interest', { p_application_id: application.id, p_has_conflict: answer === 'yes', p_reason: answer === 'yes' ? reason : null });
    if (result.ok) onDone();
    else setProblem(result);
  };
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {errors.length > 0 && (
        <div className="govuk-error-summary" role="alert" tabIndex={-1}>
          <h2 className="govuk-error-summary__title">There is a problem</h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">{errors.map((e) => <li key={e.field}><a href={`#${e.field}`}>{e.message}</a></li>)}</ul>
          </div>
        </div>
      )}
      {problem && <ProblemBox problem={problem} />}
      <div className={`govuk-form-group${errorFor('conflict-no') ? ' govuk-form-group--error' : ''}`}>
        <fieldset className="govuk-fieldset" aria-describedby="conflict-hint">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h2 className="govuk-fieldset__heading">Do you have a conflict of interest with {application.organisation_name}?</h2>
          </legend>
          <div className="govuk-hint" id="conflict-hint">
            You have a conflict if you, your family or a close friend work for, volunteer with, or get help from this group,
            or if you could gain from its grant. If you are not sure, choose yes and say why. It is always okay to ask.
          </div>
          {errorFor('conflict-no') && <p className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {errorFor('conflict-no')}</p>}
          <div className="govuk-radios">
            <div className="govuk-radios__item">
              <input className="govuk-radios__input" id="conflict-no" name="conflict" type="radio" checked={answer === 'no'} onChange={() => setAnswer('no')} />
              <label className="govuk-label govuk-radios__label" htmlFor="conflict-no">No, I do not have a conflict</label>
            </div>
            <div className="govuk-radios__item">
              <input className="govuk-radios__input" id="conflict-yes" name="conflict" type="radio" checked={answer === 'yes'} onChange={() => setAnswer('yes')} />
              <label className="govuk-label govuk-radios__label" htmlFor="conflict-yes">Yes, I have a conflict</label>
            </div>
          </div>
        </fieldset>
      </div>
      {answer === 'yes' && (
        <div className={`govuk-form-group${errorFor('conflict-reason') ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor="conflict-reason">Why do you have a conflict?</label>
          <div className="govuk-hint" id="conflict-reason-hint">For example: "My sister volunteers there." You will not see or score this application.</div>
          {errorFor('conflict-reason') && <p className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {errorFor('conflict-reason')}</p>}
          <textarea className="govuk-textarea" id="conflict-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby="conflict-reason-hint" />
        </div>
      )}
      <button type="submit" className="govuk-button">Continue</button>
    </form>
  );
}

function PackView({ pack, roundId }: { pack: Pack; roundId: string }) {
  return (
    <article className="wt-pack">
      <h2 className="govuk-heading-m">In short</h2>
      <div className="govuk-inset-text">{pack.summary ?? 'The grants officer has not written a summary yet. Read the full details below.'}</div>
      <p className="govuk-body">
        <a className="govuk-button" href={`/panel/score/?round=${roundId}&id=${pack.id}`}>
          {pack.my_submission?.submitted_at ? 'See your scores' : 'Score this application'}
        </a>{' '}
        <button type="button" className="govuk-button govuk-button--secondary wt-no-print" onClick={() => print()}>Print this application</button>
      </p>
      <h2 className="govuk-heading-m">Full details</h2>
      <dl className="govuk-summary-list">
        {[
          ['Organisation', `${pack.organisation_name}${pack.organisation_type ? ` (${pack.organisation_type})` : ''}`],
          ['Project', pack.project_title],
          ['Asking for', money(pack.amount_requested)],
          ['Area', pack.area],
          ['Who it helps', pack.beneficiaries],
          ['What will change', pack.outcomes],
        ].filter(([, v]) => v).map(([k, v]) => (
          <div className="govuk-summary-list__row" key={k}>
            <dt className="govuk-summary-list__key">{k}</dt>
            <dd className="govuk-summary-list__value">{v}</dd>
          </div>
        ))}
      </dl>
      <h3 className="govuk-heading-s">What they want to do</h3>
      {pack.description.split(/\n\s*\n/).map((p, i) => <p className="govuk-body" key={i}>{p}</p>)}
      {pack.budget_lines && pack.budget_lines.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">How they would spend the money</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row"><th scope="col" className="govuk-table__header">Item</th><th scope="col" className="govuk-table__header govuk-table__header--numeric">Amount</th></tr></thead>
          <tbody className="govuk-table__body">
            {pack.budget_lines.map((line, i) => (
              <tr className="govuk-table__row" key={i}><td className="govuk-table__cell">{line.item}</td><td className="govuk-table__cell govuk-table__cell--numeric">{money(line.amount)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

export default function ApplicationPage() {
  const user = useSignedIn();
  const roundId = queryParam('round') ?? '';
  const id = queryParam('id') ?? '';
  const [application, setApplication] = useState<MyApplication>();
  const [pack, setPack] = useState<Pack>();
  const [problem, setProblem] = useState<ApiProblem>();

  const load = useCallback(async () => {
    setProblem(undefined);
    const list = await callApi<MyApplication[]>('my_applications', { p_round_id: roundId });
    if (!list.ok) return setProblem(list);
    const mine = list.data.find((a) => a.id === id);
    if (!mine) return setProblem({ ok: false, status: 404, message: 'We could not find this application in your round. Go back to the list and choose one.', offline: false, signedOut: false });
    setApplication(mine);
    if (mine.declaration !== 'no conflict') return;
    const opened = await callApi<Pack>('open_application_pack', { p_application_id: id });
    if (opened.ok) setPack(opened.data);
    else setProblem(opened);
  }, [roundId, id]);

  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  if (!user) return <Loading>Checking you are signed in…</Loading>;
  return (
    <div data-testid="application-page">
      <SignedInBar email={user.email} back={{ href: `/panel/round/?id=${roundId}`, label: 'Back to the applications' }} />
      {problem && <ProblemBox problem={problem} />}
      {!application && !problem && <Loading>Loading the application…</Loading>}
      {application && (
        <>
          <span className="govuk-caption-l">{application.organisation_name} · {application.reference}</span>
          <h1 className="govuk-heading-l">{application.project_title}</h1>
          {application.declaration === 'conflict' && (
            <div className="govuk-inset-text">
              You declared a conflict of interest with this application, so you will not see or score it. Thank you for telling us.
              If this was a mistake, talk to the grants officer.
            </div>
          )}
          {application.declaration === null && <Declaration application={application} onDone={() => void load()} />}
          {pack && <PackView pack={pack} roundId={roundId} />}
        </>
      )}
    </div>
  );
}
