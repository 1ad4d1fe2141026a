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
      for (const v of results.violations)
        problems.push(`${path} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    });
  }
  console.log(`axe checked ${paths.length} pages`);
  expect(problems).toEqual([]);
});

// WCAG 1.4.10 Reflow: at 320 CSS pixels wide (a 1280px screen zoomed to 400%) nothing in a page
// may need scrolling sideways. Data tables are allowed to, so they are left out.
test('every page in the site map fits 320 CSS pixels without scrolling sideways', async ({ page }) => {
  const paths = sitemapPaths();
  test.setTimeout(30_000 + paths.length * 1_000);
  await page.setViewportSize({ width: 320, height: 800 });
  const problems: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter(
          (el) => !el.closest('table, .govuk-skip-link') && el.getBoundingClientRect().right > document.documentElement.clientWidth + 1,
        )
        .map((el) => el.tagName.toLowerCase() + (el.className ? `.${String(el.className).split(' ')[0]}` : '')),
    );
    if (wide.length) problems.push(`${path}: ${wide.slice(0, 3).join(', ')}`);
  }
  expect(problems).toEqual([]);
});
