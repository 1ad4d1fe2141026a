// /festival/officer/check-in/?edition=<slug>: the welcome desk's list, by name, to print: who is
// coming, with a carer or not, which sessions, and the support to have ready. Opening it is
// recorded in the audit trail, as every look at named bookings is.
import { useEffect, useState } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import { festivalOfficerBookings, type FestivalOfficerBookings } from '../../lib/api/festival';
import { NEED_KINDS, NEED_LABELS } from '../../lib/festival-bookings';
import { explainRefusal } from '../../lib/festival-form';
import { useSignedIn } from '../ui/useSignedIn';

export default function CheckInList() {
  const user = useSignedIn();
  const edition = new URLSearchParams(location.search).get('edition') ?? '';
  const [list, setList] = useState<FestivalOfficerBookings | ApiProblem>();
  useEffect(() => {
    if (user) void festivalOfficerBookings({ p_edition: edition, p_purpose: 'check-in' }, 'form').then((r) => setList(r.ok ? r.data : r));
  }, [user, edition]);
  if (!user || list === undefined)
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    );
  if ('ok' in list) {
    return (
      <>
        <h1 className="govuk-heading-l">We could not load the check-in list</h1>
        <p className="govuk-body">{explainRefusal(list).message}</p>
      </>
    );
  }
  const booked = list.bookings.filter((b) => b.sessions.some((s) => s.status === 'booked'));
  return (
    <>
      <h1 className="govuk-heading-l">Check-in list: {list.title}</h1>
      <p className="govuk-body wt-no-print">
        <a className="govuk-link" href={`/festival/officer/?edition=${encodeURIComponent(edition)}`}>
          Back to the bookings
        </a>
      </p>
      <button type="button" className="govuk-button govuk-button--secondary wt-no-print" onClick={() => print()}>
        Print this list
      </button>
      <p className="govuk-body">
        {booked.length === 1 ? '1 booking' : `${booked.length} bookings`}, by name. Personal: keep it safe and shred it after the day.
      </p>
      <table className="govuk-table wt-check-in" data-testid="check-in-list">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Here
            </th>
            <th scope="col" className="govuk-table__header">
              Name
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Places
            </th>
            <th scope="col" className="govuk-table__header">
              Have ready
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {booked.map((b) => (
            <tr className="govuk-table__row" key={b.reference}>
              <td className="govuk-table__cell">
                <span className="wt-tick" aria-hidden="true" />
              </td>
              <th scope="row" className="govuk-table__header">
                {b.name} <span className="govuk-body-s">({b.reference})</span>
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{b.places}</td>
              <td className="govuk-table__cell govuk-body-s">
                {NEED_KINDS.filter((k) => b.needs?.needs.includes(k))
                  .map((k) => NEED_LABELS[k].summary)
                  .join(', ') || '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
