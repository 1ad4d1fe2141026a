// The projects list: filtering, sorting and paging, shared by the pre-built pages (which work
// without JavaScript) and the island that combines filters in the browser, so both agree.
import { LEAD_AREAS, STAGES, STAIRCASE, type Term } from '../content/vocabulary.ts';

/** What the list needs to know about a project; also the shape of /projects/index.json. */
export interface ProjectSummary {
  slug: string;
  title: string;
  summary: string;
  leadArea: string;
  stage: string;
  staircaseStep: string;
  /** The date of the newest update, YYYY-MM-DD. */
  latest: string;
}

export type Dimension = 'area' | 'stage' | 'step';
export type Filter = Partial<Record<Dimension, string>>;
export type SortOrder = 'latest' | 'title';

export const DIMENSIONS: Record<Dimension, { field: 'leadArea' | 'stage' | 'staircaseStep'; label: string; terms: readonly Term[] }> = {
  area: { field: 'leadArea', label: 'Lead area', terms: LEAD_AREAS },
  stage: { field: 'stage', label: 'Stage', terms: STAGES },
  step: { field: 'staircaseStep', label: 'Step on the staircase', terms: STAIRCASE },
};

export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as Dimension[];
export const PER_PAGE = 20;

export function matches(project: ProjectSummary, filter: Filter): boolean {
  return DIMENSION_NAMES.every((d) => !filter[d] || project[DIMENSIONS[d].field] === filter[d]);
}

export function sortProjects(projects: ProjectSummary[], order: SortOrder): ProjectSummary[] {
  const byTitle = (a: ProjectSummary, b: ProjectSummary) => a.title.localeCompare(b.title, 'en-GB');
  return [...projects].sort(order === 'title' ? byTitle : (a, b) => b.latest.localeCompare(a.latest) || byTitle(a, b));
}

export function pageCount(total: number, perPage = PER_PAGE): number {
  return Math.max(1, Math.ceil(total / perPage));
}

export function pageOf<T>(items: T[], page: number, perPage = PER_PAGE): T[] {
  return items.slice((page - 1) * perPage, page * perPage);
}

/** The pre-built page for one filter (or none) and a page number. */
export function listingUrl(filter: Filter, page = 1): string {
  const dimension = DIMENSION_NAMES.find((d) => filter[d]);
  const base = dimension ? `/projects/${dimension}/${filter[dimension]}/` : '/projects/';
  return page > 1 ? `${base}page/${page}/` : base;
}

/** What the list shows: the filter, the order and the page. The island keeps it in the address. */
export interface ListState {
  filter: Filter;
  sort: SortOrder;
  page: number;
}

/**
 * The address for a choice. No filter or one filter is a pre-built page, so a shared link works
 * without JavaScript; only a combination of filters, or sorting by name, adds a query, which the
 * pre-built pages cannot act on (the page says so when JavaScript is off).
 */
export function addressFor({ filter, sort, page }: ListState): string {
  const chosen = DIMENSION_NAMES.filter((d) => filter[d]);
  const q = new URLSearchParams();
  if (chosen.length > 1) for (const d of chosen) q.set(d, filter[d]!);
  if (sort !== 'latest') q.set('sort', sort);
  if (chosen.length > 1 && page > 1) q.set('page', String(page));
  const path = chosen.length > 1 ? '/projects/' : listingUrl(filter, page);
  return q.size ? `${path}?${q}` : path;
}

/** The choice an address stands for: the path's filter and page, then anything in the query. */
export function stateFromAddress(pathname: string, search: string): ListState {
  const filter: Filter = {};
  let page = 1;
  const match = /^\/projects\/(?:(area|stage|step)\/([^/]+)\/)?(?:page\/(\d+)\/)?$/.exec(pathname);
  if (match?.[1]) filter[match[1] as Dimension] = decodeURIComponent(match[2]!);
  if (match?.[3]) page = Number(match[3]);
  const q = new URLSearchParams(search);
  for (const d of DIMENSION_NAMES) if (q.get(d)) filter[d] = q.get(d)!;
  if (q.get('page')) page = Number(q.get('page'));
  return { filter, sort: q.get('sort') === 'title' ? 'title' : 'latest', page: Math.max(1, Math.floor(page) || 1) };
}

/** How many projects each value of a dimension has, for the filter links. */
export function countsBy(projects: ProjectSummary[], dimension: Dimension): Map<string, number> {
  const field = DIMENSIONS[dimension].field;
  const counts = new Map<string, number>();
  for (const p of projects) counts.set(p[field], (counts.get(p[field]) ?? 0) + 1);
  return counts;
}

export function describeFilter(filter: Filter): string {
  const parts = DIMENSION_NAMES.filter((d) => filter[d]).map((d) => {
    const { label, terms } = DIMENSIONS[d];
    return `${label.toLowerCase()}: ${terms.find((t) => t.slug === filter[d])?.label ?? filter[d]}`;
  });
  return parts.join(', ');
}

export function countText(n: number): string {
  return n === 1 ? '1 project' : `${n} projects`;
}
