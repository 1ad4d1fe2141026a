// An officer runs a participatory budgeting process of this spec's own from nothing to published
// results through the officers' screens: create it (after mistakes), wards, categories and dates,
// each phase move confirmed (and refused by key when its condition is missing), the proposals
// queue (a resident's proposals sent through the API), voting codes with printable letters and a
// CSV, paper ballots entered with the keyboard alone (a used and an unknown code warned), a
// ballot cast online through the API, closing, counting with its progress, the preview and
// publishing. Axe on every page and state; a non-officer is refused; 320 px.
import type { Browser, Page } from '@playwright/test';
import { WORDS } from '../../src/lib/refusals/pb-officers.ts';
import { WORDS as SHARED } from '../../src/lib/refusals/shared.ts';
import { WORDS as RESULTS } from '../../src/lib/refusals/pb-results.ts';
import { expect, expectNoAxeViolations, test, waitForIslands } from './support.ts';
import { signIn } from './support-panel.ts';
import { rpc } from './support-rpc.ts';

const tag = Date.now().toString(36).slice(-5);
const TITLE = `Budget Test ${tag}`;
const SLUG = `budget-test-${tag}`;
const SEEDED = '00000000-0000-4000-a001-000000000001';
let processId = '';
let codes: string[] = [];
const proposals: Record<string, { id: string; number: number }> = {};

test.use({ allowedConsoleErrors: [/status of (400|403|404|409) /] });

async function asResident(browser: Browser, work: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'resident@example.org', '/budgeting/');
  await work(page);
  await context.close();
}

async function open(page: Page, path: string) {
  await page.goto(path);
  await waitForIslands(page);
}

async function confirmMove(page: Page, button: string) {
  const move = page.getByTestId('phase-move');
  await move.getByRole('button', { name: button, exact: true }).click();
  await expect(move.getByRole('alertdialog')).toBeFocused();
  await expectNoAxeViolations(page);
  await move.getByRole('button', { name: new RegExp(`^Yes, ${button}`, 'i') }).click();
}

