// The participatory-budgeting pages that need no API: /budgeting/, how votes are counted (with
// the worked example counted at build time), and their easy-read versions. They are reachable
// from the home page and the main navigation, pass axe (WCAG 2.2 AA), fit 320 px, and work
// with JavaScript turned off.
import { expect, expectNoAxeViolations, test } from './support.ts';

const PAGES = [
  { path: '/budgeting/', h1: 'Have your say on spending' },
  { path: '/budgeting/how-votes-are-counted/', h1: 'How votes are counted' },
  { path: '/easy-read/budgeting/', h1: 'Have your say on spending: easy read' },
  { path: '/easy-read/how-votes-are-counted/', h1: 'How votes are counted: easy read' },
];

test('the home page links to participatory budgeting', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('main').getByRole('link', { name: 'Have your say on spending' }).click();
  await expect(page).toHaveURL(/\/budgeting\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Have your say on spending');
});

test('the main navigation links to participatory budgeting and marks it current there', async ({ page }) => {
  await page.goto('/festival/');
  const nav = page.getByRole('navigation', { name: 'Main menu' });
  await nav.getByRole('link', { name: 'Have your say on spending' }).click();
  await expect(page).toHaveURL(/\/budgeting\/$/);
  await expect(nav.getByRole('link', { name: 'Have your say on spending' })).toHaveAttribute('aria-current', 'true');
  await page.getByRole('link', { name: 'See how votes are counted, with a worked example' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How votes are counted');
});

test('the steps of a vote are listed in order', async ({ page }) => {
  await page.goto('/budgeting/');
  await expect(page.locator('.wt-phases h3')).toHaveText([
    '1. Getting ready',
    '2. Ideas',
    '3. Checking',
    '4. Voting',
    '5. Counting',
    '6. Results',
  ]);
});

test('the worked example is explained with the engine’s figures, without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/budgeting/how-votes-are-counted/');
  const main = page.getByRole('main');
  await expect(main.getByText("So each voter's final share was £1,166.")).toBeVisible();
  await expect(main.getByRole('heading', { name: 'New play area in the park (£7,000, 6 votes)' })).toBeVisible();
  await expect(main.getByText('Even together, and spending on nothing else, they had only £6,996.')).toBeVisible();
  await expect(main.getByRole('table', { name: 'Funded projects, in the order they were chosen' }).getByRole('rowheader')).toHaveText([
    "Community garden Paid for by its supporters' shares",
    "Lunch club for older people Paid for by its supporters' shares",
    'Trips for the youth club Paid for from money left over',
    'Benches and lighting on the high street Paid for from money left over',
  ]);
  await expect(main.getByRole('figure', { name: 'Which way of counting voters are better off with' })).toContainText(
    'Better off with Equal Shares: 4 voters',
  );
  await expect(main.getByRole('table', { name: 'Which projects each way would fund' })).toBeVisible();
  // Only the header's few inline bytes that show "Your account" to a signed-in visitor.
  await expect(page.locator('script:not([data-header-session])')).toHaveCount(0);
  await context.close();
});

test('the easy-read pages link both ways with their standard versions', async ({ page }) => {
  await page.goto('/budgeting/');
  await page.getByRole('link', { name: 'Read this page in easy read' }).click();
  await expect(page).toHaveURL(/\/easy-read\/budgeting\/$/);
  await expect(page.locator('.wt-easy-read__icon').first()).toBeVisible();
  await page.getByRole('link', { name: 'how votes are counted in easy read' }).click();
  await expect(page).toHaveURL(/\/easy-read\/how-votes-are-counted\/$/);
  await page.getByRole('link', { name: 'Read the standard version of this page' }).click();
  await expect(page).toHaveURL(/\/budgeting\/how-votes-are-counted\/$/);
});

for (const { path, h1 } of PAGES) {
  test(`${path} has no WCAG 2.2 AA violations and fits 320 px`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 320, height: 800 });
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((el) => el.tagName.toLowerCase() + (el.className ? `.${String(el.className).split(' ')[0]}` : '')),
    );
    expect(wide).toEqual([]);
    await expectNoAxeViolations(page);
  });
}
