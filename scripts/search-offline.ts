// The last step of `npm run build`, after Pagefind: writes dist/search-sw.js, a service worker
// the search page registers so search keeps working when the connection drops. It saves the
// search page, the glossary (where searches for hard words land) and Pagefind's index; every
// other page still needs a connection. It answers only for those files, network first, so an
// online reader always gets the newest copy.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Pagefind's ready-made interfaces and highlighter: our search page uses none of them. */
const UNUSED = /(?:-ui|-highlight)\.(?:js|css)$/;
const PAGES = ['/search/', '/glossary/'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every path the search page needs offline, as the browser asks for it. */
export function offlineFiles(dist: string): string[] {
  const assets = new Set<string>();
  for (const page of PAGES) {
    const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
    for (const [, href] of html.matchAll(/<(?:link[^>]+href|script[^>]+src)="(\/[^"]+)"/g)) assets.add(href!);
  }
  const pagefind = filesUnder(join(dist, 'pagefind'))
    .map((file) => `/${relative(dist, file).split('\\').join('/')}`)
    .filter((path) => !UNUSED.test(path));
  return [...PAGES, ...[...assets].sort(), ...pagefind.sort()];
}

export function serviceWorker(files: string[], version: string): string {
  return `// Made by scripts/search-offline.ts: keeps site search working offline.
const CACHE = 'wt-search-${version}';
const FILES = ${JSON.stringify(files)};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  const old = (key) => key.startsWith('wt-search-') && key !== CACHE;
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter(old).map((key) => caches.delete(key)))).then(() => self.clients.claim()));
});
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin || !FILES.includes(url.pathname)) return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(url.pathname, copy)));
        }
        return response;
      })
      .catch(() => caches.match(url.pathname).then((saved) => saved ?? Response.error())),
  );
});
`;
}

if (import.meta.main) {
  const dist = process.argv[2] ?? 'dist';
  const files = offlineFiles(dist);
  const hash = createHash('sha256');
  for (const path of files) hash.update(path).update(readFileSync(join(dist, path.endsWith('/') ? `${path}index.html` : path)));
  writeFileSync(join(dist, 'search-sw.js'), serviceWorker(files, hash.digest('hex').slice(0, 12)));
  console.log(`Offline search: ${files.length} files saved by dist/search-sw.js`);
}
