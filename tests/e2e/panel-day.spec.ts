// The chair on the panel day (the seeded Sustainability Fund round): the progress board, the
// results with community and councillor means side by side, recording a recommendation, and
// the report printed and downloaded as CSV.
import { readFileSync } from 'node:fs';
import { expect, expectNoAxeViolations, httpErrorLogged, test } from './support.ts';
import { signIn } from './support-panel.ts';

test('the chair records a recommendation and downloads the report', async ({ page }) => {
  await signIn(page, 'chair@example.org');
  await page.getByRole('link', { name: /Panel day: progress and results for Sustainability Fund/ }).click();
  await expect(page.getByRole('heading', { name: /Panel day: Sustainability Fund/ })).toBeVisible();
  await expect(page.getByTestId('progress-board')).toBeVisible();
  const results = page.getByTestId('results-table');
  await expect(results).toBeVisible();
  await expect(results.getByRole('columnheader', { name: 'Community' })).toBeVisible();
  await expect(results.getByRole('columnheader', { name: 'Councillors' })).toBeVisible();
  await expect(results.getByText(/Seats differ by/).first()).toBeVisible();
  await expectNoAxeViolations(page);

  const row = results.getByRole('row').filter({ hasText: 'A café morning for carers' });
  await row.getByRole('button', { name: /the recommendation for A café morning for carers/ }).click();
  const form = page.getByRole('form', { name: /Recommendation for A café morning for carers/ });
  await form.getByLabel('Award', { exact: true }).check();
  await form.getByLabel('Amount, in pounds').fill('999999');
  await form.getByLabel("The panel's reasons").fill('');
  await form.getByRole('button', { name: 'Save the recommendation' }).click();
  await expect(form.getByRole('alert')).toContainText('The amount cannot be more than');
  await expect(form.getByRole('alert')).toContainText("Write the panel's reasons");
  await form.getByLabel('Amount, in pounds').fill('12000');
  await form.getByLabel("The panel's reasons").fill('Carers told us this café is a lifeline. A small grant keeps it open.');
  await form.getByLabel('Majority vote').check();
  await form.getByRole('button', { name: 'Save the recommendation' }).click();
  await expect(row).toContainText('Award £12,000');
  await expectNoAxeViolations(page);

  // One rounding rule: the report says the same balanced score as the table (it once said 84.65
  // where the table said 84.7).
  const balanced = (await row.locator('td').nth(4).innerText()).trim();
  expect(balanced).toMatch(/^\d+\.\d$/);
  await page.getByRole('link', { name: /Recommendations report/ }).click();
  await expect(page.getByRole('heading', { name: /Recommendations: Sustainability Fund/ })).toBeVisible();
  const item = page.locator('.wt-report__item').filter({ hasText: 'A café morning for carers' });
  await expect(item).toContainText(`balanced ${balanced}`);
  for (const text of await page.locator('.wt-report__item').allInnerTexts())
    expect(text, 'every score in the report has one decimal place').not.toMatch(
      /(Community|councillors|balanced) \d+(\.\d{2,})?[,.]?(\s|$)/,
    );
  await expect(page.getByText('Carers told us this café is a lifeline.')).toBeVisible();
  await expect(page.getByText('Conflicts declared').first()).toBeVisible();
  await expectNoAxeViolations(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Download as a spreadsheet/ }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toContain('Recommendation');
  expect(csv).toContain('Carers told us this café is a lifeline.');
  expect(csv).toContain('Award,12000');
  expect(csv).toContain(`,${balanced},`);
});

test.describe('the old address /panel/lead/', () => {
  // The round in these links does not exist: once forwarded, the panel day page asks for it and
  // is answered 404, which Chromium logs if the answer comes before the test ends.
  test.use({ allowedConsoleErrors: [httpErrorLogged(404)] });

  test('sends old links and bookmarks on to the panel day, keeping the round', async ({ page }) => {
    await signIn(page, 'chair@example.org');
    await page.goto('/panel/lead/?round=00000000-0000-0000-0000-000000000000#results');
    await expect(page).toHaveURL(/\/panel\/panel-day\/\?round=00000000-0000-0000-0000-000000000000#results$/);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('says where the panel day is now', async ({ page }) => {
      await page.goto('/panel/lead/?round=00000000-0000-0000-0000-000000000000');
      await expect(page.getByRole('heading', { name: 'The panel day has moved' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'the panel day page' })).toHaveAttribute('href', '/panel/panel-day/');
    });
  });

  test('what it shows without JavaScript passes axe', async ({ page }) => {
    // axe needs JavaScript to run, and with it the page moves on at once: check the same page
    // with its forwarding script taken out.
    await page.route('**/panel/lead/**', async (route) => {
      const response = await route.fetch();
      route.fulfill({ response, body: (await response.text()).replace(/<script>\s*location\.replace[^<]*<\/script>/, '') });
    });
    await page.goto('/panel/lead/');
    await expect(page.getByRole('heading', { name: 'The panel day has moved' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
