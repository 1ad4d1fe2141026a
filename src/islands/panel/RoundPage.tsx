// A round, for a panel member: first the confidentiality agreement in plain English (accepted
// once, recorded), then the applications with a status each and "7 of 12 scored".
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import { acceptConfidentiality, listMyApplications, type MyApplication } from '../../lib/api/member';
import { getRound, type Round } from '../../lib/api/rounds';
import { closedBeforeSentWords } from '../../lib/grants/closed-early';
import { explainRefusal } from '../../lib/grants/refusals';
import { STATE_WORDS } from '../../lib/grants/rounds';
import { useOnce } from '../ui/useOnce';
import { useSignedIn } from '../ui/useSignedIn';
import { Checkboxes } from '../ui/Checkboxes';
import { RoundDates } from './RoundDates';
import { ClerkApplications } from './ClerkApplications';
import { ErrorSummary, Loading, money, ProblemBox, queryParam, SignedInBar } from './PanelParts';

const STATUS: Record<string, { label: string; tag: string }> = {
  'not started': { label: 'Not started', tag: 'govuk-tag--grey' },
  draft: { label: 'In progress', tag: 'govuk-tag--blue' },
  submitted: { label: 'Submitted', tag: 'govuk-tag--green' },
  'conflict declared': { label: 'Conflict declared', tag: 'govuk-tag--orange' },
  'reopen requested': { label: 'Asked to change', tag: 'govuk-tag--yellow' },
};

function Agreement({ round, onAccepted }: { round: Round; onAccepted: () => void }) {
  const [ticked, setTicked] = useState(false);
  const [error, setError] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, once] = useOnce();
  const submit = async () => {
    setProblem(undefined);
    if (!ticked) {
      setError('Tick the box to say you agree to keep the applications confidential');
      return;
    }
    setError(undefined);
    const result = await acceptConfidentiality({ p_round_id: round.id });
    if (result.ok) return onAccepted();
    const refusal = explainRefusal('agreement', result);
    if (refusal) setError(refusal.map((r) => r.message).join(' '));
    else setProblem(result);
  };
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void once(submit);
      }}
      noValidate
    >
      {error && <ErrorSummary items={[{ href: '#agree', message: error }]} />}
      {problem && <ProblemBox problem={problem} />}
      <h2 className="govuk-heading-m">Keeping things confidential</h2>
      <div className="wt-agreement">
        {round.agreement_text.split(/\n\s*\n/).map((para, i) => (
          <p className="govuk-body" key={i}>
            {para}
          </p>
        ))}
      </div>
      <Checkboxes
        error={error}
        items={[
          {
            id: 'agree',
            label: 'I have read this and I agree to keep the applications confidential',
            checked: ticked,
            onChange: setTicked,
          },
        ]}
      />
      <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
        Accept and see the applications
      </button>
    </form>
  );
}

function Applications({ round, applications }: { round: Round; applications: MyApplication[] }) {
  const conflicts = applications.filter((a) => a.status === 'conflict declared').length;
  const done = applications.filter((a) => a.status === 'submitted').length;
  const toScore = applications.length - conflicts;
  const closedEarly = closedBeforeSentWords(round, applications.filter((a) => a.status === 'draft').length);
  return (
    <>
      <h2 className="govuk-heading-m">Applications</h2>
      {closedEarly && (
        <div className="govuk-warning-text" data-testid="closed-before-sent">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <p className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {closedEarly}
          </p>
        </div>
      )}
      <p className="govuk-body-l" data-testid="round-progress">
        <strong>
          {done} of {toScore} scored
        </strong>
        {conflicts > 0 && `, ${conflicts} with a conflict declared`}
      </p>
      <progress className="wt-progress" max={toScore || 1} value={done} aria-label={`${done} of ${toScore} scored`} />
      <div className="wt-table-scroll" tabIndex={0} role="region" aria-label="Applications table">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Applications in this round and where you are with each</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Application
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Asking for
              </th>
              <th scope="col" className="govuk-table__header">
                Your status
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {applications.map((a) => {
              const status = a.status ? STATUS[a.status] : undefined;
              return (
                <tr className="govuk-table__row" key={a.id}>
                  <td className="govuk-table__cell">
                    <a className="govuk-link" href={`/panel/application/?round=${round.id}&id=${a.id}`}>
                      {a.project_title}
                    </a>
                    <br />
                    <span className="govuk-body-s">
                      {a.organisation_name} · {a.reference}
                    </span>
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{money(a.amount_requested)}</td>
                  <td className="govuk-table__cell">
                    {status && <strong className={`govuk-tag ${status.tag}`}>{status.label}</strong>}
                    {a.status === 'draft' && (
                      <span className="govuk-body-s">
                        {' '}
                        {a.criteria_scored} of {a.criteria_total} questions
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

export default function RoundPage() {
  const user = useSignedIn();
  const [round, setRound] = useState<Round>();
  const [applications, setApplications] = useState<MyApplication[]>();
  const [problem, setProblem] = useState<ApiProblem>();

  const load = useCallback(async () => {
    const id = queryParam('id');
    if (!id)
      return setProblem({
        ok: false,
        status: 400,
        message: 'This link is missing the round. Go back to your rounds and choose one.',
        offline: false,
        signedOut: false,
      });
    const r = await getRound({ p_round_id: id });
    if (!r.ok) return setProblem(r);
    setRound(r.data);
    if (r.data.my_membership?.accepted_at) {
      const a = await listMyApplications({ p_round_id: id });
      if (a.ok) setApplications(a.data);
      else setProblem(a);
    }
  }, []);

  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  if (!user) return <Loading>Checking you are signed in…</Loading>;
  return (
    <div data-testid="round-page">
      <SignedInBar email={user.email} back={{ href: '/panel/', label: 'Back to your rounds' }} />
      {problem && <ProblemBox problem={problem} />}
      {!round && !problem && <Loading>Loading the round…</Loading>}
      {round && (
        <>
          <span className="govuk-caption-l">{round.fund.name}</span>
          <h1 className="govuk-heading-l">{round.title}</h1>
          <p className="govuk-body">
            Where it is: <strong>{STATE_WORDS[round.state]}</strong>
          </p>
          <RoundDates round={round} />
          {round.my_membership && !round.my_membership.accepted_at && <Agreement round={round} onAccepted={() => void load()} />}
          {applications && round.my_membership?.role !== 'clerk' && <Applications round={round} applications={applications} />}
          {applications && round.my_membership?.role === 'clerk' && <ClerkApplications round={round} applications={applications} />}
        </>
      )}
    </div>
  );
}
