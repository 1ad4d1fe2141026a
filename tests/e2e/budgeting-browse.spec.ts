// The public budgeting pages anyone can read without signing in: the live list of processes on
// /budgeting/, a process's page (its steps and dates, how to take part now), its ideas (filter,
// search, pages, all in the address) and one idea (status, reason, checked cost, merged). Seeded
// data: Community Chest 2027 is in voting with 13 public ideas; Didcot 2026 has results.
import { expect, expectNoAxeViolations, httpErrorLogged, test, waitForIslands } from './support.ts';
import { fitsScreen } from './support-panel-pages.ts';

const CHEST = 'community-chest-2027';

test('/budgeting/ lists the live processes, each linking to its page', async ({ page }) => {
  await page.goto('/budgeting/');
  const list = page.getByTestId('process-list');
  await expect(list.getByRole('link', { name: 'Community Chest 2027' })).toBeVisible();
  await expect(list).toContainText('Voting');
  await expect(list).toContainText('£280,000 for Oxfordshire');
  await expect(list.getByRole('link', { name: 'Didcot and Villages Community Budget 2026' })).toBeVisible();
  await expect(list.getByRole('link', { name: 'Bicester Ideas 2027' })).toBeVisible();
  await expectNoAxeViolations(page);
  await list.getByRole('link', { name: 'Community Chest 2027' }).click();
  await expect(page).toHaveURL(new RegExp(`/budgeting/process/\\?p=${CHEST}$`));
});

