// The site's public pages, read from the built site map, for checks that cover every page.
import { readFileSync } from 'node:fs';

export function sitemapPaths(): string[] {
  const index = readFileSync('dist/sitemap-0.xml', 'utf8');
  return [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}
