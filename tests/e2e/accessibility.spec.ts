// axe (WCAG 2.2 AA) on every URL in the site map, easy-read pages included. The site map is read
// inside the test because the site is built when the test server starts, after tests are listed.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, WCAG_TAGS } from './support.ts';
import { sitemapPaths } from './site-pages.ts';

test('every page in the site map has no WCAG 2.2 AA violations', async ({ page }) => {
  const paths = sitemapPaths();
  test.setTimeout(30_000 + paths.length * 5_000);
  const problems: string[] = [];
  for (const path of paths) {
    await test.step(path, async () => {
      const response = await page.goto(path);
      expect.soft(response?.status(), path).toBe(200);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      for (const v of results.violations) problems.push(`${path} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    });
  }
  console.log(`axe checked ${paths.length} pages`);
  expect(problems).toEqual([]);
});
