// Site search: one result per page (the projects list is not found again under every filter),
// words kept apart as a reader sees them, and every result reachable, 20 at a time.
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support.ts';

async function search(page: Page, query: string) {
  await page.goto('/search/');
  await page.getByRole('searchbox').fill(query);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.locator('#search-status')).toContainText(`"${query}"`);
}

const resultLinks = (page: Page) => page.locator('#search-results h2 a');

test('finds each page once: the projects list is not repeated for every filter and page', async ({ page }) => {
  await search(page, 'adult social care');
  const hrefs = await resultLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(1);
  const pages = hrefs.map((h) => h.replace(/#.*$/, ''));
  expect(
    pages.filter((h) => /^\/projects\/(page|area|stage|step)\//.test(h)),
    'filtered lists in the results',
  ).toEqual([]);
  expect(pages.filter((h) => h === '/projects/').length, 'the projects list, at most once').toBeLessThanOrEqual(1);
  expect(new Set(pages).size, 'one result per page').toBe(pages.length);
  await expectNoAxeViolations(page);
});

test('keeps a label and its value apart in what it found', async ({ page }) => {
  await search(page, 'lead area');
  await expect(resultLinks(page).first()).toBeVisible();
  const excerpts = await page.locator('#search-results p').allTextContents();
  expect(excerpts.join(' ')).not.toMatch(/Lead area(Adult|Children|Community|Transport|Public)/i);
});

test('shows 20 results, then the next 20 on "Show more results", with focus on the first new one', async ({ page }) => {
  await search(page, 'council');
  const status = page.locator('#search-status');
  const total = Number((await status.textContent())?.match(/^(\d+) pages match/)?.[1]);
  expect(total, 'enough pages match for a second page of results').toBeGreaterThan(20);
  await expect(resultLinks(page)).toHaveCount(20);
  await expect(status).toHaveText(`${total} pages match "council". Showing 20.`);
  const more = page.getByRole('button', { name: 'Show more results' });
  await expect(more).toBeVisible();
  await expectNoAxeViolations(page);

  await more.click();
  const shown = Math.min(40, total);
  await expect(resultLinks(page)).toHaveCount(shown);
  await expect(resultLinks(page).nth(20)).toBeFocused();
  if (total > 40) await expect(status).toHaveText(`${total} pages match "council". Showing 40.`);
  else {
    await expect(status).toHaveText(`${total} pages match "council".`);
    await expect(more).toBeHidden();
  }
  await expectNoAxeViolations(page);

  // A new search starts again from the first 20.
  await search(page, 'reciprocity');
  await expect(more).toBeHidden();
});
