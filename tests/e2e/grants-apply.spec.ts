// A community group applies online (issue 15): a new person signs in by email code (their
// account is made then), fills the task list section by section with bad input refused next to
// every field, signs out and back in to find everything saved, checks their answers, sends and
// gets a reference, a confirmation page and an email, then sees the status in "Your
// applications". The deadline passes while another applicant's form is open: sending is refused
// with a clear message and the draft kept. An officer asks for missing information; the
// applicant changes that one section and sends again, then withdraws. Every page and state
// passes axe. The rounds are the test's own, made through the officers' API.
import type { Page } from '@playwright/test';
import { APPLY_TASKS } from '../../src/lib/grants/apply-tasks.ts';
import { API, expect, expectNoAxeViolations, test, waitForIslands } from './support.ts';
import { waitForMail } from './support-mail.ts';
import { checkPage, fillDateInput, settled } from './support-panel-pages.ts';
import { signIn } from './support-panel.ts';
import { apiAs, rpcAs, tokenOf, type Rpc } from './support-rounds.ts';

// The refusals the pages show on purpose (a bad answer, a passed deadline) are logged by Chromium.
test.use({ allowedConsoleErrors: [/status of (400|409) /] });

const tag = `A${Date.now().toString(36).slice(-4).toUpperCase()}`;
let officer: Rpc;

async function openRound(suffix: string): Promise<string> {
  const body = async <T>(call: Promise<{ status: number; body: T }>) => {
    const { status, body } = await call;
    expect(status, JSON.stringify(body)).toBeLessThan(300);
    return body;
  };
  const fund = await body(
    officer<{ id: string }>('create_fund', {
      p_slug: `apply-${(tag + suffix).toLowerCase()}`,
      p_name: `Apply fund ${tag}${suffix}`,
      p_budget: 20000,
    }),
  );
  const round = await body(
    officer<{ id: string }>('create_round', {
      p_fund_id: fund.id,
      p_title: `Community Fund ${tag}${suffix}`,
      p_reference_prefix: `${tag}${suffix}`,
      p_opens_on: '2026-01-01',
      p_closes_on: '2099-12-31',
    }),
  );
  await body(officer('add_criterion', { p_round_id: round.id, p_title: 'Need', p_weight: 1, p_maximum: 1, p_descriptors: ['No', 'Yes'] }));
  await body(officer('move_round', { p_round_id: round.id, p_to: 'open' }));
  return round.id;
}

const codeFor = async (email: string) =>
  ((await (await fetch(`${API}/mailbox.json`)).json()) as { to: string; code: string }[]).find((m) => m.to === email && m.code)!.code;

/** Signs in through the site's email-code form; the first time, this makes the account. */
async function signInByCode(page: Page, email: string, next: string) {
  await page.goto(`/sign-in/?next=${encodeURIComponent(next)}`);
  await waitForIslands(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a code' }).click();
  await expect(page.getByText('We sent a code to')).toBeVisible();
  await page.getByLabel('Code from the email').fill(await codeFor(email));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === next);
  await settled(page);
}

const save = (page: Page) => page.getByRole('button', { name: 'Save and continue' }).click();
const summary = (page: Page) => page.locator('.govuk-error-summary');

/** Saves a section and checks it shows as complete on the task list. */
async function saveAndSeeDone(page: Page, section: string) {
  await save(page);
  await expect(page.getByText(`${section} is saved and marked as complete.`)).toBeVisible();
  await expect(page.getByTestId('tasks').getByRole('listitem').filter({ hasText: section })).toContainText('Completed');
}

const ANSWERS = {
  organisation: {
    organisation_name: 'Rose Hill Walkers',
    organisation_type: 'community group',
    address: '1 Carbery Close, Oxford',
    postcode: 'OX4 4HB',
  },
  contact: { contact_name: 'Lee Carter', contact_email: 'lee@example.org' },
  project: {
    project_title: 'Walks for all',
    description: 'Weekly walks.',
    beneficiaries: 'Older people.',
    area: 'Rose Hill',
    planned_start: '2027-04-01',
    planned_end: '2027-12-31',
  },
  money: { amount_requested: 1200, budget_lines: [{ item: 'Leaders', amount: 1200 }] },
  outcomes: { outcomes: 'People walk more.' },
  declaration: { confirmed: true, declared_by: 'Lee Carter' },
} as const;

/** A new applicant with every section saved through the API, signed in on this page. */
async function readyApplicant(page: Page, roundId: string, name: string): Promise<{ rpc: Rpc; email: string }> {
  const email = `${name}-${tag.toLowerCase()}@example.org`;
  await signInByCode(page, email, `/grants/apply/?round=${roundId}`);
  const rpc = rpcAs(await tokenOf(page));
  for (const task of APPLY_TASKS) {
    const { status } = await rpc('apply_save_task', { p_round_id: roundId, p_task: task, p_answers: ANSWERS[task] });
    expect(status).toBe(200);
  }
  return { rpc, email };
}

