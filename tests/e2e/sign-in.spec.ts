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

test('a press before the page has finished loading is never lost', async ({ page }) => {
  // Hold the sign-in island's script back, as a slow phone would: the buttons in the page's HTML
  // wait, disabled, rather than ignore a press; once it has loaded, the same press works.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_astro/SignIn.*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/sign-in/?next=/status/');
  const instead = page.getByRole('button', { name: 'Sign in with a password instead' });
  await expect(instead).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Email me a code' })).toBeDisabled();
  await expectNoAxeViolations(page);
  release();
  await instead.click();
  await expect(page.getByLabel('Password')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\/\?next=\/status\/$/);
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
  // End on a settled page, as the password test does: ending the moment the address changed
  // closed the page while /status/ was still loading and its island was still asking the API
  // who is signed in, the one thing this test did differently when its teardown stalled.
  await expect(page.getByTestId('service-status')).toContainText('signed in (authenticated)');
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
