// The clerk supports the panel without a seat and never scores, so they are not told to score:
// their rounds page shows the panel meeting and the way to the panel's progress (and the report
// once scoring has closed) instead of "0 of 12 scored" and "Score applications", and the round
// page shows their part and what they declared instead of an empty status column.
import { expect, expectNoAxeViolations, test } from './support.ts';
import { signIn } from './support-panel.ts';

const INNOVATION = 'Innovation Fund 2026 to 2027'; // still being scored, panel on 10 December 2026
const YOUTH = 'Youth Opportunities Fund 2026 to 2028'; // past the panel day

test('the clerk sees the panel day, progress and report, and is never asked to score', async ({ page }) => {
  await signIn(page, 'clerk@example.org');
  const rounds = page.getByTestId('my-rounds');
  await expect(rounds).toHaveAttribute('aria-busy', 'false');
  const innovation = rounds.getByRole('listitem').filter({ hasText: INNOVATION });
  await expect(innovation).toContainText(/Panel meeting\s*10 December 2026/);
  await expect(innovation).not.toContainText('scored');
  await expect(innovation.getByRole('link', { name: /Score applications/ })).toHaveCount(0);
  await expect(innovation.getByRole('link', { name: `See the panel's progress for ${INNOVATION}` })).toBeVisible();
  // The report comes once scoring has closed.
  await expect(innovation.getByRole('link', { name: /Recommendations report/ })).toHaveCount(0);
  await expect(rounds.getByRole('link', { name: `Recommendations report for ${YOUTH}` })).toHaveAttribute(
    'href',
    /\/panel\/report\/\?round=/,
  );
  await expect(rounds).not.toContainText('Your progress');
  await expectNoAxeViolations(page);

  await innovation.getByRole('link', { name: `See the panel's progress for ${INNOVATION}` }).click();
  await expect(page.getByRole('heading', { name: `Panel day: ${INNOVATION}` })).toBeVisible();
});

test("the clerk's round page shows their part and declarations, not a score count or an empty status", async ({ page }) => {
  await signIn(page, 'clerk@example.org');
  await page.getByTestId('my-rounds').getByRole('listitem').filter({ hasText: INNOVATION }).getByRole('heading').waitFor();
  const [innovationId] = await page
    .getByRole('link', { name: `See the panel's progress for ${INNOVATION}` })
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('round')));
  await page.goto(`/panel/round/?id=${innovationId}`);
  const round = page.getByTestId('round-page');
  await expect(round.getByRole('heading', { name: 'Your part as clerk' })).toBeVisible();
  await expect(round).toContainText('Panel meeting: 10 December 2026');
  await expect(page.getByTestId('round-progress')).toHaveCount(0);
  await expect(round).not.toContainText('scored');
  const table = round.getByRole('region', { name: 'Applications table' });
  await expect(table.getByRole('columnheader', { name: 'Your declaration' })).toBeVisible();
  const cells = table.locator('tbody td:nth-child(3)');
  expect(await cells.count()).toBeGreaterThan(0);
  for (const text of await cells.allTextContents()) expect(text).toMatch(/^(Conflict declared|No conflict|Not declared yet)$/);
  await expectNoAxeViolations(page);
});
