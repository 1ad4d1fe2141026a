import { API, SITE, expect, expectNoAxeViolations, httpErrorLogged, test, waitForIslands } from './support.ts';

const MAILBOX = `${API}/mailbox.json`;

async function latestCode(email: string): Promise<string> {
  const messages = (await (await fetch(MAILBOX)).json()) as { to: string; code: string }[];
  return messages.find((m) => m.to === email && m.code)?.code ?? ''; // notifications carry no code
}

test('signing in with a password, then landing where the person was going', async ({ page }) => {
  await page.goto('/sign-in/?next=/status/');
  await waitForIslands(page);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Sign in with a password instead' }).click();
  await page.getByLabel('Email address').fill('resident@example.org');
  await page.getByLabel('Password').fill('working-together-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/status\/$/);
  await expect(page.getByTestId('service-status')).toContainText('signed in (authenticated)');
});

test('signing in with an email code, by keyboard', async ({ page }) => {
  await page.goto('/sign-in/?next=/status/');
  await waitForIslands(page);
  await page.getByLabel('Email address').focus();
  await page.keyboard.type('resident@example.org');
  await page.keyboard.press('Enter');
  await expect(page.getByText('We sent a code to')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Code from the email').focus();
  await page.keyboard.type(await latestCode('resident@example.org'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/status\/$/);
});

test.describe('mistakes', () => {
  // The wrong password is refused by the API with a 400, which Chromium logs.
  test.use({ allowedConsoleErrors: [httpErrorLogged(400)] });

  test('get a plain message next to the field and in the summary', async ({ page }) => {
    await page.goto('/sign-in/');
    await waitForIslands(page);
    await page.getByLabel('Email address').fill('not-an-email');
    await page.getByRole('button', { name: 'Email me a code' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('Enter an email address in the right format');
    await expect(summary).toBeFocused();
    await expect(page.locator('#email-error')).toContainText('right format');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Sign in with a password instead' }).click();
    await page.getByLabel('Email address').fill('resident@example.org');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.locator('#password-error')).toContainText('The email address or password is wrong');
    await expect(page).toHaveURL(/\/sign-in\//);
  });
});

test('an unsafe next link cannot send someone to another site after signing in', async ({ page }) => {
  await page.goto('/sign-in/?next=//evil.example/');
  await waitForIslands(page);
  await page.getByRole('button', { name: 'Sign in with a password instead' }).click();
  await page.getByLabel('Email address').fill('resident@example.org');
  await page.getByLabel('Password').fill('working-together-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(`${SITE}/panel/`);
  // The resident is on no panel: the page says so and where to ask.
  await expect(page.getByText('You are not on any grants panel yet')).toBeVisible();
  await expectNoAxeViolations(page);
});
