// Guessing voting codes on the vote screen: after too many wrong codes the resident is told, next
// to the code box, that they must wait and for how long (too_many_code_attempts), even for the
// right code; what they typed stays. The wrong codes before are sent straight to the API, as a
// guesser would, to keep the test short.
import { expect, test } from './support.ts';
import { checkPage } from './support-panel-pages.ts';
import { CHEST, freshCode, newVoter, proveWithCode } from './support-vote.ts';

test.describe.configure({ timeout: 120_000 });
test.use({ allowedConsoleErrors: [/status of (400|429) /] });

test('after too many wrong codes the vote screen says when to try again, by the code box', async ({ page, browser }) => {
  const code = await freshCode(browser);
  const rpc = await newVoter(page, browser, 'guesser');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Show that you can vote');
  // The limit is 10 in an hour (private.pb_code_limits); the screen's own try is the 10th.
  for (let i = 0; i < 9; i += 1) {
    const { status } = await rpc('pb_redeem_code', { p_process_id: CHEST, p_code: `CHST-NOPE-000${i}` });
    expect(status).toBe(400);
  }
  await proveWithCode(page, 'CHST-NOPE-0009');
  await expect(page.locator('#voting-code-error')).toContainText('We do not recognise that voting code.');

  await proveWithCode(page, code);
  const error = page.locator('#voting-code-error');
  await expect(error).toContainText('You have entered too many voting codes we did not recognise.');
  await expect(error).toContainText(/try again in (60|59) minutes/);
  await expect(page.locator('.govuk-error-summary')).toContainText('try again in');
  await expect(page.getByRole('textbox', { name: 'Voting code' })).toHaveValue(code);
  await checkPage(page);
});
