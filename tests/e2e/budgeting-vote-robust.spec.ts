// The vote under what really happens: only a keyboard, a double press, two tabs, a connection
// that drops mid-ballot, a small phone and 200% zoom. The database keeps one ballot per person;
// these tests check the screen never claims otherwise and never loses the cart.
import { expect, test } from './support.ts';
import { checkPage, fitsScreen } from './support-panel-pages.ts';
import {
  add,
  addButton,
  checkAndSend,
  myBallot,
  newVoter,
  numbersOf,
  P,
  proveWithPostcode,
  removeButton,
  VOTE,
  type Project,
} from './support-vote.ts';

// One pattern in the list: Playwright reads a two-item list as [value, options].
// Whole journeys with several sign-ins and axe runs take longer than the default 30 s here.
test.describe.configure({ timeout: 120_000 });
test.use({ allowedConsoleErrors: [/status of 400 |ERR_INTERNET_DISCONNECTED|Failed to fetch/] });

test('voting with the keyboard alone', async ({ page, browser }) => {
  const rpc = await newVoter(page, browser, 'keyboard');
  /** Presses Tab until the focused element's text (a field's: its label's) matches, as a
   *  keyboard user would. */
  const tabTo = async (name: RegExp) => {
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press('Tab');
      const text = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return ((el?.labels?.[0] ?? el)?.textContent ?? '').replace(/\s+/g, ' ').trim();
      });
      if (name.test(text)) return;
    }
    throw new Error(`Tab never reached ${name}`);
  };
  await tabTo(/^With the voting code/);
  await page.keyboard.press('ArrowDown'); // the radios' own keys: moves to and chooses the postcode
  await expect(page.getByLabel('With my postcode')).toBeChecked();
  await tabTo(/^Postcode$/);
  await page.keyboard.type('OX2 6GG');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Choose projects');
  await tabTo(new RegExp(`^Add ${P.lunch.title}`));
  await page.keyboard.press('Enter');
  await expect(removeButton(page, P.lunch)).toBeFocused();
  await tabTo(new RegExp(`^Add ${P.orchard.title}`));
  await page.keyboard.press('Space');
  await expect(page.getByTestId('money-left')).toHaveText('£256,500');
  await tabTo(/^Check your vote$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await tabTo(/^Send my vote$/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('vote-sent')).toBeVisible();
  expect(numbersOf(await myBallot(rpc))).toEqual([4, 5]);
  await tabTo(/^Copy the receipt code$/);
});

test('a double press on send makes one ballot and one request', async ({ page, browser }) => {
  const rpc = await newVoter(page, browser, 'double');
  await proveWithPostcode(page, 'OX3 9DU');
  await add(page, P.bikes);
  await page.getByRole('button', { name: 'Check your vote' }).click();
  const casts: string[] = [];
  page.on('request', (r) => r.url().includes('/rpc/pb_cast_ballot') && casts.push(r.url()));
  await page.getByRole('button', { name: 'Send my vote' }).dblclick();
  await expect(page.getByTestId('vote-sent')).toBeVisible();
  expect(casts).toHaveLength(1);
  const ballot = await myBallot(rpc);
  expect(numbersOf(ballot)).toEqual([1]);
  expect(ballot?.changes).toBe(0);
});

