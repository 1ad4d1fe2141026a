// The live part of an edition's page: places left in each session, or that it is full and has a
// waiting list, and the way to book. The page around it lists the programme without JavaScript.
import { useEffect, useState } from 'react';
import { festivalSessions, type FestivalSessions } from '../../lib/api/festival';
import { placesText, sessionLabel } from './BookingParts';

export default function FestivalPlaces({ edition }: { edition: string }) {
  const [festival, setFestival] = useState<FestivalSessions | 'failed'>();
  useEffect(() => {
    void festivalSessions({ p_edition: edition }, 'form').then((r) => setFestival(r.ok ? r.data : 'failed'));
  }, [edition]);
  if (festival === undefined)
    return (
      <p className="govuk-body" role="status">
        Loading the places left…
      </p>
    );
  if (festival === 'failed')
    return <p className="govuk-body">We could not find out how many places are left just now. You can still book by email or phone.</p>;
  return (
    <div data-testid="festival-places">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Places left in each session</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Session
            </th>
            <th scope="col" className="govuk-table__header">
              Places
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {festival.sessions.map((s) => (
            <tr className="govuk-table__row" key={s.key}>
              <th scope="row" className="govuk-table__header">
                {sessionLabel(s)}
              </th>
              <td className="govuk-table__cell">
                {s.places_left === 0 || s.waiting > 0 ? (
                  <strong className="govuk-tag govuk-tag--grey">{placesText(s)}</strong>
                ) : (
                  placesText(s)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {festival.open ? (
        <a
          className="govuk-button govuk-button--start"
          href={`/festival/book/?edition=${encodeURIComponent(edition)}`}
          role="button"
          draggable="false"
        >
          Book your places
          <svg
            className="govuk-button__start-icon"
            xmlns="http://www.w3.org/2000/svg"
            width="17.5"
            height="19"
            viewBox="0 0 33 40"
            aria-hidden="true"
            focusable="false"
          >
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
          </svg>
        </a>
      ) : (
        <p className="govuk-body">Online booking has closed.</p>
      )}
    </div>
  );
}
