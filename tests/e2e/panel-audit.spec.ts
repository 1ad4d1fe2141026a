// The audit viewer: scrutiny reads and filters the trail and checks the chain; a panel member
// is refused by the database, and the page says so plainly.
import { expect, expectNoAxeViolations, httpErrorLogged, test } from './support.ts';
import { signIn } from './support-panel.ts';
import { fillDateInput } from './support-panel-pages.ts';

test('scrutiny checks the trail and filters it', async ({ page }) => {
  await signIn(page, 'scrutiny@example.org', '/panel/audit/');
  await expect(page.getByTestId('audit-table')).toBeVisible();
  await page.getByRole('button', { name: 'Check the trail' }).click();
  await expect(page.getByTestId('chain-check')).toContainText('Intact');
  await page.getByLabel('What happened').selectOption({ label: 'Read' });
  await page.getByRole('button', { name: 'Show entries' }).click();
  const rows = page.getByTestId('audit-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  // Wait for the filtered entries to replace the unfiltered ones already on screen.
  await expect(rows.locator('td:nth-child(4)').filter({ hasNotText: /^Read$/ })).toHaveCount(0);
  for (const text of await rows.locator('td:nth-child(4)').allTextContents()) expect(text).toBe('Read');
  // Reads say what was read, and about which round or application, in words, never as ids.
  for (const text of await rows.locator('td:nth-child(5)').allTextContents()) expect(text).not.toBe('read records');
  for (const text of await rows.locator('td:nth-child(6)').allTextContents()) expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  await fillDateInput(page, 'From', '2030-01-02');
  await fillDateInput(page, 'To', '2030-01-01');
  await page.getByRole('button', { name: 'Show entries' }).click();
  await expect(page.getByRole('alert')).toContainText('The "from" date must be before the "to" date');
  await expectNoAxeViolations(page);
});

test.describe('a panel member', () => {
  test.use({ allowedConsoleErrors: [httpErrorLogged(403)] });
  test('cannot read the audit trail', async ({ page }) => {
    await signIn(page, 'member@example.org', '/panel/audit/');
    await expect(page.getByRole('alert')).toContainText('Only grants officers and the scrutiny committee can read the audit trail');
    await expect(page.getByTestId('audit-table')).toHaveCount(0);
    // Only the refusal: no filters or chain check they cannot use.
    await expect(page.getByRole('form', { name: 'Filter the audit trail' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Check the trail' })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});
