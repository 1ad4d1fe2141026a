// Escaping and the few GOV.UK pieces for the places that build HTML as text (shared markup used by
// pages, page scripts and islands: src/lib/pb/result-html.ts, ballot-html.ts, src/browser/).
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** A column header; `numeric` right-aligns it over figures. */
export const columnHeaderHtml = (text: string, numeric = false): string =>
  `<th scope="col" class="govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}">${escapeHtml(text)}</th>`;

/** A GOV.UK table: its caption, the header row's cells and the body's rows (both already HTML). */
export const tableHtml = (caption: string, head: string, body: string, extraClass = ''): string =>
  `<table class="govuk-table${extraClass}"><caption class="govuk-table__caption govuk-table__caption--s">${escapeHtml(caption)}</caption>` +
  `<thead class="govuk-table__head"><tr class="govuk-table__row">${head}</tr></thead><tbody class="govuk-table__body">${body}</tbody></table>`;

/** GOV.UK's error message above a field; the field's aria-describedby names `id`. */
export const errorMessageHtml = (id: string, message: string): string =>
  `<p class="govuk-error-message" id="${escapeHtml(id)}"><span class="govuk-visually-hidden">Error:</span> ${escapeHtml(message)}</p>`;
