// An Astro integration: after the build, each page with islands gets a <link rel="modulepreload">
// in its head for every module its islands import statically. Without them the browser finds
// the island's modules one level of imports at a time, after the island script runs: a round
// trip each, over half a second apiece on a slow mobile connection. Modules fetched by import()
// on demand are left for when they are needed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { islandEntries, moduleGraph } from './module-graph';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

/** The page with a modulepreload link per module its islands need first (unchanged without islands). */
export function withIslandPreloads(html: string, dist: string): string {
  const entries = islandEntries(html);
  if (!entries.length || !html.includes('</head>')) return html;
  const modules = new Set<string>();
  for (const entry of entries) moduleGraph(entry, modules, dist, false);
  const links = [...modules]
    .filter((m) => !html.includes(`href="${m}"`))
    .map((m) => `<link rel="modulepreload" href="${m}">`)
    .join('');
  return html.replace('</head>', `${links}</head>`);
}

export default function preloadIslands(): AstroIntegration {
  return {
    name: 'preload-islands',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const dist = fileURLToPath(dir);
        for (const file of htmlFiles(dist)) {
          const html = readFileSync(file, 'utf8');
          const preloaded = withIslandPreloads(html, dist);
          if (preloaded !== html) writeFileSync(file, preloaded);
        }
      },
    },
  };
}
