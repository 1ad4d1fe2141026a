// One application for a panel member: first "do you have a conflict of interest?", then the
// pack: the officer's plain-English summary first, then the full details, with a print view.
// "Score this application" shows only while the round is being scored; otherwise it says why.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import { declareInterest, listMyApplications, openApplicationPack, type ApplicationPack, type MyApplication } from '../../lib/api/member';
import { getRound } from '../../lib/api/rounds';
import { explainRefusal, notScoringWords } from '../../lib/grants/refusals';
import type { RoundState } from '../../lib/grants/rounds';
import { useOnce } from '../ui/useOnce';
import { useSignedIn } from '../ui/useSignedIn';
import { Radios } from '../ui/Radios';
import { Textarea } from '../ui/Textarea';
import { ErrorSummary, Loading, money, ProblemBox, queryParam, SignedInBar } from './PanelParts';

function Declaration({ application, onDone }: { application: MyApplication; onDone: () => void }) {
  const [answer, setAnswer] = useState<'no' | 'yes'>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const [formError, setFormError] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, once] = useOnce();
  const submit = async () => {
    const found = [];
    if (!answer) found.push({ field: 'conflict-no', message: 'Choose yes or no' });
    if (answer === 'yes' && !reason.trim())
      found.push({ field: 'conflict-reason', message: 'Say briefly why you have a conflict of interest' });
    setErrors(found);
    setFormError(undefined);
    setProblem(undefined);
    if (found.length) return;
    const result = await declareInterest({
      p_application_id: application.id,
      p_has_conflict: answer === 'yes',
      p_reason: answer === 'yes' ? reason : null,
    });
    if (result.ok) return onDone();
    const refusals = explainRefusal('declaration', result);
    if (!refusals) return setProblem(result);
    setErrors(
      refusals
        .filter((r) => r.field !== 'form')
        .map((r) => ({ field: r.field === 'reason' ? 'conflict-reason' : 'conflict-no', message: r.message })),
    );
    setFormError(refusals.find((r) => r.field === 'form')?.message);
  };
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void once(submit);
      }}
      noValidate
    >
      <ErrorSummary intro={formError} items={errors.map((e) => ({ href: `#${e.field}`, message: e.message }))} />
      {problem && <ProblemBox problem={problem} />}
      <Radios
        idPrefix="conflict-no"
        name="conflict"
        legendSize="m"
        legendHeading
        hintId="conflict-hint"
        error={errorFor('conflict-no')}
        legend={<>Do you have a conflict of interest with {application.organisation_name}?</>}
        hint={
          <>
            You have a conflict if you, your family or a close friend work for, volunteer with, or get help from this group, or if you could
            gain from its grant. If you are not sure, choose yes and say why. It is always okay to ask.
          </>
        }
        items={[
          { value: 'no', id: 'conflict-no', label: 'No, I do not have a conflict' },
          { value: 'yes', id: 'conflict-yes', label: 'Yes, I have a conflict' },
        ]}
        value={answer}
        onChange={setAnswer}
      />
      {answer === 'yes' && (
        <Textarea
          id="conflict-reason"
          label="Why do you have a conflict?"
          labelSize="s"
          rows={3}
          error={errorFor('conflict-reason')}
          value={reason}
          onChange={setReason}
          hint={'For example: "My sister volunteers there." You will not see or score this application.'}
        />
      )}
      <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
        Continue
      </button>
    </form>
  );
}

/** Scoring is offered only while the round is being scored; otherwise the member is told why. */
function scoringOpen(pack: ApplicationPack, state?: RoundState) {
  // Unknown state (the round could not be read): offer the form; the database still decides.
  return Boolean(pack.my_submission?.submitted_at) || !state || state === 'scoring';
}

function NotScoring({ pack, roundId, state, hasDraft }: { pack: ApplicationPack; roundId: string; state: RoundState; hasDraft: boolean }) {
  return (
    <div className="govuk-inset-text" data-testid="not-scoring">
      {notScoringWords(state, false)}
      {hasDraft && (
        <>
          {' '}
          <a className="govuk-link" href={`/panel/score/?round=${roundId}&id=${pack.id}`}>
            See the scores you chose
          </a>
          .
        </>
      )}
    </div>
  );
}

function PackView({ pack, roundId, state, hasDraft }: { pack: ApplicationPack; roundId: string; state?: RoundState; hasDraft: boolean }) {
  return (
    <article className="wt-pack">
      <h2 className="govuk-heading-m">In short</h2>
      <div className="govuk-inset-text">
        {pack.summary ?? 'The grants officer has not written a summary yet. Read the full details below.'}
      </div>
      {!scoringOpen(pack, state) && <NotScoring pack={pack} roundId={roundId} state={state!} hasDraft={hasDraft} />}
      <p className="govuk-body">
        {scoringOpen(pack, state) && (
          <>
            <a className="govuk-button" href={`/panel/score/?round=${roundId}&id=${pack.id}`}>
              {pack.my_submission?.submitted_at ? 'See your scores' : 'Score this application'}
            </a>{' '}
          </>
        )}
        <button type="button" className="govuk-button govuk-button--secondary wt-no-print" onClick={() => print()}>
          Print this application
        </button>
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
        ]
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div className="govuk-summary-list__row" key={k}>
              <dt className="govuk-summary-list__key">{k}</dt>
              <dd className="govuk-summary-list__value">{v}</dd>
            </div>
          ))}
      </dl>
      <h3 className="govuk-heading-s">What they want to do</h3>
      {pack.description.split(/\n\s*\n/).map((p, i) => (
        <p className="govuk-body" key={i}>
          {p}
        </p>
      ))}
      {pack.budget_lines && pack.budget_lines.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">How they would spend the money</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Item
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Amount
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {pack.budget_lines.map((line, i) => (
              <tr className="govuk-table__row" key={i}>
                <td className="govuk-table__cell">{line.item}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{money(line.amount)}</td>
              </tr>
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
  const [pack, setPack] = useState<ApplicationPack>();
  const [state, setState] = useState<RoundState>();
  const [problem, setProblem] = useState<ApiProblem>();

  const load = useCallback(async () => {
    setProblem(undefined);
    const [list, round] = await Promise.all([listMyApplications({ p_round_id: roundId }), getRound({ p_round_id: roundId })]);
    if (round.ok) setState(round.data.state);
    if (!list.ok) return setProblem(list);
    const mine = list.data.find((a) => a.id === id);
    if (!mine)
      return setProblem({
        ok: false,
        status: 404,
        message: 'We could not find this application in your round. Go back to the list and choose one.',
        offline: false,
        signedOut: false,
      });
    setApplication(mine);
    if (mine.declaration !== 'no conflict') return;
    const opened = await openApplicationPack({ p_application_id: id });
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
          <span className="govuk-caption-l">
            {application.organisation_name} · {application.reference}
          </span>
          <h1 className="govuk-heading-l">{application.project_title}</h1>
          {application.declaration === 'conflict' && (
            <div className="govuk-inset-text">
              You declared a conflict of interest with this application, so you will not see or score it. Thank you for telling us. If this
              was a mistake, talk to the grants officer.
            </div>
          )}
          {application.declaration === null && <Declaration application={application} onDone={() => void load()} />}
          {pack && <PackView pack={pack} roundId={roundId} state={state} hasDraft={application.status === 'draft'} />}
        </>
      )}
    </div>
  );
}
