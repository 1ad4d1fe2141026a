// The Co-production Tree and the moderation queue: anyone adds a leaf without signing in (on the
// standard page or in easy read, one question a page); it waits until an officer approves it in
// the one moderation queue, then appears in the picture and the list. Bad input and the hidden
// spam field are refused with plain words. Every page and state passes axe; at 320 px wide
// nothing scrolls sideways and the list carries the leaves.
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, httpErrorLogged, test, waitForIslands } from './support.ts';
import { signIn } from './support-panel.ts';
import { fitsScreen } from './support-panel-pages.ts';

const OFFICER = 'officer@example.org';
const tag = () => Date.now().toString(36);

async function openTree(page: Page) {
  await page.goto('/tree/');
  await expect(page.locator('#tree-leaves li').first()).toBeVisible();
}

test('a leaf added without signing in waits for an officer, who approves it, and it appears on the tree', async ({ page }) => {
  test.setTimeout(90_000);
  const what = `Young carers chose the new youth worker ${tag()}`;
  await openTree(page);
  await expect(page.locator('#tree-leaves')).toContainText('The dementia bus came to the co-production festival');
  await expect(page.locator('#tree-leaves')).toContainText('From someone who did not give their name');
  const before = await page.locator('#tree-leaves li').count();
  await expect(page.locator('#tree-picture svg ellipse')).toHaveCount(before);
  await expect(page.locator('#tree-picture svg')).toHaveAttribute('aria-hidden', 'true');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Add a leaf', exact: true }).click();
  await expect(page).toHaveURL(/\/tree\/add\/$/);
  await waitForIslands(page);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Send your leaf' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('Please answer this question.');
  await expect(summary).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByLabel('What was it?').fill(what);
  await page.getByLabel('Who was involved? (optional)').fill('Young carers and the youth service');
  await page.getByLabel('What changed because of it?').fill('The new youth worker knows what young carers need.');
  await page.getByLabel('Your first name (optional)').fill('Priya');
  await page.getByRole('button', { name: 'Send your leaf' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your leaf has been sent');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expectNoAxeViolations(page);

  await openTree(page);
  await expect(page.locator('#tree-leaves')).not.toContainText(what);

  await signIn(page, OFFICER, '/moderation/?kind=tree');
  await waitForIslands(page);
  const item = page.getByTestId('queue-item').filter({ hasText: what });
  await expect(item).toContainText('Who was involved: Young carers and the youth service');
  await expect(item).toContainText('From: Priya');
  await expectNoAxeViolations(page);
  await item.getByRole('button', { name: /^Approve/ }).click();
  const status = page.getByTestId('moderation-status');
  await expect(status).toHaveText(`Approved: ${what}`);
  await expect(status).toBeFocused();
  await expect(page.getByTestId('queue-item').filter({ hasText: what })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await openTree(page);
  await expect(page.locator('#tree-leaves')).toContainText(what);
  await expect(page.locator('#tree-leaves')).toContainText('From Priya');
  await expect(page.locator('#tree-picture svg ellipse')).toHaveCount(before + 1);
});

test('a leaf in easy read: one question a page, pictures, check and send', async ({ page }) => {
  test.setTimeout(60_000);
  const what = `We made the bus timetable easy to read ${tag()}`;
  await page.goto('/tree/');
  await page.getByRole('button', { name: 'Add a leaf in easy read' }).click();
  await waitForIslands(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What did you do together?');
  await expect(page.locator('.wt-easy-read__icon svg')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Please write something here.');
  await expectNoAxeViolations(page);
  await page.getByRole('textbox', { name: 'What did you do together?' }).fill(what);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who did it with you?');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.getByRole('button', { name: 'Next' }).click(); // optional: left empty
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is better now?');
  await page.getByRole('textbox', { name: 'What is better now?' }).fill('More people catch the bus.');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is your first name?');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your leaf');
  await expect(page.locator('.govuk-summary-list')).toContainText(what);
  await expect(page.locator('.govuk-summary-list')).toContainText('No name');
  await expectNoAxeViolations(page);
  // Change an answer from the check page.
  await page.getByRole('link', { name: 'Change who did it' }).click();
  await page.getByRole('textbox', { name: 'Who did it with you?' }).fill('Bus users and the council');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('.govuk-summary-list')).toContainText('Bus users and the council');
  await page.getByRole('button', { name: 'Send my leaf' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your leaf');
  await expectNoAxeViolations(page);
});

test.describe('spam and bad input', () => {
  test.use({ allowedConsoleErrors: [httpErrorLogged(400)] });

  test('the hidden field filled in, or a web address, is refused in plain words and nothing is sent', async ({ page }) => {
    await page.goto('/tree/add/');
    await waitForIslands(page);
    // People never see the hidden field: it is off screen and out of the tab order.
    await expect(page.locator('#leaf-website')).toHaveAttribute('tabindex', '-1');
    await expect(page.locator('.wt-honeypot')).toHaveAttribute('aria-hidden', 'true');
    await expect(page.locator('.wt-honeypot')).toHaveClass(/govuk-visually-hidden/);
    await page.getByLabel('What was it?').fill('Cheap pills');
    await page.getByLabel('What changed because of it?').fill('Buy now');
    await page.locator('#leaf-website').fill('http://spam.example', { force: true });
    await page.getByRole('button', { name: 'Send your leaf' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('We could not take this leaf.');
    await expectNoAxeViolations(page);

    await page.locator('#leaf-website').fill('', { force: true });
    await page.getByLabel('What changed because of it?').fill('See https://spam.example');
    await page.getByRole('button', { name: 'Send your leaf' }).click();
    await expect(page.locator('#leaf-what_changed-error')).toContainText('Please take out the web address.');
    await expect(page.getByTestId('leaf-sent')).toHaveCount(0);
  });
});

test.describe('an officer in the queue', () => {
  test.use({ allowedConsoleErrors: [httpErrorLogged(400)] });

  test('returns a leaf only with a note, hides one with a reason and restores it', async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, OFFICER, '/moderation/?kind=tree&status=waiting');
    await waitForIslands(page);
    const item = page.getByTestId('queue-item').filter({ hasText: 'Carers helped write the letter about respite breaks' });
    await item.getByRole('button', { name: /^Return with the note/ }).click();
    await expect(item.locator('.govuk-error-message')).toContainText('Say what needs to change before returning it.');
    await expectNoAxeViolations(page);
    await item.getByRole('textbox').fill('An advert for a private company.');
    await item.getByRole('button', { name: /^Hide with the reason/ }).click();
    await expect(page.getByTestId('moderation-status')).toContainText('Hidden: Carers helped write the letter');

    await page.getByLabel('Status').selectOption('hidden');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/status=hidden/);
    const hidden = page.getByTestId('queue-item').filter({ hasText: 'Carers helped write the letter' });
    await expect(hidden).toContainText('Reason for hiding: An advert for a private company.');
    await expectNoAxeViolations(page);
    await hidden.getByRole('button', { name: /^Restore/ }).click();
    await expect(page.getByTestId('moderation-status')).toContainText('Restored');
    await expect(page.getByTestId('queue-item').filter({ hasText: 'Carers helped write the letter' })).toHaveCount(0);
  });
});

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the tree shows its leaves as the list, and no page scrolls sideways', async ({ page }) => {
    await openTree(page);
    await expect(page.locator('#tree-picture')).toBeHidden();
    await expect(page.locator('#tree-leaves li').first()).toBeVisible();
    await fitsScreen(page);
    await expectNoAxeViolations(page);
    for (const path of ['/tree/add/', '/tree/easy-read/']) {
      await page.goto(path);
      await waitForIslands(page);
      await fitsScreen(page);
      await expectNoAxeViolations(page);
    }
    await signIn(page, OFFICER, '/moderation/?kind=tree');
    await waitForIslands(page);
    await expect(page.getByTestId('queue-item').first()).toBeVisible();
    await fitsScreen(page);
    await expectNoAxeViolations(page);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the tree page explains itself and says how else to add a leaf', async ({ page }) => {
    await page.goto('/tree/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Co-production Tree');
    // (Playwright leaves <noscript> out of an ancestor's text, so look for the paragraph itself.)
    await expect(page.locator('#tree-leaves p', { hasText: 'The leaves need JavaScript to show.' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'contact the co-production team' })).toBeVisible();
    await page.goto('/tree/add/');
    await expect(page.locator('main p', { hasText: 'Adding a leaf online needs JavaScript.' })).toBeVisible();
    // (axe runs as a script, so these pages get their axe check in the tests above, with JavaScript.)
  });
});
