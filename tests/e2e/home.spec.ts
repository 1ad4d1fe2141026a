import { expect, expectNoAxeViolations, test, waitForIslands } from './support.ts';

test('the home page loads, names the programme and has no console errors', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/Working Together/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Accessibility statement' })).toHaveAttribute('href', '/accessibility-statement/');
});

test('the skip link is the first thing the keyboard reaches and moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();
  await expect(page).toHaveURL(/#main-content$/);
});

test('the home page has no WCAG 2.2 AA violations', async ({ page }) => {
  await page.goto('/');
  await expectNoAxeViolations(page);
});

test('the 404 page helps the reader on', async ({ page, consoleErrors }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  // Chromium logs the page's own 404 status as a console error: here that status is the point.
  expect(consoleErrors).toEqual([expect.stringContaining('404')]);
  consoleErrors.length = 0;
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'search the site' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the browser reaches the Supabase stand-in: the status page calls api.whoami', async ({ page }) => {
  await page.goto('/status/');
  await waitForIslands(page);
  await expect(page.getByTestId('service-status')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('service-status')).toContainText('as a visitor');
  await expectNoAxeViolations(page);
});

test('the home page says plainly how current the project news is, and links to the newest', async ({ page }) => {
  await page.goto('/');
  const news = page.getByRole('region', { name: 'Latest project news' });
  // The newest update in the content is from July 2020: the page says so, and that it is old.
  await expect(news.getByTestId('news-age')).toHaveText(
    /^The newest project update is from July 2020, over \d+ years ago\. We have had no newer news from the projects, so some of it may be out of date\.$/,
  );
  const items = news.getByRole('listitem');
  await expect(items).toHaveCount(3);
  for (const item of await items.all()) await expect(item.locator('time')).toHaveAttribute('datetime', '2020-07');
  // More projects share the newest month than the three shown: the link says how many and leads to them, newest first.
  const all = news.getByRole('link', { name: /^See all \d+ projects with news from July 2020, newest first$/ });
  await expect(all).toHaveAttribute('href', '/projects/');
  const count = Number((await all.textContent())?.match(/\d+/)?.[0]);
  await all.click();
  await expect(page.locator('#project-count')).toContainText('Newest updates first');
  const firstDates = await page.locator('#project-list time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));
  expect(firstDates.slice(0, count)).toEqual(Array(count).fill('2020-07'));
  expect(firstDates[count]).not.toBe('2020-07');
  await expectNoAxeViolations(page);
});
