// The way in: "Sign in" in every page's header (without JavaScript too), and once signed in
// "Your account" (their grants panels, project ideas and votes) and "Sign out".
import type { Page } from '@playwright/test';
import { signIn } from './support-panel.ts';
import { signInNewPerson, tokenOf } from './support-rounds.ts';
import { expect, expectNoAxeViolations, test, waitForIslands } from './support.ts';

const header = (page: Page) => page.getByRole('navigation', { name: 'Main menu' });

test('a signed-out visitor finds "Sign in" in the header, which leads to their account', async ({ page }) => {
  await page.goto('/');
  await expect(header(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(header(page).getByRole('link', { name: 'Your account' })).toBeHidden();
  await expect(header(page).getByRole('link', { name: 'Sign out' })).toBeHidden();
  await expectNoAxeViolations(page);

  await header(page).getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/sign-in\/\?next=%2Faccount%2F$/);
  await waitForIslands(page);
  await page.getByRole('button', { name: 'Sign in with a password instead' }).click();
  await page.getByLabel('Email address').fill('resident@example.org');
  await page.getByLabel('Password').fill('working-together-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/account\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(header(page).getByRole('link', { name: 'Your account' })).toHaveAttribute('aria-current', 'true');
  await expect(header(page).getByRole('link', { name: 'Sign in' })).toBeHidden();
});

test('the header works without JavaScript: "Sign in" is a plain link', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/projects/');
  const link = header(page).getByRole('link', { name: 'Sign in' });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', '/sign-in/?next=%2Faccount%2F');
  await expect(header(page).getByRole('link', { name: 'Your account' })).toBeHidden();
  await page.goto('/account/');
  // (Chromium shows <noscript> only when scripting is off from the start, so its words are read from the page.)
  expect(await page.locator('main noscript').textContent()).toContain('Your account needs JavaScript');
  await context.close();
});

test('a resident sees their project ideas and the vote that is open, each with its link', async ({ page }) => {
  await signIn(page, 'resident@example.org', '/account/');
  const account = page.getByTestId('account');
  await expect(account).toHaveAttribute('aria-busy', 'false');
  await expect(account).toContainText('You are not on any grants panel.');
  await expect(account.getByText('You have suggested 2 projects.')).toBeVisible();
  await expect(account.getByRole('link', { name: 'See your ideas and what happened to them' })).toHaveAttribute(
    'href',
    '/budgeting/my-proposals/',
  );
  const vote = account.getByRole('listitem').filter({ hasText: 'Community Chest 2027' });
  await expect(vote).toContainText('voting is open. You have not voted yet.');
  await expect(vote.getByRole('link', { name: 'Community Chest 2027' })).toHaveAttribute('href', '/budgeting/vote/?p=community-chest-2027');
  await expectNoAxeViolations(page);
});

test('a panel member sees their grant rounds, linking to the panel', async ({ page }) => {
  await signIn(page, 'member@example.org', '/account/');
  const account = page.getByTestId('account');
  await expect(account).toHaveAttribute('aria-busy', 'false');
  const round = account.getByRole('listitem').filter({ hasText: 'Innovation Fund' }).first();
  await expect(round).toContainText('Your part: panel member');
  await expect(round.getByRole('link')).toHaveAttribute('href', /^\/panel\/round\/\?id=[0-9a-f-]{36}$/);
  await expect(account.getByRole('link', { name: 'Go to your grant rounds' })).toHaveAttribute('href', '/panel/');
  await expectNoAxeViolations(page);
});

test('someone who has voted sees the vote, linking back to it; "Sign out" in the header signs them out', async ({ page, browser }) => {
  // Any signed-in token will do as the key for making a new account (support-rounds.ts).
  const other = await browser.newPage();
  await signIn(other, 'resident@example.org', '/account/');
  const key = await tokenOf(other);
  await other.close();
  const voter = await signInNewPerson(page, 'account.voter@example.org', key);
  const processes = (await voter.rpc<{ id: string; slug: string }[]>('pb_processes')).body;
  const chest = processes.find((p) => p.slug === 'community-chest-2027')!;
  expect((await voter.rpc('pb_declare_postcode', { p_process_id: chest.id, p_postcode: 'OX1 1AA' })).status).toBe(200);
  const shortlist = (await voter.rpc<{ proposals: { id: string; checked_cost: number }[] }>('pb_shortlist', { p_process_id: chest.id }))
    .body;
  const cheapest = [...shortlist.proposals].sort((a, b) => a.checked_cost - b.checked_cost)[0]!;
  expect((await voter.rpc('pb_cast_ballot', { p_process_id: chest.id, p_proposal_ids: [cheapest.id] })).status).toBe(200);

  await page.goto('/account/');
  const account = page.getByTestId('account');
  await expect(account).toHaveAttribute('aria-busy', 'false');
  await expect(account).toContainText('You have not suggested a project.');
  const vote = account.getByRole('listitem').filter({ hasText: 'Community Chest 2027' });
  await expect(vote).toContainText('you have voted. You can change your vote until voting closes.');
  await expect(vote.getByRole('link')).toHaveAttribute('href', '/budgeting/vote/?p=community-chest-2027');
  await expectNoAxeViolations(page);

  await header(page).getByRole('link', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(header(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(header(page).getByRole('link', { name: 'Your account' })).toBeHidden();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith('-auth-token')))).toEqual([]);
});
