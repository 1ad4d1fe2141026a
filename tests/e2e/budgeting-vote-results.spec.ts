// The published results of Didcot and Villages 2026 (2,000 seeded ballots): the page explains
// them, and the ballot file it offers, recounted here with the engine itself under the
// process's own rule and options, funds exactly the projects the page says won, with the
// sha256 the page shows.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { count, parsePb, pbToElection, type CountOptions } from '../../src/lib/pb/index.ts';
import { expect, test } from './support.ts';
import { checkPage } from './support-panel-pages.ts';
import { apiAs } from './support-rounds.ts';

const RESULTS = '/budgeting/results/?p=didcot-villages-2026';
const DIDCOT = '00000000-0000-4000-a001-000000000002';

// Whole journeys with several sign-ins and axe runs take longer than the default 30 s here.
test.describe.configure({ timeout: 120_000 });
test('the results page explains the count and its ballot file recounts to the same winners', async ({ page, browser }) => {
  await page.goto(RESULTS);
  await checkPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Results');
  await expect(page.getByRole('heading', { name: 'What was funded' })).toBeVisible();
  await expect(page.getByRole('heading', { name: "Each voter's share" })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How each project was paid for' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Why other projects were not funded' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Compared with most votes first' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Which way of counting voters are better off with' })).toBeVisible();
  await expect(page.getByText('npm run pb -- count')).toBeVisible();
  await expect(page.getByRole('link', { name: 'How votes are counted' })).toHaveAttribute('href', '/budgeting/how-votes-are-counted/');

  const funded = page.getByRole('table', { name: 'Funded projects, in the order they were chosen' });
  const shown = (await funded.locator('tbody th').evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent?.trim() ?? ''))).sort();
  expect(shown.length).toBeGreaterThan(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the ballot file (.pb)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pb$/);
  const text = await readFile((await download.path())!, 'utf8');
  expect(createHash('sha256').update(text).digest('hex')).toBe((await page.getByTestId('sha256').textContent())!.trim());

  // The rule and options the count used, as the API publishes them with the result.
  const rpc = await apiAs(browser, 'resident@example.org');
  const { body: published } = await rpc<{
    rule: CountOptions['rule'];
    options: CountOptions;
    projects: { project_id: string; title: string }[];
  }>('pb_result', { p_process_id: DIDCOT });
  const parsed = parsePb(text);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  const election = pbToElection(parsed.value);
  if (!election.ok) throw new Error(election.problems.join('\n'));
  const recount = count(election.value.instance, election.value.profile, { ...published.options, rule: published.rule });
  const title = new Map(published.projects.map((p) => [p.project_id, p.title]));
  const winners = recount.projects
    .filter((p) => p.status === 'funded')
    .map((p) => title.get(p.projectId)!)
    .sort();
  expect(winners).toEqual(shown);
});

test.describe('before publication', () => {
  test.use({ allowedConsoleErrors: [/status of (403|409) /] });
  test('results not yet published say so plainly', async ({ page }) => {
    await page.goto('/budgeting/results/?p=community-chest-2027');
    await checkPage(page);
    await expect(page.getByTestId('results-problem')).toContainText('have not been published yet');
  });
});
