// A community member on the Innovation Fund panel, from the seed data: accepts the agreement,
// declares a conflict on one application, scores another with the keyboard only, loses the
// network mid-autosave and still submits with nothing lost. Another member never sees those scores.
import { API, SITE, expect, expectNoAxeViolations, test } from './support.ts';
import { signIn } from './support-panel.ts';

// Chromium logs each request that fails while offline; the page handles them on purpose.
// One pattern: Playwright reads a two-item array here as [value, options].
test.use({ allowedConsoleErrors: [/ERR_INTERNET_DISCONNECTED|status of 401 /] });

test.describe.serial('a community member scoring', () => {
  const chosen = [3, 2, 4, 1, 2];

  test('accepts the agreement and declares a conflict', async ({ page }) => {
    await signIn(page, 'member2@example.org');
    await expect(page.getByText('0 of 12 scored')).toBeVisible();
    await page.getByRole('link', { name: /Read and accept the confidentiality agreement/ }).click();
    await page.getByRole('button', { name: /Accept and see the applications/ }).click();
    await expect(page.getByRole('alert')).toContainText('Tick the box to say you agree');
    await expectNoAxeViolations(page);
    await page.getByLabel(/I have read this and I agree/).check();
    await page.getByRole('button', { name: /Accept and see the applications/ }).click();
    await expect(page.getByTestId('round-progress')).toHaveText('0 of 12 scored');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'A Saturday memory café' }).click();
    await page.getByLabel('Yes, I have a conflict').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert')).toContainText('Say briefly why you have a conflict of interest');
    await page.getByLabel('Why do you have a conflict?').fill('My mother goes to this café every week.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('You declared a conflict of interest with this application')).toBeVisible();
    await expectNoAxeViolations(page);
    await expect(page.getByRole('link', { name: 'Score this application' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Back to the applications' }).click();
    await expect(page.getByTestId('round-progress')).toHaveText('0 of 11 scored, 1 with a conflict declared');
  });

  test('scores with the keyboard only, keeps working through a network drop, and submits', async ({ page, context }) => {
    await signIn(page, 'member2@example.org', '/panel/');
    await page.getByRole('link', { name: /Score applications/ }).click();
    await page.getByRole('link', { name: 'Tools and tea: a shed open to everyone' }).click();
    await page.getByLabel('No, I do not have a conflict').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'In short' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Score this application' }).click();
    await expect(page.getByTestId('criteria-progress')).toHaveText('0 of 5 questions scored.');
    await expectNoAxeViolations(page);

    // From here on, only the keyboard: Tab into each question, arrow keys to choose, type a comment.
    await page.getByRole('button', { name: 'Sign out' }).focus();
    for (const [i, score] of chosen.entries()) {
      if (i === 2) await context.setOffline(true);
      await page.keyboard.press('Tab');
      if (score === 0) await page.keyboard.press('Space');
      for (let n = 0; n < score; n++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.keyboard.type(`Comment ${i + 1}`);
      if (i === 2) {
        await expect(page.getByTestId('save-status')).toContainText('there is no connection');
        await context.setOffline(false);
        await expect(page.getByTestId('save-status')).toContainText('Draft saved');
      }
    }
    await expect(page.getByTestId('criteria-progress')).toHaveText('5 of 5 questions scored.');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Check and submit' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Check your scores' })).toBeVisible();
    await expectNoAxeViolations(page);
    for (const [i, score] of chosen.entries())
      await expect(page.locator('.govuk-summary-list__value').nth(i)).toContainText(`${score} out of 4`);
    await page.getByRole('button', { name: 'Submit my scores' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Your scores are submitted.')).toBeVisible();
    await expectNoAxeViolations(page);

    // Nothing lost: what the server has is what was typed, comments included.
    await page.reload();
    for (const [i, score] of chosen.entries()) {
      await expect(page.locator('.govuk-summary-list__value').nth(i)).toContainText(`${score} out of 4`);
      await expect(page.locator('.govuk-summary-list__value').nth(i)).toContainText(`Comment ${i + 1}`);
    }
    await page.getByRole('link', { name: 'Back to the list of applications' }).click();
    await expect(page.getByTestId('round-progress')).toHaveText('1 of 11 scored, 1 with a conflict declared');
  });

  test('a second member sees only their own scores before scoring closes', async ({ page, consoleErrors }) => {
    await signIn(page, 'member@example.org');
    const roundLink = page.getByRole('link', { name: /Score applications|Open this round/ }).first();
    await roundLink.click();
    await page.getByRole('link', { name: 'Tools and tea: a shed open to everyone' }).click();
    const no = page.getByLabel('No, I do not have a conflict');
    if (await no.isVisible()) {
      await no.check();
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    await page.getByRole('link', { name: /Score this application|See your scores/ }).click();
    await expect(page.getByTestId('score-form')).toBeVisible();
    await expect(page.getByText(/Comment [1-5]/)).toHaveCount(0);
    // And the API refuses the results to a member while the round is being scored.
    const refused = await page.evaluate(async (api) => {
      const key = Object.keys(localStorage).find((k) => k.endsWith('-auth-token'))!;
      const token = JSON.parse(localStorage.getItem(key)!).access_token as string;
      const round = new URLSearchParams(location.search).get('round');
      const response = await fetch(`${api}/rest/v1/rpc/round_results`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, apikey: token },
        body: JSON.stringify({ p_round_id: round }),
      });
      return { status: response.status, body: await response.json() };
    }, API);
    // Refused because scoring has not closed (the database's own rule, not the screen's).
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/scor/i);
    // Chromium logs the refused request; here the refusal is the point.
    expect(consoleErrors).toEqual([expect.stringContaining('409')]);
    consoleErrors.length = 0;
  });

  test('asks to change submitted scores; the chair reopens them', async ({ page, browser }) => {
    await signIn(page, 'member2@example.org', '/panel/');
    await page.getByRole('link', { name: /Score applications/ }).click();
    await page.getByRole('link', { name: 'Tools and tea: a shed open to everyone' }).click();
    await page.getByRole('link', { name: 'See your scores' }).click();
    await page.getByRole('button', { name: 'Ask to change my scores' }).click();
    await expect(page.getByText('Say why you want to change your scores')).toBeVisible();
    await page.getByLabel('Why do you want to change them?').fill('I misread the budget.');
    await page.getByRole('button', { name: 'Ask to change my scores' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'You have asked to change these scores' })).toBeVisible();

    const chair = await browser.newPage();
    await signIn(chair, 'chair@example.org');
    await chair.getByRole('link', { name: /Panel day: progress and results for Innovation Fund/ }).click();
    const reopen = chair.getByRole('button', { name: "Reopen Lucy Brennan's scores for INN26-001" });
    await reopen.click();
    await expect(reopen).toHaveCount(0);
    await chair.close();

    await page.reload();
    await expect(page.getByRole('heading', { name: /^Score:/ })).toBeVisible();
    await expect(page.getByTestId('criteria-progress')).toHaveText('5 of 5 questions scored.');
  });

  test('when the session ends mid-scoring, signing in again brings the member back with nothing lost', async ({ page }) => {
    await signIn(page, 'member2@example.org', '/panel/');
    await page.getByRole('link', { name: /Score applications/ }).click();
    await page.getByRole('link', { name: 'Adapted bikes for weekly rides' }).click();
    await page.getByLabel('No, I do not have a conflict').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('link', { name: 'Score this application' }).click();
    await expect(page.getByTestId('criteria-progress')).toHaveText('0 of 5 questions scored.');
    const scorePage = page.url();

    // The session ends (as if it expired): the next save is refused and the member is sent to sign in.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.endsWith('-auth-token')) localStorage.removeItem(key);
    });
    await page.locator('.govuk-radios__input').nth(2).check();
    await page
      .getByRole('textbox', { name: /Your comment on/ })
      .first()
      .fill('Typed just before the session ended.');
    await expect(page).toHaveURL(/\/sign-in\/\?next=.*reason=expired/);
    await expect(page.getByText(/signed out/i)).toBeVisible();

    await page.getByRole('button', { name: 'Sign in with a password instead' }).click();
    await page.getByLabel('Email address').fill('member2@example.org');
    await page.getByLabel('Password').fill('working-together-demo');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(scorePage.replace(/^https?:\/\/[^/]+/, SITE));
    await expect(page.locator('.govuk-radios__input').nth(2)).toBeChecked();
    await expect(page.getByRole('textbox', { name: /Your comment on/ }).first()).toHaveValue('Typed just before the session ended.');
    await expect(page.getByTestId('save-status')).toContainText('Draft saved');
  });
});
