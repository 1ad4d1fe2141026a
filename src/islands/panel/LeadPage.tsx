// The panel day, for the chair, the clerk and officers: everyone's progress (who has scored what,
// never the values while scoring is on); after scoring closes, the results with community and
// councillor means side by side; recording each recommendation; the report.
import { useCallback, useEffect, useState } from 'react';
import { callApi, type ApiProblem } from '../../lib/api-call';
import { scoresShown, STATE_WORDS, type RoundState } from '../../lib/panel/rounds';
import { useOnce } from '../ui/useOnce';
import { useSignedIn } from '../ui/useSignedIn';
import { Loading, money, ProblemBox, queryParam, SignedInBar } from './PanelParts';
import { RecommendationForm, type Recommendation } from './RecommendationForm';
import { hasKeptDraft } from './useKeptDraft';

interface Progress {
  applications_total: number;
  members: { member_id: string; display_name: string; role: string; seat: string | null; accepted: boolean; declared: number; conflicts: number; drafts: number; submitted: number; to_do: number }[];
  reopen_requests: { member_id: string; display_name: string; application_id: string; reference: string; reason: string }[];
}

export interface Result {
  application_id: string;
  /** Set, with only the names, when the caller declared a conflict of interest with it. */
  conflict_declared?: true;
  reference: string;
  organisation_name: string;
  project_title: string;
  amount_requested: number;
  rank: number | null;
  members_scored: number;
  conflicts: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  sd: number | null;
  community_mean: number | null;
  balanced_mean: number | null;
  councillor_mean: number | null;
  seat_difference: number | null;
  seat_split_flag: boolean;
}

const num = (n: number | null) => (n === null ? '–' : Number(n).toFixed(1));

function ReopenRequests({ requests, onGranted }: { requests: Progress['reopen_requests']; onGranted: () => void }) {
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, once] = useOnce();
  const allow = async (r: Progress['reopen_requests'][number]) => {
    setProblem(undefined);
    const result = await callApi('grant_score_reopen', { p_member_id: r.member_id, p_application_id: r.application_id });
    if (result.ok) onGranted();
    else setProblem(result);
  };
  return (
    <>
      <h3 className="govuk-heading-s">Asked to change submitted scores</h3>
      {problem && <ProblemBox problem={problem} />}
      <ul className="govuk-list">
        {requests.map((r) => (
          <li key={r.member_id + r.application_id}>
            {r.display_name}, {r.reference}: "{r.reason}"{' '}
            <button type="button" className="wt-link-button govuk-link" aria-disabled={busy || undefined} onClick={() => void once(() => allow(r))}>Reopen<span className="govuk-visually-hidden"> {r.display_name}'s scores for {r.reference}</span></button>
          </li>
        ))}
      </ul>
    </>
  );
}