test.beforeAll(async ({ browser }) => {
  officer = await apiAs(browser, 'officer@example.org');
});

test('a new applicant fills every section, signs out and back in, checks and sends, and sees the status', async ({ page }) => {
  test.setTimeout(180_000);
  const roundId = await openRound('J');
  const email = `walker-${tag.toLowerCase()}@example.org`;
  const list = `/grants/apply/?round=${roundId}`;

  // Signed out: the page sends them to sign in, then back. The account is made by this sign-in.
  await page.goto(list);
  await expect(page).toHaveURL(/\/sign-in\/\?next=/);
  await signInByCode(page, email, list);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Apply to Community Fund ${tag}J`);
  await expect(page.getByText('You have completed 0 of 6 sections.')).toBeVisible();
  await expect(page.getByTestId('deadline')).toContainText('11:59pm on Thursday 31 December 2099');
  await expectNoAxeViolations(page);

  // About your organisation: every field refused, first in the browser, then by the database.
  await page.getByRole('link', { name: 'About your organisation' }).click();
  await settled(page);
  await save(page);
  await expect(summary(page)).toContainText('Enter the name of your organisation');
  await expect(summary(page)).toContainText('Choose the type of organisation');
  await expect(summary(page)).toContainText("Enter your organisation's address");
  await expect(summary(page)).toContainText('Enter the postcode');
  await expect(page).toHaveTitle(/^Error: About your organisation/);
  await expectNoAxeViolations(page);
  await page.getByLabel('Name of your organisation').fill('Rose Hill Walkers');
  await page.getByLabel('Type of organisation').selectOption('registered charity');
  await page.getByLabel('Address of your organisation').fill('Rose Hill Community Centre\nCarbery Close, Oxford');
  await page.getByLabel('Postcode').fill('OXFORD');
  await save(page);
  await expect(page.locator('#f-charity_number-error')).toContainText('Enter your charity number');
  await page.getByLabel('Charity number (if you have one)').fill('12');
  await save(page);
  await expect(page.locator('#f-charity_number-error')).toContainText('Enter a charity number of 6 to 8 digits');
  await page.getByLabel('Charity number (if you have one)').fill('1187654');
  await page.getByLabel('Company number (if you have one)').fill('12');
  await save(page);
  await expect(page.locator('#f-company_number-error')).toContainText('Enter a company number of 8 characters');
  await page.getByLabel('Company number (if you have one)').fill('');
  await save(page);
  await expect(page.locator('#f-postcode-error')).toContainText('Enter a real postcode, like OX1 1AA');
  await expectNoAxeViolations(page);
  await page.getByLabel('Postcode').fill('ox4 4hb');
  await saveAndSeeDone(page, 'About your organisation');
  await expectNoAxeViolations(page);

  // Contact person.
  await page.getByRole('link', { name: 'Contact person' }).click();
  await settled(page);
  await save(page);
  await expect(summary(page)).toContainText("Enter the contact's full name");
  await expect(summary(page)).toContainText("Enter the contact's email address");
  await page.getByLabel('Full name').fill('Lee Carter');
  await page.getByLabel('Email address').fill('lee at example');
  await save(page);
  await expect(page.locator('#f-contact_email-error')).toContainText('Enter an email address in the right format');
  await page.getByLabel('Email address').fill('lee@example.org');
  await page.getByLabel('Phone number (optional)').fill('12ab');
  await save(page);
  await expect(page.locator('#f-contact_phone-error')).toContainText('Enter a phone number');
  await expectNoAxeViolations(page);
  await page.getByLabel('Phone number (optional)').fill('01865 000222');
  await saveAndSeeDone(page, 'Contact person');

  // Leave and come back: sign out, sign in again, everything is there.
  await page.goto('/account/');
  await settled(page);
  await page.getByRole('link', { name: 'See your grant applications and where each has got to' }).waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/');
  await signIn(page, 'officer@example.org', '/panel/'); // someone else on the same computer sees nothing of it
  await page.goto('/grants/applications/');
  await settled(page);
  await expect(page.getByTestId('my-applications')).toContainText('You have not started an application.');
  await page.goto('/account/');
  await settled(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/');
  await signInByCode(page, email, list);
  await expect(page.getByText('You have completed 2 of 6 sections.')).toBeVisible();
  await expect(page.getByTestId('saved-at')).toContainText('Draft saved at');
  await page.getByRole('link', { name: 'Contact person' }).click();
  await settled(page);
  await expect(page.getByLabel('Full name')).toHaveValue('Lee Carter');
  await expect(page.getByLabel('Phone number (optional)')).toHaveValue('01865 000222');
  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await settled(page);

  // Your project: dates that are not real, then an end before the start.
  await page.getByRole('link', { name: 'Your project' }).click();
  await settled(page);
  await save(page);
  for (const words of ['Enter the name of your project', 'Enter what your project will do', 'Enter who will benefit', 'Enter where']) {
    await expect(summary(page)).toContainText(words);
  }
  await expect(summary(page)).toContainText('Enter the start date');
  await page.getByLabel('Name of your project').fill('Walks for all');
  await page.getByLabel('What will your project do?').fill('Weekly walks led by volunteers.\n\nA cup of tea afterwards.');
  await page.getByLabel('Who will benefit?').fill('Older people living alone in Rose Hill.');
  await page.getByLabel('Where will it happen?').fill('Rose Hill, Oxford');
  await fillDateInput(page, 'When will it start?', '2027-02-30');
  await fillDateInput(page, 'When will it end?', '2027-01-31');
  await save(page);
  await expect(summary(page)).toContainText('The start date must be a real date');
  await expectNoAxeViolations(page);
  await fillDateInput(page, 'When will it start?', '2027-04-01');
  await save(page);
  await expect(page.locator('#f-planned_end-error')).toContainText('The end date must be the same as or after the start date');
  await fillDateInput(page, 'When will it end?', '2028-03-31');
  await saveAndSeeDone(page, 'Your project');

  // The money: lines that do not add up, a cost that is not a number.
  await page.getByRole('link', { name: 'The money' }).click();
  await settled(page);
  await save(page);
  await expect(summary(page)).toContainText('Enter how much you are asking for');
  await expect(summary(page)).toContainText('Add at least one line to your budget');
  await page.getByLabel('How much are you asking for?').fill('£2,500');
  await page.getByLabel('Line 1: what it is for').fill('Walk leaders’ training');
  await page.getByLabel('Line 1: cost in pounds').fill('lots');
  await save(page);
  await expect(page.locator('#f-budget_amount_1-error')).toContainText('Enter the cost in pounds');
  await page.getByLabel('Line 1: cost in pounds').fill('1500');
  await page.getByLabel('Line 2: what it is for').fill('Tea');
  await page.getByLabel('Line 2: cost in pounds').fill('500');
  await expect(page.getByTestId('budget-total')).toContainText('£500 still to add');
  await save(page);
  await expect(summary(page)).toContainText('Your budget lines must add up to the amount you are asking for');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Add another line' }).click();
  await page.getByLabel('Line 3: what it is for').fill('Leaflets');
  await page.getByLabel('Line 3: cost in pounds').fill('500');
  await expect(page.getByTestId('budget-total')).toContainText('£2,500 of the £2,500 you are asking for.');
  await saveAndSeeDone(page, 'The money');

  await page.getByRole('link', { name: 'What difference it will make' }).click();
  await settled(page);
  await save(page);
  await expect(summary(page)).toContainText('Enter what difference your project will make');
  await page.getByLabel('What difference will your project make?').fill('Fewer people feel lonely.');
  await saveAndSeeDone(page, 'What difference it will make');

  await page.getByRole('link', { name: 'Declaration' }).click();
  await settled(page);
  await save(page);
  await expect(summary(page)).toContainText('Confirm that the information you have given is true');
  await expect(summary(page)).toContainText('Enter your full name');
  await expectNoAxeViolations(page);
  await page.getByLabel('I confirm that the information in this application is true').check();
  await page.getByLabel('Your full name').fill('Lee Carter');
  await saveAndSeeDone(page, 'Declaration');
  await expect(page.getByText('You have completed 6 of 6 sections.')).toBeVisible();

  // Check your answers, change one, send.
  await page.getByRole('button', { name: 'Check your answers' }).click();
  await settled(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers before sending your application');
  await expect(page.getByTestId('answers-organisation')).toContainText('OX4 4HB');
  await expect(page.getByTestId('answers-project')).toContainText('1 April 2027');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Change what difference it will make' }).click();
  await settled(page);
  await page.getByLabel('What difference will your project make?').fill('Fewer people feel lonely, and more walk every week.');
  await save(page);
  await expect(page).toHaveURL(/\/grants\/apply\/check\//);
  await settled(page);
  await expect(page.getByTestId('answers-outcomes')).toContainText('more walk every week');
  await page.getByRole('button', { name: 'Send your application' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Application sent');
  await expect(page.getByTestId('reference')).toHaveText(`${tag}J-001`);
  await expectNoAxeViolations(page);
  const mail = await waitForMail(email, `We have received your application ${tag}J-001`);
  expect(mail.text).toContain('Walks for all');

  await page.getByRole('link', { name: 'See your applications' }).click();
  await settled(page);
  const card = page.getByTestId(`application-${roundId}`);
  await expect(card.getByTestId('status')).toContainText('Submitted');
  await expect(card).toContainText(`Reference ${tag}J-001`);
  await expectNoAxeViolations(page);

  // Sent: the sections can no longer be changed.
  await page.goto(`/grants/apply/task/?round=${roundId}&task=money`);
  await settled(page);
  await expect(page.getByTestId('locked')).toContainText('You have sent this application');
  await expectNoAxeViolations(page);
});

test('the deadline passes while the form is open: sending is refused and the draft is kept', async ({ page }) => {
  test.setTimeout(90_000);
  const roundId = await openRound('D');
  await readyApplicant(page, roundId, 'late');
  await checkPage(page, `/grants/apply/check/?round=${roundId}`);
  // The officer brings the closing date forward to yesterday while the page is open.
  const yesterday = new Date(Date.now() - 36 * 3600 * 1000).toISOString().slice(0, 10);
  expect((await officer('update_round', { p_round_id: roundId, p_closes_on: yesterday })).status).toBe(200);
  await page.getByRole('button', { name: 'Send your application' }).click();
  await expect(summary(page)).toContainText('The deadline for this round has passed');
  await expect(summary(page)).toContainText('Your draft is kept.');
  await expect(page.getByRole('button', { name: 'Send your application' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await checkPage(page, `/grants/apply/?round=${roundId}`);
  await expect(page.getByTestId('locked')).toContainText('The deadline for this round has passed');
  await expect(page.getByText('You have completed 6 of 6 sections.')).toBeVisible();
  await checkPage(page, `/grants/apply/task/?round=${roundId}&task=project`);
  await expect(page.getByTestId('locked')).toBeVisible();
  await checkPage(page, '/grants/applications/');
  await expect(page.getByTestId(`application-${roundId}`).getByTestId('status')).toContainText('Draft');
});

test('an officer asks for missing information; the applicant changes that section, sends again, then withdraws', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const roundId = await openRound('M');
  const { rpc, email } = await readyApplicant(page, roundId, 'asked');
  const sent = await rpc<{ reference: string }>('apply_submit', { p_round_id: roundId });
  expect(sent.status).toBe(200);

  const officerContext = await browser.newContext();
  const officerPage = await officerContext.newPage();
  await signIn(officerPage, 'officer@example.org', `/panel/officer/?id=${roundId}`);
  await settled(officerPage);
  const row = officerPage.getByTestId(`online-${sent.body.reference}`);
  await expect(row).toContainText('no summary yet');
  await expectNoAxeViolations(officerPage);
  await row.getByRole('button', { name: /Ask for missing information/ }).click();
  await officerPage.getByRole('button', { name: 'Send the request' }).click();
  await expect(officerPage.locator('.govuk-error-summary')).toContainText('Choose the section the applicant needs to change');
  await expectNoAxeViolations(officerPage);
  await officerPage.getByLabel('The money').check();
  await officerPage.getByLabel('What do you need?').fill('Please split the walk leaders into training and expenses.');
  await officerPage.getByRole('button', { name: 'Send the request' }).click();
  await expect(row).toContainText('Waiting for the applicant: The money');
  await officerContext.close();

  const mail = await waitForMail(email, `We need more information about your application ${sent.body.reference}`);
  expect(mail.text).toContain('training and expenses');
  await page.goto(new URL(mail.link).pathname + new URL(mail.link).search);
  await settled(page);
  await expect(page.getByTestId('reopened')).toContainText('training and expenses');
  await expectNoAxeViolations(page);
  await page.getByLabel('Line 1: what it is for').fill('Training');
  await page.getByLabel('Line 1: cost in pounds').fill('1000');
  await page.getByRole('button', { name: 'Add another line' }).click();
  await page.getByLabel('Line 2: what it is for').fill('Expenses');
  await page.getByLabel('Line 2: cost in pounds').fill('200');
  await save(page);
  await expect(page.getByTestId('reopened')).toBeVisible();
  await expect(page.getByTestId('tasks').getByRole('link')).toHaveText(['The money']);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Check your answers' }).click();
  await settled(page);
  await page.getByRole('button', { name: 'Send your application again' }).click();
  await expect(page.getByTestId('reference')).toHaveText(sent.body.reference);

  await checkPage(page, '/grants/applications/');
  const card = page.getByTestId(`application-${roundId}`);
  await card.getByRole('button', { name: /^Withdraw/ }).click();
  await expectNoAxeViolations(page);
  await card.getByRole('button', { name: 'Yes, withdraw my application' }).click();
  await expect(page.getByText(`You have withdrawn your application ${sent.body.reference}`)).toBeVisible();
  await expect(card.getByTestId('status')).toContainText('Withdrawn');
  await expectNoAxeViolations(page);
});
