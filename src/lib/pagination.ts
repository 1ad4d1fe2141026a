// GOV.UK pagination as HTML: the pre-built list pages and the projects island share it.
import { escapeHtml as e } from './html.ts';

/** Page numbers to show: first, last, and the current one with its neighbours; gaps as null. */
export function pageNumbers(page: number, pages: number): (number | null)[] {
  const keep = new Set([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages));
  const sorted = [...keep].sort((a, b) => a - b);
  return sorted.flatMap((n, i) => (i > 0 && n - sorted[i - 1]! > 1 ? [null, n] : [n]));
}

export function paginationHtml(page: number, pages: number, href: (n: number) => string): string {
  if (pages <= 1) return '';
  const prev =
    page > 1
      ? `<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="${e(href(page - 1))}" rel="prev" data-page="${page - 1}"><span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a></div>`
      : '';
  const next =
    page < pages
      ? `<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="${e(href(page + 1))}" rel="next" data-page="${page + 1}"><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span></a></div>`
      : '';
  const items = pageNumbers(page, pages)
    .map((n) =>
      n === null
        ? '<li class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>'
        : n === page
          ? `<li class="govuk-pagination__item govuk-pagination__item--current"><a class="govuk-link govuk-pagination__link" href="${e(href(n))}" aria-label="Page ${n}" aria-current="page" data-page="${n}">${n}</a></li>`
          : `<li class="govuk-pagination__item"><a class="govuk-link govuk-pagination__link" href="${e(href(n))}" aria-label="Page ${n}" data-page="${n}">${n}</a></li>`,
    )
    .join('');
  return `<nav class="govuk-pagination" aria-label="Results pages">${prev}<ul class="govuk-pagination__list">${items}</ul>${next}</nav>`;
}
