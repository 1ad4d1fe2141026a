// The budgeting emails, end to end through the outbox, its sender and the local mailbox: a
// resident who sends an idea is told so, and the email's link opens the idea; a voter's receipt
// arrives with the code the screen showed, and that code checks at /budgeting/check-ballot/; when
// an officer publishes a result (set up through the API), its voters get the results link.
// Each person is new to this test, so their mailbox holds only what this test caused.
import { API, expect, expectNoAxeViolations, test } from './support.ts';
import { waitForMail } from './support-mail.ts';
import { checkPage } from './support-panel-pages.ts';
import { answerEveryQuestion, openForIdeas } from './support-propose.ts';
import { apiAs, signInNewPerson, type Rpc } from './support-rounds.ts';
import { add, checkAndSend, P, proveWithPostcode, VOTE } from './support-vote.ts';

const tag = Date.now().toString(36).slice(-6);
const emailOf = (who: string) => `${who}.${tag}@example.org`;
let officer: Rpc;

test.beforeAll(async ({ browser }) => {
  officer = await apiAs(browser, 'officer@example.org');
});

async function ok<T>(call: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const { status, body } = await call;
  expect(status, `${what}: ${JSON.stringify(body)}`).toBeLessThan(300);
  return body;
}

test('a resident who sends an idea is emailed, and the link opens the idea', async ({ page }) => {
  test.setTimeout(60_000);
  const slug = `test-mail-ideas-${tag}`;
  await openForIdeas(officer, 'Test Mail Ideas', slug, 20000);
  const email = emailOf('idea');
  await signInNewPerson(page, email, officer.token, `/budgeting/propose/?p=${slug}`);
  await answerEveryQuestion(page, 'Flowers by the station');
  await page.getByRole('button', { name: 'Send your idea' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your idea has been sent');
  const number = (await page
    .getByText(/Your idea's number is/)
    .locator('strong')
    .textContent())!.trim();
  await expect(page.getByTestId('email-promise')).toContainText(`We are sending a confirmation email to ${email}`);
  await expectNoAxeViolations(page);

  const mail = await waitForMail(email, 'We have received your idea: Flowers by the station');
  expect(mail.text).toContain(`We have received it as idea ${number}: Flowers by the station.`);
  expect(mail.link).toMatch(/\/budgeting\/proposal\/\?id=[0-9a-f-]{36}$/);
  await page.goto(mail.link);
  await checkPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Flowers by the station');
  await expect(page.locator('.govuk-caption-l')).toHaveText(`Idea ${number}`);
});

test('a voter gets the receipt code the screen showed, and it checks at /budgeting/check-ballot/', async ({ page }) => {
  test.setTimeout(60_000);
  const email = emailOf('voter');
  await signInNewPerson(page, email, officer.token, VOTE);
  await checkPage(page);
  await proveWithPostcode(page, 'OX5 1AA');
  await add(page, P.orchard);
  const receipt = await checkAndSend(page);
  await expect(page.getByTestId('vote-sent').locator('..')).toContainText('We will also email the receipt code to you.');

  const mail = await waitForMail(email, 'We have received your vote in Community Chest 2027');
  expect(mail.text).toContain(`Your receipt code is:\n\n${receipt}\n`);
  expect(mail.link).toMatch(/\/budgeting\/check-ballot\/$/);
  await page.goto(mail.link);
  await checkPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your vote');
  await page.getByLabel('Receipt code').fill(receipt);
  await page.getByRole('button', { name: 'Check the ballot' }).click();
  await expect(page.getByTestId('verdict')).toContainText('In the ballot box');
  await expect(page.getByTestId('ballot-check')).toContainText(P.orchard.title);
  await expectNoAxeViolations(page);
});

test('when an officer publishes a result, its voters are emailed the results link', async ({ page }) => {
  test.setTimeout(90_000);
  const slug = `test-mail-result-${tag}`;
  const title = 'Test Mail Result';
  const processId = await openForIdeas(officer, title, slug, 20000);
  const email = emailOf('result');
  const { rpc: voter } = await signInNewPerson(page, email, officer.token, `/budgeting/process/?p=${slug}`);
  const idea = await ok(
    voter<{ id: string }>('pb_propose', {
      p_process_id: processId,
      p_title: 'A bench by the pond',
      p_summary: 'Somewhere to sit.',
      p_details: 'One bench.',
      p_estimated_cost: 900,
    }),
    'pb_propose',
  );
  await ok(officer('pb_move_phase', { p_process_id: processId, p_to: 'review' }), 'to review');
  await ok(officer('pb_decide_feasibility', { p_proposal_id: idea.id, p_feasible: true, p_checked_cost: 1000 }), 'feasible');
  await ok(officer('pb_set_shortlisted', { p_proposal_id: idea.id, p_shortlisted: true }), 'shortlist');
  const codes = await ok(officer<{ codes: string[] }>('pb_issue_codes', { p_process_id: processId, p_label: 'e2e', p_count: 1 }), 'codes');
  await ok(officer('pb_move_phase', { p_process_id: processId, p_to: 'voting' }), 'to voting');
  await ok(voter('pb_redeem_code', { p_process_id: processId, p_code: codes.codes[0] }), 'redeem');
  await ok(voter('pb_cast_ballot', { p_process_id: processId, p_proposal_ids: [idea.id] }), 'cast');
  await ok(officer('pb_move_phase', { p_process_id: processId, p_to: 'counting' }), 'to counting');
  const counted = await page.request.post(`${API}/functions/v1/pb-count`, {
    headers: { Authorization: `Bearer ${officer.token}`, apikey: officer.token },
    data: { process_id: processId },
  });
  expect(counted.status(), await counted.text()).toBe(200);
  await ok(officer('pb_move_phase', { p_process_id: processId, p_to: 'results' }), 'publish');

  const mail = await waitForMail(email, `The results of ${title} are published`);
  expect(mail.link).toMatch(new RegExp(`/budgeting/results/\\?p=${slug}$`));
  await page.goto(mail.link);
  await checkPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Results');
  await expect(page.getByRole('main')).toContainText('A bench by the pond');
});
