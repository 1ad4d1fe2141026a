// Who has scored what: each member's progress (how far they have got, never their scores while
// scoring is on) and the requests to reopen submitted scores.
import type { RoundProgress } from '../../../lib/api/results';
import { ReopenRequests } from './ReopenRequests';

export function ProgressBoard({ progress, onChanged }: { progress: RoundProgress; onChanged: () => void }) {
  const scorers = progress.members.filter((m) => m.seat);
  const finished = scorers.filter((m) => m.to_do === 0).length;
  return (
    <section aria-labelledby="progress-heading">
      <h2 className="govuk-heading-m" id="progress-heading">
        Who has scored what
      </h2>
      <p className="govuk-body">
        {finished} of {scorers.length} members have finished. You see how far each member has got, not their scores.
      </p>
      <div className="wt-table-scroll" tabIndex={0} role="region" aria-label="Progress table">
        <table className="govuk-table" data-testid="progress-board">
          <caption className="govuk-table__caption govuk-visually-hidden">Each member's progress</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Member
              </th>
              <th scope="col" className="govuk-table__header">
                Agreement
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Submitted
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                In progress
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Conflicts
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Still to do
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {progress.members.map((m) => (
              <tr className="govuk-table__row" key={m.member_id}>
                <th scope="row" className="govuk-table__header">
                  {m.display_name}
                  <br />
                  <span className="govuk-body-s">
                    {m.seat ? `${m.seat} seat` : m.role}
                    {m.seat && m.role !== 'member' ? `, ${m.role}` : ''}
                  </span>
                </th>
                <td className="govuk-table__cell">
                  {m.accepted ? 'Accepted' : <strong className="govuk-tag govuk-tag--yellow">Not yet</strong>}
                </td>
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
