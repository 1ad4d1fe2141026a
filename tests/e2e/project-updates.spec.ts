// A project lead's monthly update, from the form to the project page: the lead writes it (the
// "you said" rule refused by its field), saves a draft, checks and sends it; an officer returns
// it with a note, which reaches the lead by email and on the form; the lead changes it and sends
// it again; the officer approves it, the lead is emailed, and it shows on the project's page
// (added by the page's script, since the site was built before it was approved). Every page and
// state passes axe (WCAG 2.2 AA).
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, waitForIslands } from './support.ts';
import { waitForMail } from './support-mail.ts';
import { signIn } from './support-panel.ts';

const LEAD = 'lead@example.org';
const PROJECT = "Foster Carers' Review";
const TITLE = `Carers tested the new leaflet ${Date.now().toString(36)}`;

async function officerPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'officer@example.org', '/projects/officer/');
  await waitForIslands(page);
  return page;
}

test('a lead sends an update, an officer returns it with a note, the lead sends it again, and once approved it is on the project page', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  // The lead finds their projects on their account page.
  await signIn(page, LEAD, '/account/');
  await waitForIslands(page);
  await expect(page.getByRole('heading', { name: 'Projects you lead' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'See all your project updates' }).click();
  await waitForIslands(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your project updates');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: `Write an update for ${PROJECT}` }).click();
  await waitForIslands(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Write a project update');
  await expectNoAxeViolations(page);

  // The "you said" rule of the content check, refused by its field before anything is sent.
  await page.getByLabel('Title').fill(TITLE);
  await page.getByLabel('You said').fill('We asked carers what they thought.');
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('"You said" is for what people told you');
  await summary.getByRole('link').click();
  await expect(page.getByLabel('You said')).toBeFocused();
  await expectNoAxeViolations(page);

  await page.getByLabel('You said').fill('Carers said the leaflet used too many hard words.');
  await page.getByLabel('We did').fill('We rewrote it in plain English with them.');
  await page.getByLabel('What happened this month').fill('Eight carers read the draft leaflet.');
  await page.getByLabel('What happens next').fill('The leaflet goes to print in the new year.');
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await expect(page.getByRole('status')).toContainText('Draft saved at');
  await expect(page).toHaveURL(/\/projects\/update\/\?project=foster-carers-review&id=/);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your update before sending it');
  await expect(page.locator('.govuk-summary-list')).toContainText('Eight carers read the draft leaflet.');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Send for approval' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Update sent');
  await expectNoAxeViolations(page);

  // The officer returns it with a note.
  const officer = await officerPage(browser);
  const card = officer.locator('details', { hasText: TITLE });
  await expect(card).toContainText('Waiting for an officer');
  await expectNoAxeViolations(officer);
  await card.getByRole('button', { name: 'Return to the lead' }).click();
  await expect(card.locator('.govuk-error-summary')).toContainText('Write a note saying what the lead should change.');
  await card.getByLabel('Note to the lead').fill('Please say how many carers came.');
  await card.getByRole('button', { name: 'Return to the lead' }).click();
  await expect(card).toContainText('Returned to you');
  await expect(officer.locator('section', { hasText: 'Returned to their leads' }).locator('details', { hasText: TITLE })).toBeVisible();
  await expectNoAxeViolations(officer);

  // The lead reads the note in the email and on the form, changes the update and sends it again.
  const returned = await waitForMail(LEAD, `Your update for ${PROJECT} needs a change`);
  expect(returned.text).toContain('Please say how many carers came.');
  await page.goto(new URL(returned.link).pathname + new URL(returned.link).search);
  await waitForIslands(page);
  await expect(page.locator('.govuk-notification-banner')).toContainText('Please say how many carers came.');
  await expectNoAxeViolations(page);
  await page.getByLabel('What happened this month').fill('Eight carers came and read the draft leaflet.');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Send for approval' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Update sent');

  // The officer approves it; the lead is told.
  await officer.reload();
  await waitForIslands(officer);
  const again = officer.locator('section', { hasText: 'Waiting for you' }).locator('details', { hasText: TITLE });
  await again.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(officer.locator('section', { hasText: 'Published' }).locator('details', { hasText: TITLE })).toContainText('Published');
  await expectNoAxeViolations(officer);
  await waitForMail(LEAD, `Your update for ${PROJECT} is published`);

  // Anyone reading the project page sees it, in the same shape as the Markdown updates.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto('/projects/foster-carers-review/');
  const item = reader.locator('.wt-timeline__item', { hasText: TITLE });
  await expect(item).toContainText('Eight carers came and read the draft leaflet.');
  await expect(item).toContainText('You said Carers said the leaflet used too many hard words.');
  await expect(item).toContainText('What happens next: The leaflet goes to print in the new year.');
  await expect(reader.locator('.wt-timeline__item').first()).toContainText(TITLE);
  await expectNoAxeViolations(reader);
});

test("someone who leads no project is told so, and cannot open a project's form", async ({ page }) => {
  await signIn(page, 'resident@example.org', '/projects/update/');
  await waitForIslands(page);
  await expect(page.locator('main')).toContainText('You are not named as the lead of any project.');
  await expectNoAxeViolations(page);
  await page.goto('/projects/update/?project=foster-carers-review');
  await waitForIslands(page);
  await expect(page.locator('main')).toContainText('Only the leads of this project can write its updates.');
  await expectNoAxeViolations(page);
});

// The build read the seeded approved update (supabase/seeds/project-updates.sql) from the
// database: it is in the static HTML and the feed, with no script needed. (axe needs JavaScript,
// so this page's axe check is the one above, with the script running.)
test('an update approved before the build is in the static page and the feed, without JavaScript', async ({ browser, request }) => {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto('/projects/adults-strategy/');
  const item = page.locator('.wt-timeline__item', { hasText: 'The reference group read the second draft' });
  await expect(item).toContainText('You said Members said it was clearer');
  await expect(item).toContainText('What happens next: The group will check the final draft');
  await expect(page.locator('.wt-timeline__item').first()).toContainText('The reference group read the second draft');
  const feed = await (await request.get('/projects/feed.xml')).text();
  expect(feed).toContain('Adults Strategy: The reference group read the second draft');
});
