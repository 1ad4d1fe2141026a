// Signing out and sessions that end. Choosing to sign out lands on the home page and removes the
// person's confidential drafts from the device (it may be shared); a panel page then asks them to
// sign in and brings them back to it. A session that merely ends keeps what they typed: after
// signing in again the chair's half-written recommendation is back in its form. Nothing is saved.
import type { Page } from '@playwright/test';
import { SITE, expect, expectNoAxeViolations, httpErrorLogged, test } from './support.ts';
import { signIn } from './support-panel.ts';
import { settled } from './support-panel-pages.ts';

const INNOVATION = '00000000-0000-4000-9000-000000000101';
const SUSTAINABILITY = '00000000-0000-4000-9000-000000000102';

// The save refused for want of a session is logged by Chromium; the page handles it on purpose.
test.use({ allowedConsoleErrors: [httpErrorLogged(401)] });

const draftKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wt-draft:')));

async function signInHere(page: Page, email: string) {
  await page.getByRole('button', { name: 'Sign in with a password instead' }).click();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('working-together-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Opens the chair's form for the first application with no recommendation yet, and types. */
async function startRecommendation(page: Page) {
  await page.goto(`/panel/panel-day/?round=${SUSTAINABILITY}`);
  await settled(page);
  const record = page
    .getByTestId('results-table')
    .getByRole('button', { name: /^Record the recommendation/ })
    .first();
  await record.click();
  const form = page.getByRole('form', { name: /Recommendation for/ });
  await form.getByLabel('Do not award').check();
  await form.getByLabel("The panel's reasons").fill('Typed just before the session ended.');
  await form.getByLabel('Majority vote').check();
  return form;
}

test('signing out lands on the home page; a panel page then asks to sign in and returns there', async ({ page }) => {
  await signIn(page, 'member@example.org', `/panel/round/?id=${INNOVATION}`);
  await settled(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${SITE}/`);

  await page.goto(`/panel/round/?id=${INNOVATION}`);
  await expect(page).toHaveURL(/\/sign-in\/\?next=%2Fpanel%2Fround%2F%3Fid%3D/);
  // Chosen, not expired: no "you were signed out" message.
  await expect(page.getByText('You were signed out')).toHaveCount(0);
  await signInHere(page, 'member@example.org');
  await expect(page).toHaveURL(`${SITE}/panel/round/?id=${INNOVATION}`);
  await expect(page.getByTestId('round-progress')).toBeVisible();
});

test('when the chair’s session ends mid-recommendation, signing in again brings back what was typed', async ({ page }) => {
  await signIn(page, 'chair@example.org');
  const form = await startRecommendation(page);
  const heading = await form.getByRole('heading').first().textContent();

  // The session ends (as if it expired); saving is refused and the chair is sent to sign in.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.endsWith('-auth-token')) localStorage.removeItem(key);
  });
  await form.getByRole('button', { name: 'Save the recommendation' }).click();
  await expect(page).toHaveURL(/\/sign-in\/\?next=.*reason=expired/);
  await expect(page.getByText(/signed out/i)).toBeVisible();
  // The typed work is still on the device: an ended session is not a chosen sign-out.
  expect(await draftKeys(page)).toHaveLength(1);

  await signInHere(page, 'chair@example.org');
  await expect(page).toHaveURL(`${SITE}/panel/panel-day/?round=${SUSTAINABILITY}`);
  const back = page.getByRole('form', { name: /Recommendation for/ });
  await expect(back.getByRole('heading').first()).toHaveText(heading!);
  await expect(back.getByRole('status')).toContainText('We kept what you typed');
  await expect(back.getByLabel("The panel's reasons")).toHaveValue('Typed just before the session ended.');
  await expect(back.getByLabel('Do not award')).toBeChecked();
  await expect(back.getByLabel('Majority vote')).toBeChecked();

  // Cancel: nothing was saved, and the device copy goes.
  await back.getByRole('button', { name: 'Cancel' }).click();
  await expect(back).toHaveCount(0);
  expect(await draftKeys(page)).toEqual([]);
});

test('choosing to sign out removes the person’s drafts from a shared computer', async ({ page }) => {
  await signIn(page, 'chair@example.org');
  await startRecommendation(page);
  expect(await draftKeys(page)).toHaveLength(1);
  // Unsaved work: a warning first, and staying keeps it.
  await page.getByRole('button', { name: 'Sign out' }).click();
  const warning = page.getByRole('alertdialog');
  await expect(warning).toContainText('You have one piece of work on this device that is not saved yet.');
  await expect(warning).toBeFocused();
  await expectNoAxeViolations(page);
  await warning.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(warning).toHaveCount(0);
  expect(await draftKeys(page)).toHaveLength(1);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Sign out and remove it' }).click();
  await expect(page).toHaveURL(`${SITE}/`);
  expect(await draftKeys(page)).toEqual([]);
});
