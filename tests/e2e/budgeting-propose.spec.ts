// A resident's journey from idea to "my proposals": suggest a project one question a page, check
// the answers and change one, send it, find it in "Your ideas", change it again, withdraw it.
// Every question page refuses bad input next to its field; signed-out people sign in and come
// back; typed answers survive a reload. Each page and state passes axe (WCAG 2.2 AA).
// The process is the test's own (made through the officers' API and opened for ideas), so the
// seeded processes other specs read never change.
import { STEPS } from '../../src/lib/pb/proposal-form.ts';
import { expect, expectNoAxeViolations, httpErrorLogged, test, waitForIslands } from './support.ts';
import { signIn } from './support-panel.ts';
import { fitsScreen } from './support-panel-pages.ts';
import { answerEveryQuestion, continueButton, openForIdeas } from './support-propose.ts';
import { apiAs } from './support-rounds.ts';

const RESIDENT = 'resident@example.org';
const BUDGET = 50000;
let slug = '';

test.beforeAll(async ({ browser }) => {
  const officer = await apiAs(browser, 'officer@example.org');
  slug = `test-ideas-${Date.now().toString(36)}`;
  await openForIdeas(officer, 'Test Ideas Fund', slug, BUDGET);
});

test('a resident suggests a project, changes an answer, sends it, then changes and withdraws it', async ({ page }) => {
  test.setTimeout(90_000); // a dozen pages, each with an axe check
  await page.goto(`/budgeting/process/?p=${slug}`);
  await waitForIslands(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test Ideas Fund');
  await expect(page.getByTestId('timeline')).toContainText('1 November 2026 to 31 January 2027');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Suggest a project' }).click();
  await expect(page).toHaveURL(/\/sign-in\/\?next=/);

  await signIn(page, RESIDENT, `/budgeting/propose/?p=${slug}`);
  await waitForIslands(page);
  await expectNoAxeViolations(page);
  await answerEveryQuestion(page, 'Flowers on the high street');
  const answers = page.locator('.govuk-summary-list');
  await expect(answers).toContainText('Flowers on the high street');
  await expect(answers).toContainText('£4,500');
  await expect(answers).toContainText('North ward');
  await expectNoAxeViolations(page);

  // Change an answer: back to its page, then straight back to the check page.
  await page.getByRole('link', { name: 'Change estimated cost' }).click();
  await expect(page.getByLabel('Estimated cost, in pounds')).toHaveValue('£4,500');
  await page.getByLabel('Estimated cost, in pounds').fill('5200');
  await continueButton(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers before sending your idea');
  await expect(answers).toContainText('£5,200');

  await page.getByRole('button', { name: 'Send your idea' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your idea has been sent');
  await expect(page.getByText(/Your idea's number is/)).toBeVisible();
  await expectNoAxeViolations(page);

  // The browser's copy went with the sending: a new idea starts empty.
  await page.getByRole('link', { name: 'See all your ideas' }).click();
  await waitForIslands(page);
  const mine = page.getByTestId('my-proposals').getByRole('listitem').filter({ hasText: 'Flowers on the high street' });
  await expect(mine).toContainText('Waiting to be checked');
  await expectNoAxeViolations(page);
  // The seeded hidden idea shows its reason to its author.
  await expect(page.getByTestId('my-proposals')).toContainText('Your proposal included a private phone number');

  // Change it with the same pages.
  await mine.getByRole('link', { name: /^Change/ }).click();
  await waitForIslands(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers before sending your idea');
  await page.getByRole('link', { name: 'Change project name' }).click();
  await page.getByLabel('Project name').fill('Flowers and benches on the high street');
  await continueButton(page).click();
  await page.getByRole('button', { name: 'Save the changes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your changes have been saved');
  await page.getByRole('link', { name: 'See your idea as others see it' }).click();
  await waitForIslands(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Flowers and benches on the high street');
  await expectNoAxeViolations(page);

  // Withdraw, after saying so.
  await page.goto('/budgeting/my-proposals/');
  await waitForIslands(page);
  const edited = page.getByTestId('my-proposals').getByRole('listitem').filter({ hasText: 'Flowers and benches on the high street' });
  await edited.getByRole('link', { name: /^Withdraw/ }).click();
  await waitForIslands(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Are you sure you want to withdraw idea \d+\?/);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Yes, withdraw this idea' }).click();
  await expect(page.getByText(/Idea \d+ has been withdrawn/)).toBeVisible();
  await expect(
    page.getByTestId('my-proposals').getByRole('listitem').filter({ hasText: 'Flowers and benches on the high street' }),
  ).toContainText('Withdrawn');
  await expectNoAxeViolations(page);

  // A withdrawn idea is not in the public list.
  await page.goto(`/budgeting/proposals/?p=${slug}`);
  await waitForIslands(page);
  await expect(page.getByTestId('proposal-count')).toBeVisible();
  await expect(page.getByTestId('proposal-list')).not.toContainText('Flowers and benches');
});

test('every question page refuses bad input next to its field, and keeps what was typed', async ({ page }) => {
  await signIn(page, RESIDENT, `/budgeting/propose/?p=${slug}`);
  await waitForIslands(page);
  const error = (id: string) => page.locator(`#${id}-error`);
  const summary = page.locator('.govuk-error-summary');

  // Title and summary: empty, then too long.
  await continueButton(page).click();
  await expect(summary).toContainText('Enter a title for your project');
  await expect(error('title')).toContainText('Enter a title for your project');
  await expect(error('summary')).toContainText('Enter a short summary');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Name your project – Suggest a project/);
  await expectNoAxeViolations(page);
  await summary.getByRole('link', { name: 'Enter a title for your project' }).click();
  await expect(page.getByLabel('Project name')).toBeFocused();
  await page.getByLabel('Project name').fill('x'.repeat(121));
  await page.getByLabel('Summary').fill('y'.repeat(301));
  await continueButton(page).click();
  await expect(error('title')).toContainText('120 characters or fewer');
  await expect(error('summary')).toContainText('300 characters or fewer');
  await page.getByLabel('Project name').fill('A skate park');
  await page.getByLabel('Summary').fill('Ramps for young people.');
  await continueButton(page).click();

  // What it would do: empty, too long.
  await continueButton(page).click();
  await expect(error('details')).toContainText('Enter what your project would do');
  await expectNoAxeViolations(page);
  await page.getByLabel(/Describe what would happen/).fill('z'.repeat(4001));
  await continueButton(page).click();
  await expect(error('details')).toContainText('4,000 characters or fewer');
  await page.getByLabel(/Describe what would happen/).fill('Concrete ramps in the park.');
  await continueButton(page).click();

  // Who benefits is optional, but not too long.
  await page.getByLabel(/Who would it help/).fill('w'.repeat(1001));
  await continueButton(page).click();
  await expect(error('beneficiaries')).toContainText('1,000 characters or fewer');
  await page.getByLabel(/Who would it help/).fill('');
  await continueButton(page).click();

  // Cost: empty, not a number, negative, over the budget.
  const cost = page.getByLabel('Estimated cost, in pounds');
  await continueButton(page).click();
  await expect(error('cost')).toContainText('Enter roughly how much');
  await expectNoAxeViolations(page);
  for (const [typed, words] of [
    ['lots', 'as a number'],
    ['-50', 'more than £0'],
    ['0', 'more than £0'],
    ['12.345', 'pounds and pence'],
    ['50001', 'whole budget of £50,000'],
  ]) {
    await cost.fill(typed!);
    await continueButton(page).click();
    await expect(error('cost')).toContainText(words!);
    await expect(cost).toHaveValue(typed!);
  }
  await cost.fill('50000');
  await continueButton(page).click();

  // Ward and category must be chosen.
  await continueButton(page).click();
  await expect(error('ward')).toContainText('Choose the part of the area');
  await expectNoAxeViolations(page);
  await page.getByLabel('All of Testshire, or more than one part').check();
  await continueButton(page).click();
  await continueButton(page).click();
  await expect(error('category')).toContainText('Choose the kind of project');
  await page.getByLabel('Young people').check();
  await continueButton(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers before sending your idea');

  // A reload keeps every answer (they are kept on the device until sent).
  await page.reload();
  await waitForIslands(page);
  await expect(page.locator('.govuk-summary-list')).toContainText('A skate park');
  await expect(page.locator('.govuk-summary-list')).toContainText('£50,000');
  await expect(page.locator('.govuk-summary-list')).toContainText('All of Testshire');
});

test.describe('refusals from the database', () => {
  test.use({ allowedConsoleErrors: [httpErrorLogged(400)] });

  test('a refusal the browser could not foresee is shown by its field, chosen by its key, and nothing typed is lost', async ({
    page,
    browser,
  }) => {
    const officer = await apiAs(browser, 'officer@example.org');
    const process = await officer('pb_my_processes');
    const id = (process.body as { id: string; slug: string }[]).find((p) => p.slug === slug)!.id;
    const added = await officer('pb_add_category', { p_process_id: id, p_name: 'For one test only' });
    await signIn(page, RESIDENT, `/budgeting/propose/?p=${slug}&step=category`);
    await waitForIslands(page);
    await page.getByLabel('For one test only').check();
    await continueButton(page).click();
    for (const step of ['title', 'details', 'cost', 'ward'] as const) {
      await page.goto(`/budgeting/propose/?p=${slug}&step=${step}&return=check`);
      await waitForIslands(page);
      if (step === 'title') {
        await page.getByLabel('Project name').fill('Removed kind');
        await page.getByLabel('Summary').fill('A summary.');
      }
      if (step === 'details') await page.getByLabel(/Describe what would happen/).fill('Details.');
      if (step === 'cost') await page.getByLabel('Estimated cost, in pounds').fill('900');
      if (step === 'ward') await page.getByLabel('South ward').check();
      await continueButton(page).click();
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers before sending your idea');
    // While the page is open, the officer takes that category away.
    expect((await officer('pb_remove_choice', { p_kind: 'category', p_id: added.body.id })).status).toBe(200);
    await page.getByRole('button', { name: 'Send your idea' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What kind of project is it?');
    await expect(page.locator('#category-error')).toContainText('Choose one of the categories listed.');
    await expect(page.locator('.govuk-error-summary')).toContainText('Choose one of the categories listed.');
    await expectNoAxeViolations(page);
    // Everything else is still there.
    await page.goto(`/budgeting/propose/?p=${slug}&step=title`);
    await waitForIslands(page);
    await expect(page.getByLabel('Project name')).toHaveValue('Removed kind');
  });
});

test('a signed-out person is sent to sign in and brought back to the question they were on', async ({ page }) => {
  await page.goto(`/budgeting/propose/?p=${slug}&step=cost`);
  await expect(page).toHaveURL(/\/sign-in\/\?next=%2Fbudgeting%2Fpropose%2F/);
  await waitForIslands(page);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Sign in with a password instead' }).click();
  await page.getByLabel('Email address').fill(RESIDENT);
  await page.getByLabel('Password').fill('working-together-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/budgeting/propose/\\?p=${slug}&step=cost$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roughly how much would it cost?');
});

test('the form works with the keyboard alone', async ({ page }) => {
  await signIn(page, RESIDENT, `/budgeting/propose/?p=${slug}`);
  await waitForIslands(page);
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('Tab'); // the project name
  await expect(page.getByLabel('Project name')).toBeFocused();
  await page.keyboard.type('Keyboard garden');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Summary')).toBeFocused();
  await page.keyboard.type('Raised beds anyone can use.');
  await page.keyboard.press('Tab');
  await expect(continueButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What would your project do?');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Six raised beds by the library.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who would benefit?');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('800');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Which part of the area is it for?');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.getByLabel('North ward')).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What kind of project is it?');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers before sending your idea');
  await expect(page.locator('.govuk-summary-list')).toContainText('Keyboard garden');
});

test('the question pages fit a 320 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await signIn(page, RESIDENT, `/budgeting/propose/?p=${slug}&step=ward`);
  await waitForIslands(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Which part of the area is it for?');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.goto(`/budgeting/propose/?p=${slug}&step=check`);
  await waitForIslands(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(page);
});

test.describe('at 200% zoom', () => {
  // A 1280 px screen zoomed to 200%: the page lays out at 640 CSS pixels, each drawn as two.
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  test('every question page, with and without errors, and the check page fit the screen', async ({ page }) => {
    test.setTimeout(60_000); // seven pages, each checked twice with axe
    await signIn(page, RESIDENT, `/budgeting/propose/?p=${slug}`);
    for (const step of [...STEPS, 'check']) {
      await page.goto(`/budgeting/propose/?p=${slug}&step=${step}`);
      await fitsScreen(page);
      await expectNoAxeViolations(page);
      if (step === 'check' || step === 'beneficiaries') continue; // nothing to refuse
      if (step === 'title') await page.getByLabel('Project name').fill('');
      await continueButton(page).click();
      await expect(page.locator('.govuk-error-summary')).toBeFocused();
      await fitsScreen(page);
      await expectNoAxeViolations(page);
    }
    // Answered, with a long name, the check page still fits.
    await page.goto(`/budgeting/propose/?p=${slug}&step=title`);
    await answerEveryQuestion(page, 'Wheelchair-accessible picnic benches and planters along the whole of the riverside path');
    await fitsScreen(page);
    await expectNoAxeViolations(page);
  });
});

test('a process past its ideas step says so, and ideas on the ballot can no longer be changed or withdrawn', async ({ page }) => {
  await signIn(page, RESIDENT, '/budgeting/propose/?p=community-chest-2027');
  await waitForIslands(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Community Chest 2027 is not taking ideas now');
  await expect(page.getByRole('button', { name: 'Continue' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.goto('/budgeting/my-proposals/');
  await waitForIslands(page);
  const onBallot = page.getByTestId('my-proposals').getByRole('listitem').filter({ hasText: 'Canal-side benches and planting in Jericho' });
  await expect(onBallot).toContainText('On the ballot');
  await expect(onBallot.getByRole('link', { name: /^(Change|Withdraw)/ })).toHaveCount(0);
});
