// Every panel page, for every role, in each state the journeys reach, passes axe (WCAG 2.2 AA).
// Seeded rounds are only looked at here (other specs move them on); states that need changes
// use a round of this spec's own, under a fund of its own.
import type { Page } from '@playwright/test';
import { expect, test } from './support.ts';
import { signIn } from './support-panel.ts';
import { checkPage, checkPrintView, fillDateInput, linksByStatus, rpc, settled } from './support-panel-pages.ts';

const INNOVATION = '00000000-0000-4000-9000-000000000101'; // scoring
const SUSTAINABILITY = '00000000-0000-4000-9000-000000000102'; // panel day
const YOUTH = '00000000-0000-4000-9000-000000000103'; // decided by the Cabinet

/** Visits each link, checks it, and then each "score" link found on it. */
async function checkApplications(page: Page, links: string[]) {
  for (const href of links) {
    await checkPage(page, href);
    const score = page.getByRole('link', { name: /Score this application|See your scores/ });
    if (await score.count()) {
      await checkPrintView(page); // the pack's print view
      await score.click();
      await checkPage(page);
    }
  }
}

test('a community member: rounds, the applications in every status, packs and scoring forms', async ({ page }) => {
  await signIn(page, 'member@example.org');
  await checkPage(page);
  await checkPage(page, `/panel/round/?id=${INNOVATION}`);
  await expect(page.locator('table tbody tr').first()).toBeVisible();
  await checkApplications(page, await linksByStatus(page));

  // The scoring form with questions left unanswered: the error summary.
  await page.goto(`/panel/round/?id=${INNOVATION}`);
  await expect(page.locator('table tbody tr').first()).toBeVisible();
  // One with questions still to score (3 of 5), so checking finds them missing.
  await page
    .getByRole('row')
    .filter({ hasText: /In progress\s*[0-4] of/ })
    .first()
    .getByRole('link')
    .click();
  await page.getByRole('link', { name: 'Score this application' }).click();
  await settled(page);
  await page.getByRole('button', { name: 'Check and submit' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  // Each question's error is read out with it (the GOV.UK pattern), not only in the summary.
  const question = page.locator('.govuk-form-group--error > fieldset').first();
  const errorId = (await question.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-error'))!;
  await expect(page.locator(`[id="${errorId}"]`)).toContainText('Choose a score for');
  await checkPage(page);
});

test('a member who has not yet accepted the agreement sees it, and its error', async ({ page }) => {
  await signIn(page, 'member2@example.org', `/panel/round/?id=${INNOVATION}`);
  await checkPage(page);
  await page.getByRole('button', { name: /Accept and see the applications/ }).click();
  await expect(page.getByRole('alert')).toContainText('Tick the box');
  await checkPage(page);
});

test.describe('refused pages', () => {
  // The database refuses each of these; Chromium logs the refusal the page then explains.
  test.use({ allowedConsoleErrors: [/status of (403|404|409) /] });

  test('a member opening what they may not see gets a plain refusal that passes axe', async ({ page }) => {
    await signIn(page, 'member@example.org');
    for (const url of [
      `/panel/round/?id=${SUSTAINABILITY}`,
      `/panel/panel-day/?round=${INNOVATION}`,
      `/panel/report/?round=${SUSTAINABILITY}`,
      `/panel/officer/?id=${INNOVATION}`,
      `/panel/review/?round=${YOUTH}`,
      '/panel/setup/',
      '/panel/audit/',
    ]) {
      await page.goto(url);
      await expect(page.getByRole('alert')).toBeVisible();
      await checkPage(page);
    }
  });

  test('an application opened before accepting the agreement is refused', async ({ page, browser }) => {
    await signIn(page, 'member@example.org', `/panel/round/?id=${INNOVATION}`);
    const href = (await page.locator('table tbody a').first().getAttribute('href'))!;
    const context = await browser.newContext();
    const newcomer = await context.newPage();
    await signIn(newcomer, 'member2@example.org', href);
    await expect(newcomer.getByRole('alert')).toBeVisible();
    await checkPage(newcomer);
    await context.close();
  });
});

test('the chair: progress board, results, the recommendation form with its errors, and the report and its print view', async ({ page }) => {
  await signIn(page, 'chair@example.org');
  await checkPage(page);
  await checkPage(page, `/panel/panel-day/?round=${INNOVATION}`);
  await expect(page.getByTestId('progress-board')).toBeVisible();
  await checkPage(page, `/panel/round/?id=${INNOVATION}`);

  await checkPage(page, `/panel/panel-day/?round=${SUSTAINABILITY}`);
  await page
    .getByTestId('results-table')
    .getByRole('button', { name: /the recommendation for/ })
    .first()
    .click();
  const form = page.getByRole('form', { name: /Recommendation for/ });
  await checkPage(page);
  await form.getByLabel('Award', { exact: true }).check();
  await form.getByRole('button', { name: 'Save the recommendation' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await checkPage(page);

  await checkPage(page, `/panel/report/?round=${SUSTAINABILITY}`);
  await expect(page.getByTestId('report-page').getByRole('heading', { level: 1 })).toBeVisible();
  await checkPrintView(page);
});

test('a reviewing councillor: their rounds and the decided round’s recommendations', async ({ page }) => {
  await signIn(page, 'councillor@example.org');
  await checkPage(page);
  await checkPage(page, `/panel/review/?round=${YOUTH}`);
  await expect(page.getByRole('list', { name: 'Where this round is' })).toBeVisible();
  await checkPage(page, `/panel/round/?id=${INNOVATION}`);
});

test('scrutiny: no rounds, the audit trail, the chain check and a filter error', async ({ page }) => {
  await signIn(page, 'scrutiny@example.org');
  await checkPage(page);
  await checkPage(page, '/panel/audit/');
  await page.getByRole('button', { name: 'Check the trail' }).click();
  await expect(page.getByTestId('chain-check')).toContainText('Intact');
  await checkPage(page);
  await fillDateInput(page, 'From', '2030-01-02');
  await fillDateInput(page, 'To', '2030-01-01');
  await page.getByRole('button', { name: 'Show entries' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await checkPage(page);
});

test('the sign-in page after a session ended', async ({ page }) => {
  await checkPage(page, '/sign-in/?next=%2Fpanel%2F&reason=expired');
  await expect(page.getByText(/signed out/i)).toBeVisible();
});

test('an officer: every round at its stage, a new round being set up, the set-up page and its errors', async ({ page }) => {
  await signIn(page, 'officer@example.org');
  await checkPage(page);
  for (const id of [INNOVATION, SUSTAINABILITY, YOUTH]) await checkPage(page, `/panel/officer/?id=${id}`);
  await checkPage(page, `/panel/report/?round=${YOUTH}`);
  await checkPrintView(page);

  // A round of this spec's own, under its own fund, so no other spec sees it.
  const tag = Date.now().toString(36);
  const fund = await rpc<{ id: string }>(page, 'create_fund', { p_slug: `axe-${tag}`, p_name: `Checks fund ${tag}`, p_budget: 1000 });
  const round = await rpc<{ id: string }>(page, 'create_round', {
    p_fund_id: fund.id,
    p_title: `Checks round ${tag}`,
    p_reference_prefix: `AX${tag.slice(-3).toUpperCase()}`,
  });
  await rpc(page, 'add_criterion', {
    p_round_id: round.id,
    p_title: 'Who it is for',
    p_weight: 1,
    p_maximum: 1,
    p_descriptors: ['Not clear', 'Clear'],
  });
  await rpc(page, 'add_application', {
    p_round_id: round.id,
    p_application: {
      organisation_name: 'Checks group',
      organisation_type: 'community group',
      contact: { name: 'Ann Lee', email: 'ann@example.org' },
      project_title: 'A checked project',
      description: 'Something useful.',
      amount_requested: 500,
    },
  });
  await checkPage(page, `/panel/officer/?id=${round.id}`);
  await page.getByRole('button', { name: /Write the summary for A checked project/ }).click();
  await page.getByRole('button', { name: 'Save the summary' }).click();
  await expect(page.getByText('Write the summary before saving.')).toBeVisible();
  await checkPage(page);
  await page.getByRole('button', { name: 'Add the question' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await checkPage(page);

  await checkPage(page, '/panel/setup/');
  await page.getByRole('button', { name: 'Create the round' }).click();
  await page.getByRole('button', { name: 'Create the fund' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await checkPage(page);
  await checkPage(page, '/panel/audit/');
});
