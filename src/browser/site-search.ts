// Runs the search form on /search/ with Pagefind's own API (a small file), rather than its
// ready-made interface (three times the size). A service worker keeps it working offline. The query stays in the address (?q=…) so a
// search can be shared, and the back button works.
export {};

interface PagefindResult {
  data(): Promise<{
    url: string;
    excerpt: string;
    meta: { title?: string };
    sub_results: { title: string; url: string; excerpt: string }[];
  }>;
}
interface Pagefind {
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

const form = document.querySelector<HTMLFormElement>('[data-site-search]');
const input = document.querySelector<HTMLInputElement>('#search-q');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
// The button sits in a box that is hidden between uses (govuk-button's display would override `hidden` on the button itself).
const more = document.querySelector<HTMLElement>('#search-more');
/** Results are shown 20 at a time; "Show more results" adds the next 20. */
const PAGE_SIZE = 20;
let current: { query: string; results: PagefindResult[]; shown: number } | undefined;
let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url) as Promise<Pagefind>;
  return pagefind;
}

function item(title: string, url: string, excerpt: string): HTMLLIElement {
  const li = document.createElement('li');
  const h = document.createElement('h2');
  h.className = 'govuk-heading-s';
  const a = document.createElement('a');
  a.className = 'govuk-link';
  a.href = url;
  a.textContent = title;
  h.append(a);
  const p = document.createElement('p');
  p.className = 'govuk-body';
  // Pagefind's excerpt is escaped text with <mark> around the matched words.
  p.innerHTML = excerpt;
  li.append(h, p);
  return li;
}

/** Adds the next page of results to the list; returns the first link added. */
async function showMore(): Promise<HTMLAnchorElement | undefined> {
  if (!current || !list || !status) return undefined;
  const { query, results } = current;
  const pages = await Promise.all(results.slice(current.shown, current.shown + PAGE_SIZE).map((r) => r.data()));
  let first: HTMLAnchorElement | undefined;
  for (const page of pages) {
    // A match under one heading links straight there (for example a glossary entry).
    const sub = page.sub_results.find((s) => s.url !== page.url && s.url.includes('#'));
    const title = sub ? `${sub.title} – ${page.meta.title ?? ''}` : (page.meta.title ?? page.url);
    const li = item(title, sub?.url ?? page.url, sub?.excerpt ?? page.excerpt);
    first ??= li.querySelector('a') ?? undefined;
    list.append(li);
  }
  current.shown += pages.length;
  const matches = `${results.length} ${results.length === 1 ? 'page matches' : 'pages match'} "${query}".`;
  status.textContent =
    results.length === 0
      ? `No pages match "${query}". Check the spelling, or try a shorter word.`
      : results.length > current.shown
        ? `${matches} Showing ${current.shown}.`
        : matches;
  if (more) more.hidden = current.shown >= results.length;
  return first;
}

async function run(query: string) {
  if (!status || !list) return;
  list.replaceChildren();
  current = undefined;
  if (more) more.hidden = true;
  if (!query.trim()) {
    status.textContent = '';
    return;
  }
  status.textContent = 'Searching…';
  try {
    const { results } = await (await loadPagefind()).search(query);
    current = { query, results, shown: 0 };
    await showMore();
  } catch {
    status.textContent = 'Search is not working right now. Try the site map instead.';
  }
}

// The next results go under the ones already read; focus moves to the first new one so a
// keyboard or screen reader user carries on from there.
more?.querySelector('button')?.addEventListener('click', () => {
  void showMore()
    .then((first) => first?.focus())
    .catch(() => {
      if (status) status.textContent = 'Search is not working right now. Try the site map instead.';
    });
});

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = input?.value ?? '';
  history.pushState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
  void run(query);
});

function fromAddress() {
  const query = new URLSearchParams(location.search).get('q') ?? '';
  if (input) input.value = query;
  void run(query);
}
window.addEventListener('popstate', fromAddress);
fromAddress();

// Save this page, the glossary and the search index (dist/search-sw.js, made by the build), so
// search keeps working if the connection drops. Without it search still works online.
navigator.serviceWorker?.register('/search-sw.js').catch(() => undefined);
