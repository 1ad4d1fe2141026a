// The panel on a small phone (320 px wide, the width WCAG's reflow rule uses for 400% zoom):
// nothing needs sideways scrolling except inside a table's own scroll area.
import type { Page } from '@playwright/test';
import { expect, test } from './support.ts';
import { signIn } from './support-panel.ts';

test.use({ viewport: { width: 320, height: 700 } });

async function fitsWidth(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${page.url()} is wider than the screen`).toBeLessThanOrEqual(0);
}

test('a member can read and score on a 320 px screen', async ({ page }) => {
  await signIn(page, 'member@example.org');
  await expect(page.getByTestId('my-rounds')).toBeVisible();
  await fitsWidth(page);
  await page.getByRole('link', { name: /Score applications|Open this round/ }).first().click();
  await expect(page.getByTestId('round-progress')).toBeVisible();
  await fitsWidth(page);
  await page.locator('table a').first().click();
  await expect(page.getByTestId('application-page')).toBeVisible();
  await fitsWidth(page);
});

test('the chair’s panel day fits a 320 px screen', async ({ page }) => {
  await signIn(page, 'chair@example.org');
  await page.getByRole('link', { name: /Panel day: progress and results for Innovation Fund/ }).click();
  await expect(page.getByTestId('progress-board')).toBeVisible();
  await fitsWidth(page);
});