function ProgressBoard({ progress, onChanged }: { progress: Progress; onChanged: () => void }) {
  const scorers = progress.members.filter((m) => m.seat);
  const finished = scorers.filter((m) => m.to_do === 0).length;
  return (
    <section aria-labelledby="progress-heading">
      <h2 className="govuk-heading-m" id="progress-heading">Who has scored what</h2>
      <p className="govuk-body">{finished} of {scorers.length} members have finished. You see how far each member has got, not their scores.</p>
      <div className="wt-table-scroll" tabIndex={0} role="region" aria-label="Progress table">
<table className="govuk-table" data-testid="progress-board">
        <caption className="govuk-table__caption govuk-visually-hidden">Each member's progress</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Member</th>
            <th scope="col" className="govuk-table__header">Agreement</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Submitted</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">In progress</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Conflicts</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Still to do</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {progress.members.map((m) => (
            <tr className="govuk-table__row" key={m.member_id}>
              <th scope="row" className="govuk-table__header">{m.display_name}<br /><span className="govuk-body-s">{m.seat ? `${m.seat} seat` : m.role}{m.seat && m.role !== 'member' ? `, ${m.role}` : ''}</span></th>
              <td className="govuk-table__cell">{m.accepted ? 'Accepted' : <strong className="govuk-tag govuk-tag--yellow">Not yet</strong>}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{m.seat ? m.submitted : '–'}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{m.seat ? m.drafts : '–'}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{m.conflicts}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{m.seat ? m.to_do : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
</div>
      {progress.reopen_requests.length > 0 && <ReopenRequests requests={progress.reopen_requests} onGranted={onChanged} />}
    </section>
  );
}

function ResultsTable({ results, recommendations, canRecord, onRecorded }: {
  results: Result[]; recommendations: Recommendation[]; canRecord: boolean; onRecorded: () => void;
}) {
  // Reopen a form whose typed work is kept on this device (say the session ended mid-way).
  const [open, setOpen] = useState<string | undefined>(() => canRecord ? results.find((r) => hasKeptDraft(`recommendation:${r.application_id}`))?.application_id : undefined);
  return (
    <section aria-labelledby="results-heading">
      <h2 className="govuk-heading-m" id="results-heading">Results</h2>
      <p className="govuk-body">
        Totals are out of 100. The balanced score gives community and councillor seats an equal voice. A flag means the
        two groups scored an application very differently: worth talking about.
      </p>
      <div className="wt-table-scroll" tabIndex={0} role="region" aria-label="Results table">
        <table className="govuk-table govuk-table--small-text-until-tablet" data-testid="results-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Results for each application, best first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Rank</th>
              <th scope="col" className="govuk-table__header">Application</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Community</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Councillors</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Balanced</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Spread</th>
              <th scope="col" className="govuk-table__header">Recommendation</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {results.map((r) => {
              const rec = recommendations.find((x) => x.application_id === r.application_id && x.outcome);
              if (r.conflict_declared) {
                return (
                  <tr className="govuk-table__row" key={r.application_id}>
                    <td className="govuk-table__cell govuk-table__cell--numeric">–</td>
                    <td className="govuk-table__cell" colSpan={6}>
                      <strong>{r.project_title}</strong><br />
                      <span className="govuk-body-s">{r.organisation_name} · {r.reference} · You declared a conflict of interest with this application, so you do not see its scores or take part in its recommendation.</span>
                    </td>
                  </tr>
                );
              }
              return (
                <tr className="govuk-table__row" key={r.application_id}>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.rank ?? '–'}</td>
                  <td className="govuk-table__cell">
                    <strong>{r.project_title}</strong><br />
                    <span className="govuk-body-s">{r.organisation_name} · {r.reference} · asks for {money(r.amount_requested)} · {r.members_scored} scored{r.conflicts ? ` · ${r.conflicts} conflict${r.conflicts > 1 ? 's' : ''} declared` : ''}</span>
                    {r.seat_split_flag && <><br /><strong className="govuk-tag govuk-tag--orange">Seats differ by {num(r.seat_difference)}</strong></>}
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{num(r.community_mean)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{num(r.councillor_mean)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric"><strong>{num(r.balanced_mean)}</strong></td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.min === null ? '–' : `${num(r.min)} to ${num(r.max)}`}</td>
                  <td className="govuk-table__cell">
                    {rec ? <>{rec.outcome === 'award' ? 'Award' : rec.outcome === 'not_award' ? 'Do not award' : 'Award with conditions'}{rec.amount ? ` ${money(rec.amount)}` : ''}</> : 'Not recorded'}
                    {canRecord && (
                      <><br /><button type="button" className="wt-link-button govuk-link" aria-expanded={open === r.application_id}
                        onClick={() => setOpen(open === r.application_id ? undefined : r.application_id)}>
                        {rec ? 'Change' : 'Record'}<span className="govuk-visually-hidden"> the recommendation for {r.project_title}</span>
                      </button></>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {open && (
        <RecommendationForm key={open} result={results.find((r) => r.application_id === open)!} existing={recommendations.find((x) => x.application_id === open && x.outcome)}
          onDone={() => { setOpen(undefined); onRecorded(); }} onCancel={() => setOpen(undefined)} />
      )}
    </section>
  );
}

export default function LeadPage() {
  const user = useSignedIn();
  const roundId = queryParam('round') ?? '';
  const [round, setRound] = useState<{ title: string; state: RoundState; fund: { name: string }; my_membership: { role: string } | null }>();
  const [progress, setProgress] = useState<Progress>();
  const [results, setResults] = useState<Result[]>();
  const [recommendations, setRecommendations] = useState<Recommendation[]>([]);
  const [problem, setProblem] = useState<ApiProblem>();

  const load = useCallback(async () => {
    const r = await callApi<NonNullable<typeof round>>('get_round', { p_round_id: roundId });
    if (!r.ok) return setProblem(r);
    setRound(r.data);
    const p = await callApi<Progress>('round_progress', { p_round_id: roundId });
    if (!p.ok) return setProblem(p);
    setProgress(p.data);
    if (scoresShown(r.data.state)) {
      const [res, recs] = await Promise.all([
        callApi<{ applications: Result[] }>('round_results', { p_round_id: roundId }),
        callApi<{ recommendations: Recommendation[] }>('review_recommendations', { p_round_id: roundId }),
      ]);
      if (res.ok) setResults(res.data.applications);
      else setProblem(res);
      if (recs.ok) setRecommendations(recs.data.recommendations ?? []);
    }
  }, [roundId]);

  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  if (!user) return <Loading>Checking you are signed in…</Loading>;
  // Recommendations are recorded at the panel meeting only (the database refuses them later).
  const leads = round?.my_membership?.role !== 'member';
  const canRecord = leads && round?.state === 'panel';
  return (
    <div data-testid="lead-page">
      <SignedInBar email={user.email} back={{ href: '/panel/', label: 'Back to your rounds' }} />
      {problem && <ProblemBox problem={problem} />}
      {!round && !problem && <Loading>Loading the round…</Loading>}
      {round && (
        <>
          <span className="govuk-caption-l">{round.fund.name}</span>
          <h1 className="govuk-heading-l">Panel day: {round.title}</h1>
          <p className="govuk-body">Where it is: <strong>{STATE_WORDS[round.state]}</strong></p>
          {scoresShown(round.state) && (
            <p className="govuk-body"><a className="govuk-button govuk-button--secondary" href={`/panel/report/?round=${roundId}`}>Recommendations report (print or download)</a></p>
          )}
          {progress && <ProgressBoard progress={progress} onChanged={() => void load()} />}
          {results && leads && round.state !== 'panel' && (
            <p className="govuk-body" data-testid="recording-closed">The panel meeting is over, so recommendations cannot be recorded or changed here. If one needs to change, talk to the grants officer.</p>
          )}
          {results && <ResultsTable results={results} recommendations={recommendations} canRecord={canRecord} onRecorded={() => void load()} />}
          {!scoresShown(round.state) && <p className="govuk-body">The results appear here when scoring closes.</p>}
        </>
      )}
    </div>
  );
}
