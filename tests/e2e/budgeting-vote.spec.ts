// The resident's vote in Community Chest 2027 (£280,000, in voting): sign in and come back,
// prove eligibility by voting code or postcode (good and bad), the cart with its running total
// and the over-budget refusal, check, send, receipt, change the vote, check-ballot with the
// receipt; a closed vote. Each page and state gets an axe check. Every test has fresh accounts
// and codes of its own, so a retried test starts clean and the seeded resident is left alone.
import { expect, test } from './support.ts';
import { checkPage } from './support-panel-pages.ts';
import {
  add,
  addButton,
  checkAndSend,
  CHEST,
  freshCode,
  myBallot,
  newVoter,
  numbersOf,
  P,
  projectCard,
  proveWithCode,
  proveWithPostcode,
  removeButton,
  VOTE,
} from './support-vote.ts';

// One pattern in the list: Playwright reads a two-item list as [value, options].
// Whole journeys with several sign-ins and axe runs take longer than the default 30 s here.
test.describe.configure({ timeout: 120_000 });
test.use({ allowedConsoleErrors: [/status of (400|403|404|409) /] });

test('a resident signs in, proves eligibility with a letter code, fills the cart, sends, checks the receipt and changes the vote', async ({
  page,
  browser,
}) => {
  // Sign-in needed, and the sign-in page sends them back to the vote (newVoter signs in with
  // the same return address and waits to land on the vote page).
  await page.goto(VOTE);
  await expect(page).toHaveURL(/\/sign-in\/\?next=%2Fbudgeting%2Fvote%2F%3Fp%3Dcommunity-chest-2027/);
  const code = await freshCode(browser);
  const rpc = await newVoter(page, browser, 'letter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Show that you can vote');

  // Bad input: nothing chosen, nothing typed, a code that does not exist. Typed text stays.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Choose how you will show you can vote.');
  await page.getByLabel('With the voting code from my letter').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#voting-code-error')).toContainText('Enter the voting code from your letter.');
  await proveWithCode(page, 'CHST-NOPE-0000');
  await expect(page.locator('#voting-code-error')).toContainText('We do not recognise that voting code.');
  await expect(page.getByRole('textbox', { name: 'Voting code' })).toHaveValue('CHST-NOPE-0000');
  await checkPage(page);
  expect((await rpc<{ eligible: boolean }>('pb_my_status', { p_process_id: CHEST })).body.eligible).toBe(false);

  // A good code, typed loosely: case and spaces do not matter.
  await proveWithCode(page, code.toLowerCase().replaceAll('-', ' '));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Choose projects');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await checkPage(page);

  // The cart: running total and money left, announced politely after each press.
  const total = page.getByTestId('cart-total');
  const said = page.getByTestId('cart-announcement');
  await expect(said).toHaveAttribute('aria-live', 'polite');
  await expect(total).toContainText('0 projects, costing £0');
  await add(page, P.path, P.minibus, P.music, P.teens, P.swim, P.shed);
  await expect(total).toContainText('6 projects, costing £259,500');
  await expect(page.getByTestId('money-left')).toHaveText('£20,500');
  await expect(said).toHaveText("Added Men's shed workshop in Banbury. 6 projects chosen, costing £259,500. £20,500 left of £280,000.");
  await expect(projectCard(page, P.mural)).toContainText('Costs more than you have left.');

  // Over the budget: refused next to the project, with the sums, and nothing added.
  await addButton(page, P.mural).click();
  await expect(projectCard(page, P.mural).locator('.govuk-error-message')).toContainText(
    'it would take your vote £1,500 over the budget of £280,000',
  );
  await expect(said).toContainText('Not added.');
  await expect(total).toContainText('6 projects, costing £259,500');
  await checkPage(page);

  // Remove one, add two that fit.
  await removeButton(page, P.shed).click();
  await expect(said).toContainText("Removed Men's shed workshop in Banbury.");
  await add(page, P.mural, P.cinema);
  await expect(page.getByTestId('money-left')).toHaveText('£18,200');

  // Check your vote, go back, come again, send.
  await page.getByRole('button', { name: 'Check your vote' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Check your vote');
  await expect(page.getByRole('table', { name: 'Your vote' })).toContainText('£261,800');
  await checkPage(page);
  await page.getByRole('button', { name: 'Change your choices' }).click();
  await expect(removeButton(page, P.cinema)).toBeVisible();
  const receipt = await checkAndSend(page);
  expect(receipt).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
  await expect(page.getByTestId('vote-sent')).toContainText('We have your vote for 7 projects, costing £261,800');
  await expect(page.getByText('We will also email the receipt code to you.')).toBeVisible();
  await expect(page.getByText('The last vote you send is the one that counts')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy the receipt code' })).toBeVisible();
  await checkPage(page);
  expect(numbersOf(await myBallot(rpc))).toEqual([2, 3, 6, 7, 8, 9, 10]);

  // Check the ballot with the receipt, in the ballot box, not yet counted.
  await page.goto('/budgeting/check-ballot/');
  await checkPage(page);
  await page.getByRole('textbox', { name: 'Receipt code' }).fill(receipt.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: 'Check the ballot' }).click();
  await expect(page.getByTestId('verdict')).toContainText('In the ballot box');
  await expect(page.getByRole('table', { name: 'What this ballot contained' })).toContainText(P.cinema.title);
  await expect(page.getByRole('table', { name: 'What this ballot contained' })).toContainText('£261,800');
  await checkPage(page);

  // Coming back: the vote that counts is shown and can be changed; the old receipt is replaced.
  await page.goto(VOTE);
  await checkPage(page);
  await expect(page.getByTestId('already-voted')).toContainText(P.cinema.title);
  await expect(removeButton(page, P.cinema)).toBeVisible();
  await removeButton(page, P.cinema).click();
  await add(page, P.orchard);
  await expect(page.getByRole('button', { name: 'Check your changed vote' })).toBeVisible();
  await page.getByRole('button', { name: 'Check your changed vote' }).click();
  await expect(page.getByText('This vote will replace the one you sent before.')).toBeVisible();
  await page.getByRole('button', { name: 'Send my vote' }).click();
  await expect(page.getByTestId('vote-sent')).toContainText('Your vote has been changed');
  await expect(page.getByText('The vote you sent before has been replaced and will not be counted.')).toBeVisible();
  const second = (await page.getByTestId('receipt-code').textContent())!.trim();
  expect(second).not.toBe(receipt);
  const ballot = await myBallot(rpc);
  expect(numbersOf(ballot)).toEqual([2, 3, 5, 6, 7, 9, 10]);
  expect(ballot?.changes).toBe(1);

  await page.goto('/budgeting/check-ballot/');
  await page.getByRole('textbox', { name: 'Receipt code' }).fill(receipt);
  await page.getByRole('button', { name: 'Check the ballot' }).click();
  await expect(page.getByTestId('verdict')).toContainText('Replaced');
  await checkPage(page);
});

test('a postcode proves eligibility only when it is a real postcode in the area', async ({ page, browser }) => {
  const rpc = await newVoter(page, browser, 'postcode');
  await proveWithPostcode(page, '');
  await expect(page.locator('#postcode-error')).toContainText('Enter your postcode.');
  await proveWithPostcode(page, 'OX1');
  await expect(page.locator('#postcode-error')).toContainText('Enter a full UK postcode, like OX1 1BX.');
  await proveWithPostcode(page, 'SW1A 1AA');
  await expect(page.locator('#postcode-error')).toContainText('That postcode is not in the area of this process.');
  await checkPage(page);
  await proveWithPostcode(page, 'ox4 3ab');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Choose projects');
  const status = (await rpc<{ method: string; postcode: string }>('pb_my_status', { p_process_id: CHEST })).body;
  expect(status).toMatchObject({ method: 'postcode', postcode: 'OX4 3AB' });
});

test('a voting code already used by someone else is refused', async ({ page, browser }) => {
  const code = await freshCode(browser);
  const elsewhere = await browser.newContext();
  const first = await newVoter(await elsewhere.newPage(), browser, 'first');
  expect((await first('pb_redeem_code', { p_process_id: CHEST, p_code: code })).status).toBe(200);
  await elsewhere.close();
  await newVoter(page, browser, 'codeclash');
  await proveWithCode(page, code);
  await expect(page.locator('#voting-code-error')).toContainText('This voting code has already been used.');
  await checkPage(page);
});

test('sending needs at least one project', async ({ page, browser }) => {
  await newVoter(page, browser, 'empty');
  await proveWithPostcode(page, 'OX1 1BX');
  await page.getByRole('button', { name: 'Check your vote' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Choose at least 1 project before you send your vote.');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Choose projects');
  await checkPage(page);
});

test('a closed vote says so in plain words, without asking anyone to sign in', async ({ page }) => {
  await page.goto('/budgeting/vote/?p=didcot-villages-2026');
  await checkPage(page);
  await expect(page.getByTestId('vote-closed')).toContainText('Voting has closed');
  await expect(page.getByTestId('vote-closed')).toContainText('votes can no longer be sent or changed');
  await expect(page.getByRole('link', { name: 'See the results' })).toHaveAttribute('href', '/budgeting/results/?p=didcot-villages-2026');
  await expect(page).toHaveURL(/\/budgeting\/vote\//);
});

test('a vote page for a process that does not exist says so', async ({ page }) => {
  await page.goto('/budgeting/vote/?p=no-such-process');
  await checkPage(page);
  await expect(page.getByText('We could not find that budgeting process.')).toBeVisible();
});

test('check-ballot refuses a code of the wrong shape or one that does not exist', async ({ page }) => {
  await page.goto('/budgeting/check-ballot/');
  await page.getByRole('button', { name: 'Check the ballot' }).click();
  await expect(page.locator('#receipt-error')).toContainText('Enter your receipt code.');
  await page.getByRole('textbox', { name: 'Receipt code' }).fill('ABCD-2345');
  await page.getByRole('button', { name: 'Check the ballot' }).click();
  await expect(page.locator('#receipt-error')).toContainText('It has 8 letters and numbers');
  await page.getByRole('textbox', { name: 'Receipt code' }).fill('2222-3333-4444-5555');
  await page.getByRole('button', { name: 'Check the ballot' }).click();
  await expect(page.locator('#receipt-error')).toContainText('We could not find a vote with that receipt code.');
  await checkPage(page);
});
