// From the panel's recommendations to the public website, on the seeded Sustainability Fund
// round (at its panel day, every recommendation recorded): the officer sends it for review and
// adds a reviewing councillor; the councillor comments; the officer records the Cabinet's
// decisions and publishes; the public page lists the awards and offers valid 360Giving data.
import { readFileSync } from 'node:fs';
import { expect, expectNoAxeViolations, test } from './support.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { givingPackageProblems } from '../support/giving360-schema.ts';
import { signIn } from './support-panel.ts';
import { fillDateInput } from './support-panel-pages.ts';

test.describe.serial('recommendations to publication', () => {
  test('the chair records the recommendations still missing: one award, the rest not', async ({ page }) => {
    await signIn(page, 'chair@example.org');
    await page.getByRole('link', { name: /Panel day: progress and results for Sustainability Fund/ }).click();
    const record = page.getByTestId('results-table').getByRole('button', { name: /^Record the recommendation/ });
    await expect(page.getByTestId('results-table')).toBeVisible();
    const missing = await record.count();
    for (let i = 0; i < missing; i++) {
      await record.first().click();
      const form = page.getByRole('form', { name: /Recommendation for/ });
      if ((await form.getByRole('heading').textContent())!.includes('A café morning for carers')) {
        await form.getByLabel('Award', { exact: true }).check();
        await form.getByLabel('Amount, in pounds').fill('12000');
      } else await form.getByLabel('Do not award').check();
      await form.getByLabel("The panel's reasons").fill('Good work, but other applications met the criteria better this time.');
      await form.getByLabel('Everyone agreed').check();
      await form.getByRole('button', { name: 'Save the recommendation' }).click();
      await expect(record).toHaveCount(missing - i - 1);
    }
  });

  test('the officer sends the round for review and adds a reviewing councillor', async ({ page }) => {
    await signIn(page, 'officer@example.org');
    await page.getByRole('link', { name: /Run this round for Sustainability Fund 2026/ }).click();
    await expect(page.getByRole('heading', { name: 'Next: Recommendations made: with councillors for review' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /Move to: Recommendations made/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The round is now at' })).toContainText('Recommendations made');
    await page.getByLabel('Add a reviewing councillor').selectOption({ label: 'Cllr Helen Marsh' });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Councillors reviewing the recommendations' })).toContainText('Cllr Helen Marsh');
  });

  test('a councillor reads the reasons and comments', async ({ page }) => {
    await signIn(page, 'councillor@example.org');
    await page.getByRole('link', { name: /Review the recommendations for Sustainability Fund/ }).click();
    await expect(page.getByRole('list', { name: 'Where this round is' })).toContainText('Review meetings');
    const section = page.getByRole('region', { name: 'A café morning for carers' });
    await expect(section).toContainText('The panel recommends');
    await section.getByRole('button', { name: 'Add your comment' }).click();
    await expect(section.getByText('Write your comment first')).toBeVisible();
    await section.getByLabel('Your comment on A café morning for carers').fill('Carers in my ward rely on this. I support it.');
    await section.getByRole('button', { name: 'Add your comment' }).click();
    await expect(section).toContainText('Cllr Helen Marsh: Carers in my ward rely on this. I support it.');
    await expectNoAxeViolations(page);
  });

  test('the officer records the Cabinet decisions and publishes; the public sees the awards', async ({ page }) => {
    await signIn(page, 'officer@example.org');
    await page.getByRole('link', { name: /Run this round for Sustainability Fund 2026/ }).click();
    const section = page.getByRole('region', { name: "Recommendations and the Cabinet's decisions" });
    const decided = section.getByText(/^Cabinet: /);
    // The one-by-one forms stay closed: the page is short, with one form for the whole round.
    await expect(page.getByRole('form', { name: /Cabinet decision for/ })).toHaveCount(0);
    const agreed = page.getByRole('form', { name: 'Cabinet agreed the recommendations as they stand' });
    // An exception first, on its own, with its own minute.
    await section
      .getByRole('button', { name: /^Record this decision on its own/ })
      .first()
      .click();
    const one = page.getByRole('form', { name: /Cabinet decision for/ });
    await fillDateInput(one, 'Date of the Cabinet meeting', '2026-11-17');
    await one.getByLabel('Minute reference').fill('CAB-2026-11-1');
    await one.getByRole('button', { name: /Save the decision/ }).click();
    await expect(decided).toHaveCount(1);
    await expect(one).toHaveCount(0);
    // The rest as they stand: the date and minute are checked first, next to their fields.
    const undecided = await section.getByRole('button', { name: /^Record this decision on its own/ }).count();
    await expect(agreed).toContainText(`the ${undecided} applications not yet decided`);
    await agreed.getByRole('button', { name: "Record Cabinet's agreement" }).click();
    await expect(agreed.locator('#cabinet-agreed-date-error')).toContainText('Enter the date of the Cabinet meeting');
    await expect(agreed.locator('#cabinet-agreed-minute-error')).toContainText('Enter the minute reference');
    await expect(decided).toHaveCount(1);
    await expectNoAxeViolations(page);
    await agreed.getByLabel('Day').fill('17');
    await agreed.getByLabel('Month').fill('11');
    await agreed.getByLabel('Year').fill('2026');
    await agreed.getByLabel('Minute reference').fill('CAB-2026-11-2');
    await agreed.getByRole('button', { name: "Record Cabinet's agreement" }).click();
    await expect(agreed).toHaveCount(0);
    await expect(decided).toHaveCount(undecided + 1);
    await expect(section.getByText('(minute CAB-2026-11-1)')).toHaveCount(1);
    await expect(section.getByText('(minute CAB-2026-11-2)')).toHaveCount(undecided);
    // Any decision can still be changed one by one, starting from what was recorded.
    await section
      .getByRole('button', { name: /^Change this decision/ })
      .first()
      .click();
    const change = page.getByRole('form', { name: /Cabinet decision for/ });
    await expect(change.getByLabel('Minute reference')).toHaveValue('CAB-2026-11-1');
    const changeDate = change.getByRole('group', { name: 'Date of the Cabinet meeting' });
    await expect(changeDate.getByLabel('Day')).toHaveValue('17');
    await expect(changeDate.getByLabel('Month')).toHaveValue('11');
    await expect(changeDate.getByLabel('Year')).toHaveValue('2026');
    await expectNoAxeViolations(page);
    await change.getByLabel('Minute reference').fill('CAB-2026-11-3');
    await change.getByRole('button', { name: /Save the decision/ }).click();
    await expect(change).toHaveCount(0);
    await expect(section.getByText('(minute CAB-2026-11-3)')).toHaveCount(1);
    await page.getByRole('button', { name: /Move to: Decided by the Cabinet/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The round is now at' })).toContainText('Decided by the Cabinet');
    await page.getByRole('button', { name: 'Publish the awards' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The round is now at' })).toContainText('Published');

    await page.goto('/grants/');
    const round = page.getByRole('region', { name: /Sustainability Fund: Sustainability Fund 2026 to 2027/ });
    await expect(round).toBeVisible();
    // Only awards are public: the seeded award, the café, and none of the applications the
    // Cabinet did not fund.
    await expect(round).toContainText('2 grants, £50,000 in total.');
    await expect(round).toContainText('A café morning for carers');
    await expect(round).toContainText('Keeping our Tuesday and Thursday days open');
    await expect(round).not.toContainText('Lunch club and transport');
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([page.waitForEvent('download'), round.getByRole('button', { name: /JSON/ }).click()]);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(data.grants.map((g: { title: string }) => g.title).sort()).toEqual([
      'A café morning for carers',
      'Keeping our Tuesday and Thursday days open',
    ]);
    // 360Giving's required fields, types and identifier rules (tests/support/giving360-schema.ts).
    expect(givingPackageProblems(data)).toEqual([]);
    for (const grant of data.grants) {
      expect(grant.id).toMatch(/^360G-OCC-WT-/);
      expect(grant.fundingOrganization[0]).toEqual({ id: 'GB-LAE-OXF', name: 'Oxfordshire County Council' });
    }
    expect(data.grants.some((g: { recipientOrganization: { id: string }[] }) => /^GB-CHC-/.test(g.recipientOrganization[0]!.id))).toBe(
      true,
    );
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), round.getByRole('button', { name: /CSV/ }).click()]);
    const csvRows = parseCsv(readFileSync((await csvDownload.path())!, 'utf8')).rows;
    expect(csvRows[0]!.slice(0, 7)).toEqual([
      'Identifier',
      'Title',
      'Description',
      'Currency',
      'Amount Applied For',
      'Amount Awarded',
      'Award Date',
    ]);
    expect(csvRows[0]).toContain('Last Modified');
    expect(
      csvRows
        .slice(1)
        .map((row) => row[1])
        .sort(),
    ).toEqual(['A café morning for carers', 'Keeping our Tuesday and Thursday days open']);

    // The round's own page.
    await round.getByRole('link', { name: 'Page for this round' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Grants awarded: Sustainability Fund, Sustainability Fund 2026 to 2027',
    );
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoAxeViolations(page);

    // The round's 360Giving data has a stable address of its own, with the package's details.
    await page.getByRole('link', { name: /About this round's 360Giving data/ }).click();
    await expect(page).toHaveURL(/\/grants\/360giving\/\?round=/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('360Giving data: Sustainability Fund 2026 to 2027');
    const details = page.locator('.govuk-summary-list');
    await expect(details).toContainText('2 grants, £50,000 in total');
    await expect(details).toContainText('Oxfordshire County Council (GB-LAE-OXF)');
    await expect(details.getByRole('link', { name: 'Creative Commons Attribution 4.0' })).toHaveAttribute(
      'href',
      'https://creativecommons.org/licenses/by/4.0/',
    );
    const [pageDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /JSON/ }).click()]);
    expect(pageDownload.suggestedFilename()).toBe('360giving-sustainability-fund-2026-to-2027.json');
    expect(givingPackageProblems(JSON.parse(readFileSync((await pageDownload.path())!, 'utf8')))).toEqual([]);
    await expectNoAxeViolations(page);
  });
});