test('two tabs sending different ballots leave one ballot, the later, and both tabs say so', async ({ page, browser, context }) => {
  const rpc = await newVoter(page, browser, 'twotabs');
  await proveWithPostcode(page, 'OX4 1AA');
  const second = await context.newPage();
  await second.goto(VOTE);
  await checkPage(second);
  await add(page, P.music);
  await add(second, P.swim, P.cinema);
  const first = await checkAndSend(page);
  await second.bringToFront();
  const later = await checkAndSend(second);
  expect(later).not.toBe(first);
  await expect(second.getByTestId('vote-sent')).toContainText('Your vote has been changed');

  // The first tab learns of the later vote and shows what counts now.
  await page.bringToFront();
  const notice = page.getByTestId('changed-elsewhere');
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('table', { name: 'The vote that counts now' })).toContainText(P.swim.title);
  await expect(notice.getByRole('table', { name: 'The vote that counts now' })).not.toContainText(P.music.title);
  await checkPage(page);
  const ballot = await myBallot(rpc);
  expect(numbersOf(ballot)).toEqual([8, 10]);
  expect(ballot?.changes).toBe(1);
  const receipts = await Promise.all([first, later].map((r) => rpc<{ replaced: boolean }>('pb_check_receipt', { p_receipt: r })));
  expect(receipts.map((r) => r.body.replaced)).toEqual([true, false]);
});

test('a connection that drops mid-ballot keeps the cart, says the vote is not sent, and sends once back online', async ({
  page,
  browser,
  context,
}) => {
  const rpc = await newVoter(page, browser, 'offline');
  await proveWithPostcode(page, 'OX14 3DB');
  await add(page, P.lunch);

  await context.setOffline(true);
  await expect(page.getByTestId('offline-note')).toContainText('You are offline. You can keep choosing');
  await add(page, P.orchard);
  await checkPage(page);

  // Back online, then a reload: the unsent choices come back from the device.
  await context.setOffline(false);
  await page.reload();
  await checkPage(page);
  await expect(page.getByTestId('restored')).toBeVisible();
  await expect(removeButton(page, P.orchard)).toBeVisible();

  // Offline at the moment of sending: plainly not sent, nothing on the server.
  await page.getByRole('button', { name: 'Check your vote' }).click();
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Send my vote' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Your vote has not been sent yet');
  await expect(page.locator('.govuk-error-summary')).toContainText('Your choices are kept on this device.');
  await checkPage(page);
  await context.setOffline(false);
  expect(await myBallot(rpc)).toBeNull();

  // The same button again, once online: one ballot, as chosen.
  await page.getByRole('button', { name: 'Send my vote' }).click();
  await expect(page.getByTestId('vote-sent')).toContainText('We have your vote for 2 projects, costing £23,500');
  const ballot = await myBallot(rpc);
  expect(numbersOf(ballot)).toEqual([4, 5]);
  expect(ballot?.changes).toBe(0);
  await page.reload();
  await expect(page.getByTestId('already-voted')).toContainText(P.orchard.title);
  await expect(page.getByTestId('restored')).toHaveCount(0);
});

const sizes = [
  { name: 'a 320 px phone', use: { viewport: { width: 320, height: 700 } } },
  { name: '200% zoom', use: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } },
];
for (const size of sizes) {
  test.describe(`the vote at ${size.name}`, () => {
    test.use(size.use);
    test('every step fits the screen and passes axe', async ({ page, browser }) => {
      await newVoter(page, browser, `small${size.use.viewport.width}`);
      await fitsScreen(page);
      await proveWithPostcode(page, 'OX5 1AA');
      const over: Project[] = [P.path, P.minibus, P.music, P.teens, P.swim, P.shed];
      await add(page, ...over);
      await addButton(page, P.mural).click();
      await fitsScreen(page);
      await checkPage(page);
      // The focused button is not hidden behind the running total (WCAG 2.4.11).
      const hidden = await page.evaluate(() => {
        const focused = document.activeElement!.getBoundingClientRect();
        const bar = document.querySelector('[data-testid="cart-total"]')!.getBoundingClientRect();
        return focused.top < bar.bottom && focused.bottom > bar.top;
      });
      expect(hidden).toBe(false);
      await checkAndSend(page);
      await fitsScreen(page);
      await checkPage(page);
      await page.goto('/budgeting/check-ballot/');
      await fitsScreen(page);
      await page.goto('/budgeting/results/?p=didcot-villages-2026');
      await fitsScreen(page);
      await page.goto('/budgeting/vote/?p=didcot-villages-2026');
      await fitsScreen(page);
    });
  });
}