test('a process page shows its steps and dates and how to take part now', async ({ page }) => {
  await page.goto(`/budgeting/process/?p=${CHEST}`);
  await waitForIslands(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Community Chest 2027');
  await expect(page.locator('[aria-current="step"]')).toContainText('Voting');
  await expect(page.getByTestId('timeline').locator('li')).toHaveCount(5);
  await expect(page.getByRole('link', { name: 'Vote now' })).toHaveAttribute('href', `/budgeting/vote/?p=${CHEST}`);
  await expectNoAxeViolations(page);

  await page.goto('/budgeting/process/?p=bicester-ideas-2027');
  await waitForIslands(page);
  await expect(page.getByRole('link', { name: 'Suggest a project' })).toHaveAttribute('href', '/budgeting/propose/?p=bicester-ideas-2027');
  await expect(page.locator('[aria-current="step"]')).toContainText('Ideas');
  await expect(page.locator('[aria-current="step"]')).toContainText('16 November 2026 to 29 January 2027');

  await page.goto('/budgeting/process/?p=didcot-villages-2026');
  await waitForIslands(page);
  await expect(page.getByRole('link', { name: 'See the results' })).toHaveAttribute('href', '/budgeting/results/?p=didcot-villages-2026');
});

test.describe('addresses that lead nowhere', () => {
  test.use({ allowedConsoleErrors: [httpErrorLogged(404)] });
  test('say so plainly', async ({ page }) => {
    await page.goto('/budgeting/process/?p=no-such-process');
    await waitForIslands(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find that budgeting process');
    await expectNoAxeViolations(page);
    await page.goto('/budgeting/proposal/?id=00000000-0000-4000-a004-000000000113');
    await waitForIslands(page);
    // The seeded hidden idea is not there for the public.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find that idea');
  });
});

test('the ideas can be filtered, searched and paged, and the address keeps the filters', async ({ page }) => {
  await page.goto(`/budgeting/proposals/?p=${CHEST}`);
  await waitForIslands(page);
  await expect(page.getByTestId('proposal-count')).toContainText('13 ideas. Showing 1 to 10.');
  await expect(page.getByTestId('proposal-list').locator('li')).toHaveCount(10);
  await expect(page.getByTestId('proposal-list')).not.toContainText('Family fun day'); // hidden
  await expect(page.getByTestId('proposal-list')).not.toContainText('Repair café'); // merged
  await expectNoAxeViolations(page);

  await page.getByRole('navigation', { name: 'Pages of ideas' }).getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/page=2/);
  await waitForIslands(page);
  await expect(page.getByTestId('proposal-count')).toContainText('Showing 11 to 13.');
  await expect(page.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');

  await page.getByLabel('Status').selectOption({ label: 'Cannot be done' });
  await page.getByRole('button', { name: 'Show ideas' }).click();
  await waitForIslands(page);
  await expect(page).toHaveURL(/status=not_feasible/);
  await expect(page).not.toHaveURL(/page=/);
  await expect(page.getByTestId('proposal-count')).toHaveText('1 idea.');
  await expect(page.getByTestId('proposal-list')).toContainText('Footbridge over the A34');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Clear the filters' }).click();
  await waitForIslands(page);
  await page.getByLabel('Part of the area').selectOption({ label: 'Oxford Blackbird Leys' });
  await page.getByLabel('Kind of project').selectOption({ label: 'Getting around' });
  await page.getByRole('button', { name: 'Show ideas' }).click();
  await waitForIslands(page);
  await expect(page.getByTestId('proposal-list')).toContainText('Bike repair hub in Blackbird Leys');
  await expect(page.getByTestId('proposal-count')).toHaveText('1 idea.');
  const filtered = page.url();

  await page.getByLabel('Part of the area').selectOption({ label: 'All parts of the area' });
  await page.getByLabel('Kind of project').selectOption({ label: 'All kinds' });
  await page.getByLabel('Search the ideas').fill('swimming');
  await page.getByRole('button', { name: 'Show ideas' }).click();
  await waitForIslands(page);
  await expect(page).toHaveURL(/q=swimming/);
  await expect(page.getByTestId('proposal-list')).toContainText('Free swimming lessons for Year 6');
  await expect(page.getByLabel('Search the ideas')).toHaveValue('swimming');

  // Back returns to the filtered page, with its filters shown.
  await page.goBack();
  await waitForIslands(page);
  expect(page.url()).toBe(filtered);
  await expect(page.getByLabel('Part of the area')).toHaveValue(/.+/);
  await expect(page.getByTestId('proposal-list')).toContainText('Bike repair hub in Blackbird Leys');

  await page.getByLabel('Search the ideas').fill('xylophone orchestra');
  await page.getByRole('button', { name: 'Show ideas' }).click();
  await waitForIslands(page);
  await expect(page.getByTestId('proposal-count')).toHaveText('No ideas match.');
  await expectNoAxeViolations(page);
});

test('an idea shows its status, the reason and checked cost once checked, and what it was joined with', async ({ page }) => {
  await page.goto(`/budgeting/proposals/?p=${CHEST}&status=not_feasible`);
  await waitForIslands(page);
  await page.getByRole('link', { name: /Footbridge over the A34/ }).click();
  await waitForIslands(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Footbridge over the A34 at Abingdon');
  await expect(page.getByText('Cannot be done', { exact: true })).toBeVisible();
  await expect(page.getByTestId('status-reason')).toContainText('National Highways');
  await expectNoAxeViolations(page);

  await page.goto(`/budgeting/proposals/?p=${CHEST}&q=bike`);
  await waitForIslands(page);
  await page.getByRole('link', { name: /Bike repair hub/ }).click();
  await waitForIslands(page);
  await expect(page.getByText('On the ballot', { exact: true })).toBeVisible();
  await expect(page.locator('.govuk-summary-list__row', { hasText: 'Checked cost' })).toContainText('£18,500');

  // The merged idea (number 15) links to the one it was joined with.
  await page.goto('/budgeting/proposal/?id=00000000-0000-4000-a004-000000000115');
  await waitForIslands(page);
  await expect(page.getByText('Joined with another idea', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: /idea 1: Bike repair hub/ }).click();
  await waitForIslands(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bike repair hub in Blackbird Leys');
});

test('the ideas fit a 320 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of [
    `/budgeting/proposals/?p=${CHEST}`,
    `/budgeting/process/?p=${CHEST}`,
    '/budgeting/proposal/?id=00000000-0000-4000-a004-000000000101',
  ]) {
    await page.goto(path);
    await waitForIslands(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page);
  }
});

test.describe('at 200% zoom', () => {
  // A 1280 px screen zoomed to 200%: the page lays out at 640 CSS pixels, each drawn as two.
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  test('the ideas, their filters and one idea fit the screen', async ({ page }) => {
    for (const path of [
      `/budgeting/proposals/?p=${CHEST}`,
      `/budgeting/proposals/?p=${CHEST}&page=2`,
      '/budgeting/proposal/?id=00000000-0000-4000-a004-000000000101',
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await fitsScreen(page);
      await expectNoAxeViolations(page);
    }
  });
});

test('without JavaScript, /budgeting/ still explains everything and each process page says what to do', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/budgeting/');
  await expect(page.getByRole('heading', { name: 'How to suggest a project' })).toBeVisible();
  // (Playwright leaves <noscript> out of an ancestor's text, so look for the paragraph itself.)
  await expect(
    page.locator('#pb-processes p', { hasText: 'The list of processes, with their ideas and results, needs JavaScript.' }),
  ).toBeVisible();
  for (const path of [
    `/budgeting/process/?p=${CHEST}`,
    `/budgeting/proposals/?p=${CHEST}`,
    '/budgeting/propose/?p=bicester-ideas-2027',
    '/budgeting/my-proposals/',
  ]) {
    await page.goto(path);
    await expect(page.locator('noscript h1, h1').first(), path).toBeVisible();
    await expect(
      page.locator('p', { hasText: 'needs JavaScript' }).locator('a', { hasText: 'contact the co-production team' }),
      path,
    ).toBeVisible();
  }
  await context.close();
});
