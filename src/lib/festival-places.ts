// Places left in a festival's sessions, in words and as the edition page's table. Plain
// TypeScript, so the public edition page can show them from a small page script (its weight
// budget has no room for React) and the booking islands say the same words.
import type { FestivalSession, FestivalSessions } from './api/festival';
import { londonTime } from './festival-bookings';
import { escapeHtml } from './html';

/** "12 places left", "1 place left", or that the session is full and has a waiting list. */
export function placesText(s: Pick<FestivalSession, 'places_left' | 'waiting'>): string {
  if (s.places_left === 0 || s.waiting > 0) return 'Full: you can join the waiting list';
  return s.places_left === 1 ? '1 place left' : `${s.places_left} places left`;
}

export const sessionLabel = (s: Pick<FestivalSession, 'starts_at' | 'ends_at' | 'title'>) =>
  `${londonTime(s.starts_at)} to ${londonTime(s.ends_at)}: ${s.title}`;

const START_ICON =
  '<svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg>';

/** The places-left table and the way to book (or that booking has closed), as HTML. */
export function placesHtml(festival: FestivalSessions, edition: string): string {
  const rows = festival.sessions
    .map((s) => {
      const full = s.places_left === 0 || s.waiting > 0;
      const places = escapeHtml(placesText(s));
      return `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${escapeHtml(sessionLabel(s))}</th><td class="govuk-table__cell">${full ? `<strong class="govuk-tag govuk-tag--grey">${places}</strong>` : places}</td></tr>`;
    })
    .join('');
  const book = festival.open
    ? `<a class="govuk-button govuk-button--start" href="/festival/book/?edition=${encodeURIComponent(edition)}" role="button" draggable="false">Book your places ${START_ICON}</a>`
    : '<p class="govuk-body">Online booking has closed.</p>';
  return `<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">Places left in each session</caption><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Session</th><th scope="col" class="govuk-table__header">Places</th></tr></thead><tbody class="govuk-table__body">${rows}</tbody></table>${book}`;
}
