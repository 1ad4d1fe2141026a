// Journeys a resident takes: find the festival's access information, take the self-test with
// the keyboard only, and search for a hard word.
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support.ts';

test('from the home page to the festival’s step-free access and BSL information', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Festival' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Co-production festival' })).toBeVisible();
  await page.getByRole('link', { name: /Access on the day/ }).click();
  await expect(page.getByRole('heading', { name: 'Step-free access' })).toBeInViewport();
  await expect(page.getByRole('heading', { name: 'British Sign Language (BSL)' })).toBeVisible();
  await expect(page.locator('#step-free + p')).not.toBeEmpty();
  await expect(page.locator('#bsl + p')).toContainText(/BSL|sign language/i);
  await expect(page.getByText('These are example details.')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('earlier festivals show their dates only as exactly as our records give them', async ({ page }) => {
  await page.goto('/festival/');
  const earlier = page.locator('main li', { has: page.getByRole('link', { name: /first co-production festival/ }) });
  await expect(earlier.locator('time')).toHaveText('July 2019');
  await expect(earlier.locator('time')).toHaveAttribute('datetime', '2019-07');
  await page.goto('/festival/2019-festival/');
  await expect(page.locator('.govuk-summary-list time')).toHaveText('July 2019');
  await page.goto('/festival/2019-co-production-week/');
  await expect(page.locator('.govuk-summary-list time')).toHaveText('2019');
});

/** Presses Tab until the target has focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: Locator, most = 40) {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

test('the self-test can be done with the keyboard only', async ({ page }) => {
  await page.goto('/self-test/');
  const questions = page.locator('.wt-self-test__question');
  await expect(questions.first()).toBeVisible();
  const total = await questions.count();
  expect(total).toBeGreaterThan(1);
  for (let n = 1; n <= total; n++) {
    const box = page.locator(`#self-test-${n}`);
    await tabTo(page, box);
    await page.keyboard.type(`My answer ${n}.`);
    await page.keyboard.press('Tab');
    const button = page.locator(`button[aria-controls="self-test-answer-${n}"]`);
    await expect(button).toBeFocused();
    await expect(button).toHaveText('Show the answer');
    // Enter and Space both work, as on any button.
    await page.keyboard.press(n % 2 ? 'Enter' : 'Space');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(button).toHaveText('Hide the answer');
    const answer = page.locator(`#self-test-answer-${n}`);
    await expect(answer).toBeVisible();
    await expect(answer).toContainText(`You wrote: “My answer ${n}.”`);
    await expect(page.getByRole('status')).toContainText(`You have looked at ${n} of ${total} answers`);
  }
  const last = page.locator(`button[aria-controls="self-test-answer-${total}"]`);
  await expect(last).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator(`#self-test-answer-${total}`)).toBeHidden();
  await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the self-test answers open as details', async ({ page }) => {
    await page.goto('/self-test/');
    const details = page.locator('details.self-test').first();
    await details.locator('summary').click();
    await expect(details).toHaveAttribute('open', '');
  });
});

test('searching for "reciprocity" lands on its glossary entry', async ({ page }) => {
  await page.goto('/search/');
  await page.getByRole('searchbox').fill('reciprocity');
  await page.getByRole('button', { name: /search/i }).click();
  const result = page.locator('#search-results a[href="/glossary/#reciprocity"]');
  await expect(result).toBeVisible();
  await result.click();
  await expect(page).toHaveURL(/\/glossary\/#reciprocity$/);
  await expect(page.locator('#reciprocity')).toBeInViewport();
});

test('search still finds "reciprocity" and opens its entry after the connection drops', async ({ page, context }) => {
  await page.goto('/search/');
  // The page saves what search needs; wait until its service worker is in charge of the page.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
  await context.setOffline(true);
  await page.getByRole('searchbox').fill('reciprocity');
  await page.getByRole('button', { name: /search/i }).click();
  const result = page.locator('#search-results a[href="/glossary/#reciprocity"]');
  await expect(result).toBeVisible();
  await result.click();
  await expect(page).toHaveURL(/\/glossary\/#reciprocity$/);
  await expect(page.locator('#reciprocity')).toBeInViewport();
});

test('the first use of a glossary word on a page links to its entry', async ({ page }) => {
  await page.goto('/what-is-co-production/');
  const link = page.locator('main a[href="/glossary/#reciprocity"]');
  await expect(link).toHaveCount(1);
});

// Each standard page links to its easy-read version and each easy-read page links back.
const EASY_READ_PAIRS = [
  { standard: '/what-is-co-production/', easyRead: '/easy-read/what-is-co-production/', toEasyRead: 'Read this page in easy read' },
  { standard: '/', easyRead: '/easy-read/home/', toEasyRead: 'Read this page in easy read' },
  { standard: '/festival/', easyRead: '/easy-read/festival/', toEasyRead: 'Read about the festival in easy read' },
];

for (const pair of EASY_READ_PAIRS) {
  test(`${pair.easyRead} and ${pair.standard} link to each other`, async ({ page }) => {
    await page.goto(pair.standard);
    await page.getByRole('link', { name: pair.toEasyRead }).click();
    await expect(page).toHaveURL(pair.easyRead);
    await expect(page.locator('.wt-easy-read__point').first()).toBeVisible();
    await page.getByRole('link', { name: 'Read the standard version of this page' }).click();
    await expect(page).toHaveURL(pair.standard);
  });
}
