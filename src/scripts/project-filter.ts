// Enhances the projects list: combine lead area, stage and step, sort, and page through the
// results in place. The address bar keeps the choice (?area=…&stage=…), so it can be shared and
// the back button works; the count is a live region, so screen readers hear how many match.
import { countText, describeFilter, DIMENSION_NAMES, matches, pageCount, pageOf, sortProjects, type Filter, type ProjectSummary, type SortOrder } from '../lib/projects/listing.ts';
import { paginationHtml } from '../lib/pagination.ts';
import { projectItemHtml } from '../lib/projects/render.ts';

interface State {
  filter: Filter;
  sort: SortOrder;
  page: number;
}

const form = document.querySelector<HTMLFormElement>('[data-project-filter]');
const list = document.getElementById('project-list');
const count = document.getElementById('project-count');
const pager = document.querySelector<HTMLElement>('.wt-pagination');

function stateFromUrl(fallback: Filter, fallbackPage = 1): State {
  const q = new URLSearchParams(location.search);
  const filter: Filter = q.size ? {} : { ...fallback };
  for (const d of DIMENSION_NAMES) if (q.get(d)) filter[d] = q.get(d)!;
  return { filter, sort: q.get('sort') === 'title' ? 'title' : 'latest', page: Math.max(1, Number(q.get('page')) || (q.size ? 1 : fallbackPage)) };
}

function urlFor(state: State, page = state.page): string {
  const q = new URLSearchParams();
  for (const d of DIMENSION_NAMES) if (state.filter[d]) q.set(d, state.filter[d]);
  if (state.sort !== 'latest') q.set('sort', state.sort);
  if (page > 1) q.set('page', String(page));
  return `/projects/${q.size ? `?${q}` : ''}`;
}

function render(all: ProjectSummary[], state: State) {
  const items = sortProjects(all.filter((p) => matches(p, state.filter)), state.sort);
  const pages = pageCount(items.length);
  state.page = Math.min(state.page, pages);
  const described = describeFilter(state.filter);
  list!.innerHTML = pageOf(items, state.page).map(projectItemHtml).join('');
  count!.innerHTML = `<strong>${countText(items.length)}</strong>${described ? ` with ${described}` : ''}. ${
    state.sort === 'title' ? 'Sorted by name.' : 'Newest updates first.'
  }${pages > 1 ? ` Page ${state.page} of ${pages}.` : ''}${items.length === 0 ? ' Try removing a filter.' : ''}`;
  pager!.innerHTML = paginationHtml(state.page, pages, (n) => urlFor(state, n));
}

function readForm(): State {
  const data = new FormData(form!);
  const filter: Filter = {};
  for (const d of DIMENSION_NAMES) if (data.get(d)) filter[d] = String(data.get(d));
  return { filter, sort: data.get('sort') === 'title' ? 'title' : 'latest', page: 1 };
}

function fillForm(state: State) {
  for (const d of DIMENSION_NAMES) (form!.elements.namedItem(d) as HTMLSelectElement).value = state.filter[d] ?? '';
  (form!.elements.namedItem('sort') as HTMLSelectElement).value = state.sort;
}

async function start() {
  if (!form || !list || !count || !pager) return;
  const response = await fetch('/projects/index.json').catch(() => undefined);
  // Without the data the pre-built links still work, so leave the page as it is.
  if (!response?.ok) return;
  const all = (await response.json()) as ProjectSummary[];
  const state = stateFromUrl(JSON.parse(form.dataset.filter ?? '{}') as Filter, Number(form.dataset.page) || 1);
  form.hidden = false;
  document.querySelector<HTMLElement>('[data-filter-links]')!.hidden = true;
  fillForm(state);
  if (location.search) render(all, state);

  const update = (next: State, push: boolean) => {
    Object.assign(state, next);
    render(all, state);
    history[push ? 'pushState' : 'replaceState'](null, '', urlFor(state));
  };
  form.addEventListener('change', () => update(readForm(), false));
  form.addEventListener('reset', () => setTimeout(() => update(readForm(), false)));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(readForm(), false);
  });
  pager.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-page]');
    if (!link) return;
    event.preventDefault();
    update({ ...state, page: Number(link.dataset.page) }, true);
    document.getElementById('results-heading')?.focus();
  });
  addEventListener('popstate', () => {
    const next = stateFromUrl({});
    fillForm(next);
    Object.assign(state, next);
    render(all, state);
  });
}

void start();
