// /festival/officer/?edition=<slug>: officers plan the day. The summary (counts only) shows at
// once; the named bookings and waiting lists show only when asked for, because each look is
// recorded in the audit trail. The venue's file has no personal details. Access needs can be
// deleted here once their keeping time after the festival is over.
import { useEffect, useState } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import {
  festivalDeleteAccessNeeds,
  festivalOfficerBookings,
  festivalOfficerSummary,
  festivalVenueExport,
  type FestivalOfficerBookings,
  type FestivalOfficerSummary,
} from '../../lib/api/festival';
import { longDate } from '../../lib/dates';
import { londonTime, NEED_KINDS, NEED_LABELS } from '../../lib/festival-bookings';
import { explainRefusal } from '../../lib/festival-form';
import { ErrorSummary } from '../ui/ErrorSummary';
import { useOnce } from '../ui/useOnce';
import { useSignedIn } from '../ui/useSignedIn';
import { supportText } from './BookingParts';

function download(filename: string, text: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  link.download = filename;
  link.click();
  URL.revokeObjectURL(link.href);
}

export default function OfficerFestival() {
  const user = useSignedIn();
  const edition = new URLSearchParams(location.search).get('edition') ?? '';
  const [summary, setSummary] = useState<FestivalOfficerSummary | ApiProblem>();
  const [named, setNamed] = useState<FestivalOfficerBookings>();
  const [problem, setProblem] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, once] = useOnce();

  const load = () => festivalOfficerSummary({ p_edition: edition }, 'form').then((r) => setSummary(r.ok ? r.data : r));
  useEffect(() => {
    if (user) void load();
    // Loads once the person is known.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user]);

  if (!user || summary === undefined)
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    );
  if ('ok' in summary) {
    return (
      <>
        <h1 className="govuk-heading-l">
          {summary.key === 'not_festival_officer' ? 'Only council officers can see this page' : 'We could not load the bookings'}
        </h1>
        <p className="govuk-body">{explainRefusal(summary).message}</p>
      </>
    );
  }
  const titleOf = (key: string) => summary.sessions.find((s) => s.key === key)?.title ?? key;
  const showNamed = () =>
    once(async () => {
      const r = await festivalOfficerBookings({ p_edition: edition }, 'form');
      if (r.ok) setNamed(r.data);
      else setProblem(explainRefusal(r).message);
    });
  const venueFile = () =>
    once(async () => {
      const r = await festivalVenueExport({ p_edition: edition }, 'form');
      if (r.ok) download(r.data.filename, r.data.csv);
      else setProblem(explainRefusal(r).message);
    });
  const deleteNeeds = () =>
    once(async () => {
      const r = await festivalDeleteAccessNeeds({ p_edition: edition }, 'form');
      if (!r.ok) return setProblem(explainRefusal(r).message);
      setNotice(`Access needs deleted from ${r.data.deleted === 1 ? '1 booking' : `${r.data.deleted} bookings`}.`);
      setNamed(undefined);
      await load();
    });

  return (
    <>
      {problem && <ErrorSummary items={[]} intro={problem} />}
      {notice && (
        <div className="govuk-panel-lite" role="status">
          <p className="govuk-body govuk-!-margin-bottom-0">{notice}</p>
        </div>
      )}
      <span className="govuk-caption-l">Festival bookings</span>
      <h1 className="govuk-heading-l">{summary.title}</h1>
      <p className="govuk-body" data-testid="festival-totals">
        {summary.bookings === 1 ? '1 booking' : `${summary.bookings} bookings`}, for{' '}
        {summary.people === 1 ? '1 person' : `${summary.people} people`} (carers and personal assistants included).
      </p>

      <h2 className="govuk-heading-m">Places in each session</h2>
      <table className="govuk-table" data-testid="festival-sessions">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Session
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Places
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Booked
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Waiting
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {summary.sessions.map((s) => (
            <tr className="govuk-table__row" key={s.key}>
              <th scope="row" className="govuk-table__header">
                {londonTime(s.starts_at)} {s.title}
                {s.place && <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{s.place}</span>}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{s.capacity}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{s.booked}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{s.waiting}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="govuk-heading-m">Support to plan for</h2>
      {summary.needs_deleted_at ? (
        <p className="govuk-body">
          Access needs were deleted on {longDate(summary.needs_deleted_at)}, as promised to the people who booked.
        </p>
      ) : (
        <table className="govuk-table" data-testid="festival-needs">
          <caption className="govuk-table__caption govuk-table__caption--s">How many bookings asked for each kind of support</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Support
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Bookings
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {NEED_KINDS.map((k) => (
              <tr className="govuk-table__row" key={k}>
                <th scope="row" className="govuk-table__header">
                  {NEED_LABELS[k].summary}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{summary.needs[k]}</td>
              </tr>
            ))}
            <tr className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                Something else, in their own words
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{summary.other}</td>
            </tr>
          </tbody>
        </table>
      )}

      <h2 className="govuk-heading-m">For the venue and the day</h2>
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          aria-disabled={busy || undefined}
          onClick={() => void venueFile()}
        >
          Download the venue file (CSV)
        </button>
        <a className="govuk-link" href={`/festival/officer/check-in/?edition=${encodeURIComponent(edition)}`}>
          Print the check-in list
        </a>
      </div>
      <p className="govuk-body">The venue file has the numbers for each session and no names, email addresses or words people wrote.</p>

      <h2 className="govuk-heading-m">Who has booked</h2>
      {!named ? (
        <>
          <p className="govuk-body">
            Names, email addresses and access needs are personal. Each time you show them, it is recorded in the audit trail.
          </p>
          <button type="button" className="govuk-button" aria-disabled={busy || undefined} onClick={() => void showNamed()}>
            Show who has booked
          </button>
        </>
      ) : (
        <>
          <table className="govuk-table" data-testid="festival-bookings">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Name
                </th>
                <th scope="col" className="govuk-table__header">
                  Sessions
                </th>
                <th scope="col" className="govuk-table__header">
                  Support
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {named.bookings.map((b) => (
                <tr className="govuk-table__row" key={b.reference}>
                  <th scope="row" className="govuk-table__header">
                    {b.name}
                    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                      {b.reference}, {b.email}
                      {b.places === 2 && ', with a carer or personal assistant'}
                    </span>
                  </th>
                  <td className="govuk-table__cell">
                    <ul className="govuk-list govuk-body-s">
                      {b.sessions.map((s) => (
                        <li key={s.key}>
                          {titleOf(s.key)}
                          {s.status === 'waiting' && ' (waiting)'}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="govuk-table__cell govuk-body-s">
                    {b.needs
                      ? supportText({ needs: b.needs.needs, interpreter: b.needs.interpreter ?? '', dietary: b.needs.dietary ?? '' })
                      : 'Deleted'}
                    {b.needs?.other && <p className="govuk-body-s">“{b.needs.other}”</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2 className="govuk-heading-m">Waiting lists</h2>
          {named.waiting.length === 0 ? (
            <p className="govuk-body">Nobody is waiting.</p>
          ) : (
            <table className="govuk-table" data-testid="festival-waiting">
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Session
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Place in the queue
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Name
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {named.waiting.map((w) => (
                  <tr className="govuk-table__row" key={`${w.session}:${w.reference}`}>
                    <td className="govuk-table__cell">{titleOf(w.session)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{w.position}</td>
                    <th scope="row" className="govuk-table__header">
                      {w.name} ({w.reference}
                      {w.places === 2 && ', 2 places'})
                    </th>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}

      <h2 className="govuk-heading-m">Deleting access needs</h2>
      <p className="govuk-body">
        We promise people that their access needs are deleted after the festival. They are deleted automatically from{' '}
        {longDate(summary.delete_needs_from)}.
      </p>
      {summary.needs_due && !summary.needs_deleted_at && (
        <button
          type="button"
          className="govuk-button govuk-button--warning"
          aria-disabled={busy || undefined}
          onClick={() => void deleteNeeds()}
        >
          Delete access needs now
        </button>
      )}
    </>
  );
}
