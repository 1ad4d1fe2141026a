// Enhances the projects list: combine lead area, stage and step, sort, and page through the
// results in place. Each change is a new history entry (pushState), so Back undoes it; popstate
// puts the list and the form back. One filter keeps its pre-built address (/projects/area/…/), so
// a shared link works without JavaScript; only combinations and sorting add a query. The count is
// a live region, so screen readers hear how many match.
import {
  addressFor,
  countText,
  describeFilter,
  DIMENSION_NAMES,
  matches,
  pageCount,
  pageOf,
  sortProjects,
  stateFromAddress,
  type Filter,
  type ListState,
  type ProjectSummary,
} from '../lib/projects/listing.ts';
import { paginationHtml } from '../lib/pagination.ts';
import { projectItemHtml } from '../lib/projects/render.ts';

const form = document.querySelector<HTMLFormElement>('[data-project-filter]');
const list = document.getElementById('project-list');
const count = document.getElementById('project-count');
const pager = document.querySelector<HTMLElement>('.wt-pagination');

const fromLocation = () => stateFromAddress(location.pathname, location.search);

function render(all: ProjectSummary[], state: ListState) {
  const items = sortProjects(
    all.filter((p) => matches(p, state.filter)),
    state.sort,
  );
  const pages = pageCount(items.length);
  state.page = Math.min(state.page, pages);
  const described = describeFilter(state.filter);
  list!.innerHTML = pageOf(items, state.page).map(projectItemHtml).join('');
  count!.innerHTML = `<strong>${countText(items.length)}</strong>${described ? ` with ${described}` : ''}. ${
    state.sort === 'title' ? 'Sorted by name.' : 'Newest updates first.'
  }${pages > 1 ? ` Page ${state.page} of ${pages}.` : ''}${items.length === 0 ? ' Try removing a filter.' : ''}`;
  pager!.innerHTML = paginationHtml(state.page, pages, (n) => addressFor({ ...state, page: n }));
  // The tab title says what is shown, as the pre-built pages' titles do.
  document.title = `Projects${described ? ` (${described})` : ''}${pages > 1 ? `, page ${state.page} of ${pages}` : ''} – Working Together`;
}

function readForm(): ListState {
  const data = new FormData(form!);
  const filter: Filter = {};
  for (const d of DIMENSION_NAMES) if (data.get(d)) filter[d] = String(data.get(d));
  return { filter, sort: data.get('sort') === 'title' ? 'title' : 'latest', page: 1 };
}

function fillForm(state: ListState) {
  for (const d of DIMENSION_NAMES) (form!.elements.namedItem(d) as HTMLSelectElement).value = state.filter[d] ?? '';
  (form!.elements.namedItem('sort') as HTMLSelectElement).value = state.sort;
}

async function start() {
  if (!form || !list || !count || !pager) return;
  const response = await fetch('/projects/index.json').catch(() => undefined);
  // Without the data the pre-built links still work, so leave the page as it is.
  if (!response?.ok) return;
  const all = (await response.json()) as ProjectSummary[];
  const state = fromLocation();
  form.hidden = false;
  document.querySelector<HTMLElement>('[data-filter-links]')!.hidden = true;
  fillForm(state);
  // A pre-built page already shows its own path; only a query asks for more than that.
  if (location.search) render(all, state);

  const update = (next: ListState) => {
    Object.assign(state, next);
    render(all, state);
    const address = addressFor(state);
    if (address !== location.pathname + location.search) history.pushState(null, '', address);
  };
  form.addEventListener('change', () => update(readForm()));
  form.addEventListener('reset', () => setTimeout(() => update(readForm())));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(readForm());
  });
  pager.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-page]');
    if (!link) return;
    event.preventDefault();
    update({ ...state, page: Number(link.dataset.page) });
    document.getElementById('results-heading')?.focus();
  });
  // Back and Forward: show what that address stands for.
  addEventListener('popstate', () => {
    Object.assign(state, fromLocation());
    fillForm(state);
    render(all, state);
  });
}

void start();
