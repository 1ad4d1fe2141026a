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
    await page.getByRole('link', { name: /Run this round for Sustainability Fund/ }).click();
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
    await page.getByRole('link', { name: /Run this round for Sustainability Fund/ }).click();
    const forms = page.getByRole('form', { name: /Cabinet decision for/ });
    await expect(forms.first()).toBeVisible();
    await expectNoAxeViolations(page);
    const count = await forms.count();
    for (let i = 0; i < count; i++) {
      const form = forms.first();
      await fillDateInput(form, 'Date of the Cabinet meeting', '2026-11-17');
      await form.getByLabel('Minute reference').fill(`CAB-2026-11-${i + 1}`);
      await form.getByRole('button', { name: /Save the decision/ }).click();
      await expect(forms).toHaveCount(count - i - 1);
    }
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
  });
});