test.describe.serial('an officer runs a process from empty to published results', () => {
  // Each step is a whole stage of the process, with axe checks on the way: more than the default.
  test.setTimeout(90_000);
  test('someone who is not an officer is refused', async ({ page }) => {
    await signIn(page, 'resident@example.org', '/budgeting/officer/');
    await waitForIslands(page);
    await expect(page.getByTestId('not-officer')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create the process' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await open(page, `/budgeting/officer/process/?id=${SEEDED}`);
    await expect(page.locator('[data-refusal="not_process_officer"]')).toContainText(SHARED.not_process_officer!);
    await expectNoAxeViolations(page);
  });

  test('the officer creates a process, after mistakes', async ({ page }) => {
    await signIn(page, 'officer@example.org', '/budgeting/officer/');
    await waitForIslands(page);
    await expect(page.getByTestId('pb-process').filter({ hasText: 'Community Chest 2027' })).toBeVisible();
    await expectNoAxeViolations(page);
    const form = page.getByTestId('process-form');
    await form.getByRole('button', { name: 'Create the process' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary).toBeFocused();
    for (const words of ['Enter the name of the process', 'Enter a web name', 'Enter the area', 'Enter the budget'])
      await expect(summary).toContainText(words);
    await expectNoAxeViolations(page);

    await page.getByLabel('Name of the process').fill(TITLE);
    await expect(page.getByLabel('Web name')).toHaveValue(SLUG);
    await page.getByLabel('Web name').fill('Bad Slug!');
    await page.getByLabel('Area it covers').fill('Cowley and Jericho');
    await page.getByLabel('Budget, in pounds').fill('nothing');
    await page.getByLabel('Fewest projects', { exact: true }).fill('3');
    await page.getByLabel('Most projects', { exact: true }).fill('2');
    await form.getByRole('button', { name: 'Create the process' }).click();
    await expect(page.locator('#process-slug-error')).toContainText('lower-case letters');
    await expect(page.locator('#process-budget-error')).toContainText('more than £0');
    await expect(page.locator('#process-max-error')).toContainText('cannot be fewer than the fewest');

    // The database's refusal by key, next to its field: the seeded process has this web name.
    await page.getByLabel('Web name').fill('community-chest-2027');
    await page.getByLabel('Budget, in pounds').fill('£20,000');
    await page.getByLabel('Fewest projects', { exact: true }).fill('1');
    await page.getByLabel('Most projects', { exact: true }).fill('');
    await form.getByRole('button', { name: 'Create the process' }).click();
    await expect(page.locator('#process-slug-error')).toContainText(WORDS.slug_taken!);

    await page.getByLabel('Web name').fill(SLUG);
    await form.getByRole('button', { name: 'Create the process' }).click();
    await expect(page).toHaveURL(/\/budgeting\/officer\/process\/\?id=/);
    processId = new URL(page.url()).searchParams.get('id')!;
    await waitForIslands(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up and phases');
    await expect(page.getByText(TITLE).first()).toBeVisible();
  });

  test('wards, categories and dates, then the move to proposals', async ({ page }) => {
    await signIn(page, 'officer@example.org', `/budgeting/officer/process/?id=${processId}`);
    await waitForIslands(page);
    await expectNoAxeViolations(page);
    // Moving without a ward or category: refused by key, next to the button.
    await confirmMove(page, 'Open for proposals');
    await expect(page.locator('#move-error')).toHaveText(`Error: ${WORDS.no_wards_or_categories}`);

    const wards = page.getByTestId('ward-section');
    await wards.getByRole('button', { name: 'Add the ward' }).click();
    await expect(page.locator('#ward-name-error')).toContainText('Enter the name of the ward');
    for (const name of ['Cowley', 'Jericho']) {
      await page.getByLabel('Add a ward').fill(name);
      await wards.getByRole('button', { name: 'Add the ward' }).click();
      await expect(wards.getByRole('listitem').filter({ hasText: name })).toBeVisible();
    }
    const categories = page.getByTestId('category-section');
    await page.getByLabel('Add a category').fill('Parks');
    await categories.getByRole('button', { name: 'Add the category' }).click();
    await expect(categories.getByRole('listitem').filter({ hasText: 'Parks' })).toBeVisible();
    await page.getByLabel('Add a category').fill('Parks');
    await categories.getByRole('button', { name: 'Add the category' }).click();
    await expect(page.locator('#category-name-error')).toContainText(WORDS.name_taken!);
    await expect(page.getByLabel('Add a category')).toHaveValue('Parks');

    // GOV.UK date input: an impossible date, and an end before its start.
    const dates = page.getByTestId('dates-section');
    const fillDate = async (id: string, d: string, m: string, y: string) => {
      await page.locator(`#${id}-day`).fill(d);
      await page.locator(`#${id}-month`).fill(m);
      await page.locator(`#${id}-year`).fill(y);
    };
    await fillDate('dates-proposals-start', '1', '3', '2027');
    await fillDate('dates-proposals-end', '31', '2', '2027');
    await fillDate('dates-voting-start', '10', '5', '2027');
    await fillDate('dates-voting-end', '1', '5', '2027');
    await page.locator('#dates-review-start-day').fill('4');
    await dates.getByRole('button', { name: 'Save the dates' }).click();
    await expect(page.locator('#dates-proposals-end-error')).toContainText('The end of Ideas must be a real date');
    await expect(page.locator('#dates-review-start-error')).toContainText('must include a month and a year');
    await expect(page.locator('#dates-voting-end-error')).toContainText('must be on or after its start');
    await expectNoAxeViolations(page);
    await fillDate('dates-proposals-end', '31', '3', '2027');
    await fillDate('dates-review-start', '', '', '');
    await fillDate('dates-voting-end', '31', '5', '2027');
    await dates.getByRole('button', { name: 'Save the dates' }).click();
    await expect(dates.getByRole('status')).toHaveText('The dates are saved.');
    await page.reload();
    await waitForIslands(page);
    await expect(page.locator('#dates-voting-end-day')).toHaveValue('31');

    // Settings after a mistake: the limits.
    await page.getByLabel('Most projects', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await expect(page.locator('#process-max-error')).toContainText('from 1 to 100');
    await page.getByLabel('Most projects', { exact: true }).fill('');
    await page.getByLabel('Description').fill('Residents of Cowley and Jericho share £20,000.');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await expect(page.getByTestId('process-form').getByRole('status')).toHaveText('Saved.');

    // Officers: choosing nobody is a mistake.
    await page.getByRole('button', { name: 'Add the officer' }).click();
    await expect(page.locator('#officer-person-error')).toContainText('Choose an officer to add');

    await confirmMove(page, 'Open for proposals');
    await expect(page.getByTestId('phase-move')).toContainText('Next phase: Checking');
    await expect(page.getByText('Done: the process is now at Ideas.')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the proposals queue: feasibility, shortlist, hiding, merging', async ({ page, browser }) => {
    await asResident(browser, async (resident) => {
      const process = await rpc(resident, 'pb_process', { p_slug: SLUG });
      const ward = process.wards[0].id;
      for (const [key, title, cost] of [
        ['park', 'Benches in Florence Park', 9000],
        ['copy', 'More benches in the park', 8000],
        ['moon', 'A bridge to the moon', 15000],
      ] as const) {
        const p = await rpc(resident, 'pb_propose', {
          p_process_id: processId,
          p_title: title,
          p_summary: `${title}, for everyone.`,
          p_details: 'Details.',
          p_estimated_cost: cost,
          p_ward_id: ward,
        });
        proposals[key] = { id: p.id, number: p.number };
      }
    });
    await signIn(page, 'officer@example.org', `/budgeting/officer/proposals/?id=${processId}`);
    await waitForIslands(page);
    await expect(page.getByText('Showing 1 to 3 of 3.')).toBeVisible();
    await expectNoAxeViolations(page);

    const card = (key: string) => page.getByTestId(`proposal-${proposals[key]!.number}`);
    const n = (key: string) => proposals[key]!.number;
    // Feasible needs a checked cost.
    await card('park').getByText('Decide feasibility').click();
    await page.locator(`#p${n('park')}-feasible`).check();
    await card('park')
      .getByRole('button', { name: /^Save the decision/ })
      .click();
    await expect(page.locator(`#p${n('park')}-cost-error`)).toContainText('Enter the checked cost');
    await expectNoAxeViolations(page);
    await page.locator(`#p${n('park')}-cost`).fill('10500');
    await page.locator(`#p${n('park')}-note`).fill('Checked with the parks team.');
    await card('park')
      .getByRole('button', { name: /^Save the decision/ })
      .click();
    await expect(card('park')).toContainText('Feasible');
    await expect(card('park')).toContainText('checked £10,500');
    await card('park')
      .getByRole('button', { name: /^Shortlist/ })
      .click();
    await expect(card('park').locator('.govuk-tag')).toHaveText('Shortlisted');

    // Not feasible needs a public reason.
    await card('moon').getByText('Decide feasibility').click();
    await page.locator(`#p${n('moon')}-feasible-no`).check();
    await card('moon')
      .getByRole('button', { name: /^Save the decision/ })
      .click();
    await expect(page.locator(`#p${n('moon')}-note-error`)).toContainText('Say why it is not feasible');
    await page.locator(`#p${n('moon')}-note`).fill('The council cannot build in space.');
    await card('moon')
      .getByRole('button', { name: /^Save the decision/ })
      .click();
    await expect(card('moon').locator('.govuk-tag')).toHaveText('Not feasible');

    // Hidden needs a reason the proposer reads; shown again, then merged as a duplicate.
    await card('copy').getByText('Hide it').click();
    await card('copy').getByRole('button', { name: /^Hide/ }).click();
    await expect(page.locator(`#p${n('copy')}-hide-reason-error`)).toContainText('Say why it is hidden');
    await page.locator(`#p${n('copy')}-hide-reason`).fill('It names a private garden.');
    await card('copy').getByRole('button', { name: /^Hide/ }).click();
    await expect(card('copy')).toContainText('Why it is hidden (the proposer reads this): It names a private garden.');
    await expectNoAxeViolations(page);
    await card('copy')
      .getByRole('button', { name: /^Show it again/ })
      .click();
    await expect(card('copy').locator('.govuk-tag')).toHaveText('To check');
    await card('copy').getByText('Merge as a duplicate').click();
    await card('copy')
      .getByRole('button', { name: /^Merge/ })
      .click();
    await expect(page.locator(`#p${n('copy')}-merge-into-error`)).toContainText('Choose the proposal it duplicates');
    await page.locator(`#p${n('copy')}-merge-into`).selectOption({ label: `${n('park')}. Benches in Florence Park` });
    await card('copy')
      .getByRole('button', { name: /^Merge/ })
      .click();
    await expect(card('copy')).toContainText(`Merged into proposal ${n('park')}.`);

    // The filter by status.
    await page.getByLabel('Show').selectOption('shortlisted');
    await page.getByRole('button', { name: 'Show these' }).click();
    await waitForIslands(page);
    await expect(page.getByText('Showing 1 to 1 of 1.')).toBeVisible();
    await expect(card('park')).toBeVisible();
    await expectNoAxeViolations(page);

    // Into review, and voting refused until codes are issued (codes are the only way to vote).
    await open(page, `/budgeting/officer/process/?id=${processId}`);
    await confirmMove(page, 'Close proposals and start checking');
    await expect(page.getByText('Done: the process is now at Checking.')).toBeVisible();
    await confirmMove(page, 'Open voting');
    await expect(page.locator('#move-error')).toHaveText(`Error: ${WORDS.no_codes}`);
  });

  test('voting codes: a batch, its letters to print and its CSV', async ({ page }) => {
    await signIn(page, 'officer@example.org', `/budgeting/officer/codes/?id=${processId}`);
    await waitForIslands(page);
    await expect(page.getByText('No codes issued yet.')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Issue the codes' }).click();
    await expect(page.locator('#codes-label-error')).toContainText('Enter a name for this batch');
    await expect(page.locator('#codes-count-error')).toContainText('Enter how many codes');
    await page.getByLabel('Name of the batch').fill('Letters to Cowley');
    await page.getByLabel('How many codes').fill('20000');
    await page.getByRole('button', { name: 'Issue the codes' }).click();
    await expect(page.locator('#codes-count-error')).toContainText('from 1 to 10,000');
    await expectNoAxeViolations(page);
    await page.getByLabel('How many codes').fill('4');
    await page.getByRole('button', { name: 'Issue the codes' }).click();
    const letters = page.getByTestId('code-letters');
    await expect(letters.getByTestId('voting-code')).toHaveCount(4);
    codes = await letters.getByTestId('voting-code').allTextContents();
    expect(new Set(codes).size).toBe(4);
    await expect(letters.locator('.wt-letter').first()).toContainText(`/budgeting/vote/?p=${SLUG}`);
    await expect(letters.locator('.wt-letter').first()).toContainText(TITLE);
    await expect(letters).toContainText('Voting closes on 31 May 2027.');
    await expect(page.getByTestId('code-batches')).toContainText('Letters to Cowley');
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      letters.getByRole('button', { name: 'Download the codes (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`voting-codes-${SLUG}-letters-to-cowley.csv`);
    const csv = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
    expect(csv.trim().split('\r\n')).toHaveLength(5);
    expect(csv).toContain(codes[0]);

    // Printed, the page is the letters alone, one a page.
    await page.emulateMedia({ media: 'print' });
    await expect(letters.locator('.wt-letter').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Issue a batch of codes' })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
    expect(
      await letters
        .locator('.wt-letter')
        .first()
        .evaluate((el) => getComputedStyle(el).breakAfter),
    ).toBe('page');
    await page.emulateMedia({ media: 'screen' });

    await open(page, `/budgeting/officer/process/?id=${processId}`);
    await confirmMove(page, 'Open voting');
    await expect(page.getByText('Done: the process is now at Voting.')).toBeVisible();
    await expect(page.getByTestId('locked-settings')).toContainText('Voting has started');
  });

  test('paper ballots with the keyboard alone, with a used and an unknown code', async ({ page }) => {
    await signIn(page, 'officer@example.org', `/budgeting/officer/paper/?id=${processId}`);
    await waitForIslands(page);
    await expect(page.getByText('Add a polling station before entering paper ballots.')).toBeVisible();
    await page.getByRole('button', { name: 'Add the station' }).click();
    await expect(page.locator('#station-name-error')).toContainText('Enter the name of the polling station');
    await page.getByLabel('Add a polling station').fill('Cowley Library');
    await page.getByRole('button', { name: 'Add the station' }).click();
    const entry = page.getByTestId('paper-entry');
    await expect(entry).toBeVisible();
    await expectNoAxeViolations(page);

    // One station, so it is chosen; the code box has the focus.
    const code = page.locator('#paper-code');
    await expect(page.locator('#paper-station')).toHaveValue(/.+/);
    await code.focus();
    await page.keyboard.type(codes[0]!.toLowerCase());
    await page.keyboard.press('Tab');
    await expect(page.locator(`#paper-project-${proposals.park!.number}`)).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('paper-saved')).toContainText('1 paper ballot entered at Cowley Library');
    await expect(code).toBeFocused();
    await expect(code).toHaveValue('');
    await expect(page.getByTestId('subtotal-Cowley Library')).toHaveText('1');

    // The same code again: a clear warning, and the paper stays as typed.
    await page.keyboard.type(codes[0]!);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('code-used-warning')).toContainText(WORDS.code_already_used!);
    await expect(code).toBeFocused();
    await expect(code).toHaveValue(codes[0]!);
    await expect(page.locator(`#paper-project-${proposals.park!.number}`)).toBeChecked();
    await expectNoAxeViolations(page);

    // An unknown code.
    await page.keyboard.type('ZZZZ-ZZZZ-ZZZZ');
    await page.keyboard.press('Enter');
    await expect(page.locator('#paper-code-error')).toContainText(WORDS.code_not_found!);
    await expect(code).toHaveValue('ZZZZ-ZZZZ-ZZZZ');

    // A paper with nothing ticked: the process asks for at least one project.
    await page.keyboard.type(codes[1]!);
    await page.locator(`#paper-project-${proposals.park!.number}`).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await expect(page.locator('#paper-projects-error')).toContainText(SHARED.too_few_projects!);
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('paper-saved')).toContainText('2 paper ballots entered at Cowley Library');
    await expect(page.getByTestId('session-count')).toHaveText('2');
  });

  test('a ballot online, closing, counting with progress, the preview and publishing', async ({ page, browser }) => {
    await asResident(browser, async (resident) => {
      await rpc(resident, 'pb_redeem_code', { p_process_id: processId, p_code: codes[2] });
      await rpc(resident, 'pb_cast_ballot', { p_process_id: processId, p_proposal_ids: [proposals.park!.id] });
    });
    await signIn(page, 'officer@example.org', `/budgeting/officer/count/?id=${processId}`);
    await waitForIslands(page);
    await expect(page.getByTestId('turnout')).toContainText('3 (1 online, 2 on paper)');
    await expect(page.getByTestId('turnout')).toContainText('3 of 4');
    await expectNoAxeViolations(page);

    await confirmMove(page, 'Close voting');
    await expect(page.getByText('Done: the process is now at Counting.')).toBeVisible();
    // Publishing before counting: refused by key.
    await confirmMove(page, 'Publish the results');
    await expect(page.locator('#move-error')).toHaveText(`Error: ${WORDS.no_result}`);

    // The count, held back a moment so its progress can be seen.
    await page.route('**/functions/v1/pb-count', async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Count the votes', exact: true }).click();
    await expect(page.getByTestId('count-progress')).toContainText('Counting the votes…');
    await expect(page.getByTestId('count-progress')).toContainText('Counted 3 ballots', { timeout: 30_000 });
    const preview = page.getByTestId('result-preview');
    await expect(preview).toContainText('Preview of the result (not published yet)');
    await expect(preview).toContainText('Benches in Florence Park');
    await expectNoAxeViolations(page);

    await confirmMove(page, 'Publish the results');
    await expect(page.getByText('Done: the process is now at Results.')).toBeVisible();
    await expect(page.getByTestId('public-results')).toHaveAttribute('href', `/budgeting/results/?p=${SLUG}`);
    await expect(preview).toContainText('The published result');
    await expectNoAxeViolations(page);
    // What the public results page reads: published, with the winner.
    const published = await rpc(page, 'pb_result', { p_process_id: processId });
    expect(published.projects.find((p: { project_id: string }) => published.result.winners.includes(p.project_id))?.title).toBe(
      'Benches in Florence Park',
    );
    await open(page, `/budgeting/officer/paper/?id=${processId}`);
    await expect(page.getByText('The results are published, so no more paper ballots can be entered.')).toBeVisible();
    expect(RESULTS.no_ballots).toBeTruthy();
  });

  test('every officer page fits a 320 pixel screen', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await signIn(page, 'officer@example.org', '/budgeting/officer/');
    for (const path of [
      '/budgeting/officer/',
      ...['process', 'proposals', 'codes', 'paper', 'count'].map((p) => `/budgeting/officer/${p}/?id=${processId}`),
    ]) {
      await open(page, path);
      await expect(page.locator('h1')).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(320);
    }
    await expectNoAxeViolations(page);
  });
});

test('the proposals queue goes a page at a time', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, 'officer@example.org', '/budgeting/officer/');
  const made = await rpc(page, 'pb_create_process', {
    p_title: `Paging ${tag}`,
    p_slug: `paging-${tag}`,
    p_area: 'Oxford',
    p_budget: 50000,
  });
  const ward = await rpc(page, 'pb_add_ward', { p_process_id: made.id, p_name: 'Headington' });
  await rpc(page, 'pb_move_phase', { p_process_id: made.id, p_to: 'proposals' });
  await asResident(browser, async (resident) => {
    for (let i = 1; i <= 23; i += 1) {
      await rpc(resident, 'pb_propose', {
        p_process_id: made.id,
        p_title: `Idea number ${i}`,
        p_summary: 'A small idea.',
        p_details: 'Details.',
        p_estimated_cost: 1000 + i,
        p_ward_id: ward.id,
      });
    }
  });
  await open(page, `/budgeting/officer/proposals/?id=${made.id}`);
  await expect(page.getByText('Showing 1 to 20 of 23.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('link', { name: 'Next page' }).click();
  await waitForIslands(page);
  await expect(page.getByText('Showing 21 to 23 of 23.')).toBeVisible();
  await expect(page.getByTestId('proposal-23')).toContainText('Idea number 23');
  await expectNoAxeViolations(page);
});
