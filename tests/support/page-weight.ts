// What a built page makes a browser download, read from dist/: its HTML, its CSS, and every
// JavaScript module it loads (script tags, islands' components and renderers, and everything those
// import, statically or dynamically). Used by the budget test and the page-weight benchmark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { islandEntries, moduleGraph } from '../../src/lib/build/module-graph.ts';

export const KB = 1024;
export const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
export const distFile = (path: string, dist = 'dist') => join(dist, path.endsWith('/') ? `${path}index.html` : path);

/** The JavaScript modules a page's HTML loads, with everything they import. */
export function pageModules(path: string, html: string, dist = 'dist', dynamic = true): Set<string> {
  const modules = new Set<string>();
  for (const [, src] of html.matchAll(/<script[^>]+src="([^"]+)"/g)) moduleGraph(src!, modules, dist, dynamic);
  for (const url of islandEntries(html)) moduleGraph(url, modules, dist, dynamic);
  if (html.includes('/pagefind/pagefind.js') || path === '/search/') modules.add('/pagefind/pagefind.js');
  return modules;
}

/** The header's few lines that swap "Sign in" for the account links (SiteHeader.astro), on every page. */
const HEADER_SCRIPT = /<script data-header-session>([\s\S]*?)<\/script>/;

const inlineScripts = (html: string) =>
  [
    ...html
      .replace(HEADER_SCRIPT, '')
      .matchAll(/<script(?![^>]*src=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g),
  ].map((m) => m[1]!);

export function weigh(path: string, page = readFileSync(distFile(path), 'utf8')) {
  // The header's script is weighed on its own (headerScript), so "no script without an island" holds for the rest.
  const headerScript = page.match(HEADER_SCRIPT)?.[1];
  const html = page.replace(HEADER_SCRIPT, '');
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => readFileSync(join('dist', m[1]!), 'utf8'));
  css.push(...[...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!));
  const js = [...pageModules(path, html)].map((m) => readFileSync(join('dist', m), 'utf8')).concat(inlineScripts(html));
  return {
    html: gz(page),
    headerScript: headerScript ? gz(headerScript) : 0,
    css: gz(css.join('\n')),
    js: js.length ? gz(js.join('\n')) : 0,
    scripts: [...html.matchAll(/<script(?![^>]*type="application\/(?:ld\+)?json")[^>]*>/g)].length,
    // What the page is meant to have, not what it happens to ship: a React island, or an element
    // a page script enhances, marked data-island="…" (see BaseLayout.astro).
    hasIsland: html.includes('<astro-island') || /\sdata-island="[^"]+"/.test(html),
  };
}

/**
 * A page's JavaScript as the network carries it: each module gzipped on its own (as a server
 * sends them), summed, with the size of each so the heaviest can be named. `atLoad` is what the
 * page fetches before its islands can run (static imports); `onDemand` the modules only a
 * dynamic import() fetches, when the page first needs them (total = atLoad + onDemand).
 */
export function javascriptTransfer(path: string, dist = 'dist') {
  const html = readFileSync(distFile(path, dist), 'utf8');
  const modules = [...pageModules(path, html, dist)].map((file) => ({ file, gzipped: gz(readFileSync(join(dist, file))) }));
  const first = pageModules(path, html, dist, false);
  const header = html.match(HEADER_SCRIPT)?.[1];
  const inline = inlineScripts(html).reduce((sum, code) => sum + gz(code), header ? gz(header) : 0);
  modules.sort((a, b) => b.gzipped - a.gzipped);
  const sum = (ms: typeof modules) => ms.reduce((total, m) => total + m.gzipped, 0);
  const later = modules.filter((m) => !first.has(m.file));
  return { total: sum(modules) + inline, atLoad: sum(modules) - sum(later) + inline, onDemand: sum(later), inline, modules, later };
}
