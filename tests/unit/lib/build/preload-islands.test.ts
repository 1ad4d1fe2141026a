// The build step that adds modulepreload links (src/lib/build/preload-islands.ts): every module an
// island imports statically, none it fetches on demand, and pages without islands left alone.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withIslandPreloads } from '../../../../src/lib/build/preload-islands.ts';

const dist = mkdtempSync(join(tmpdir(), 'wt-preload-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));
mkdirSync(join(dist, '_astro'));
const files: Record<string, string> = {
  'Page.js': 'import{a}from"./shared.js";import"./styles.js";const later=()=>import(`./later.js`);export default a;',
  'client.js': 'import{r}from"./react.js";export{r};',
  'shared.js': 'export const a=1;',
  'styles.js': '',
  'react.js': 'export const r=1;',
  'later.js': 'import{a}from"./only-later.js";export{a};',
  'only-later.js': 'export const a=2;',
};
for (const [name, code] of Object.entries(files)) writeFileSync(join(dist, '_astro', name), code);

const island = '<astro-island component-url="/_astro/Page.js" renderer-url="/_astro/client.js"></astro-island>';

describe('modulepreload links for islands', () => {
  it("name each module the island's component and renderer import statically, in the head", () => {
    const html = withIslandPreloads(`<html><head><title>x</title></head><body>${island}</body></html>`, dist);
    const links = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
    expect(links.sort()).toEqual(['/_astro/Page.js', '/_astro/client.js', '/_astro/react.js', '/_astro/shared.js', '/_astro/styles.js']);
    expect(html.indexOf('modulepreload')).toBeLessThan(html.indexOf('</head>'));
  });

  it('leave out what only a dynamic import() fetches', () => {
    const html = withIslandPreloads(`<html><head></head><body>${island}</body></html>`, dist);
    expect(html).not.toContain('later.js');
    expect(html).not.toContain('only-later.js');
  });

  it('leave a page without islands as it was', () => {
    const page = '<html><head></head><body><p>Plain</p></body></html>';
    expect(withIslandPreloads(page, dist)).toBe(page);
  });
});
