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
