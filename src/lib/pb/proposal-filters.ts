// The proposals list's filters, kept in the address (?p=…&ward=…&category=…&status=…&q=…&page=…)
// so a filtered page can be shared or bookmarked and the browser's Back button returns to it.
import type { PbProposalStatus } from '../api/pb-residents';

/** Statuses anyone may list (the database's private.pb_public_statuses; hidden, withdrawn and merged never are). */
export const PUBLIC_STATUSES = ['submitted', 'feasible', 'not_feasible', 'shortlisted'] as const satisfies readonly PbProposalStatus[];
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

/** Proposals on one page of the list. */
export const PAGE_SIZE = 10;

export type ProposalFilters = { p: string; ward: string; category: string; status: PublicStatus | ''; q: string; page: number };

const MAX_SEARCH = 200;

/** The filters in an address's query string; anything unknown is left out, never an error. */
export function parseFilters(search: string): ProposalFilters {
  const params = new URLSearchParams(search);
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? '1');
  return {
    p: params.get('p') ?? '',
    ward: params.get('ward') ?? '',
    category: params.get('category') ?? '',
    status: (PUBLIC_STATUSES as readonly string[]).includes(status) ? (status as PublicStatus) : '',
    q: (params.get('q') ?? '').slice(0, MAX_SEARCH),
    page: Number.isInteger(page) && page >= 1 && page <= 100000 ? page : 1,
  };
}

/** The query string of these filters ("?p=…"), leaving out the ones not set. */
export function filtersQuery(f: ProposalFilters): string {
  const params = new URLSearchParams();
  params.set('p', f.p);
  if (f.ward) params.set('ward', f.ward);
  if (f.category) params.set('category', f.category);
  if (f.status) params.set('status', f.status);
  if (f.q.trim()) params.set('q', f.q.trim());
  if (f.page > 1) params.set('page', String(f.page));
  return `?${params.toString()}`;
}

/** Whether any filter narrows the list (so the page can offer to clear them). */
export const isFiltered = (f: ProposalFilters) => Boolean(f.ward || f.category || f.status || f.q.trim());

/** The wrapper's arguments for these filters; a ward or category not a uuid is left out. */
export function listArgs(processId: string, f: ProposalFilters) {
  const uuid = (s: string) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s) ? s : null);
  return {
    p_process_id: processId,
    p_ward_id: uuid(f.ward),
    p_category_id: uuid(f.category),
    p_status: f.status || null,
    p_search: f.q.trim() || null,
    p_page: f.page,
    p_page_size: PAGE_SIZE,
  };
}

export const pageCount = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));
