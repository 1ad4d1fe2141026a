// Bad input on the panel member's and the chair's screens: a score out of range (a tampered
// request, as the screens offer only valid scores), a double click on every button that sends
// something, and acting on a round that moved on while the page was open. Each gets a
// plain-English message next to the field and changes nothing. Every test uses a round and
// people of its own (tests/e2e/support-rounds.ts), so the seeded rounds stay as other specs expect.
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support.ts';
import { apiAs, createScoringRound, signInNewPerson, type OwnRound } from './support-rounds.ts';

// The refusals are the point: Chromium logs each 400 and 409 the page then explains.
// (One pattern: Playwright reads a two-item array here as [value, options].)
test.use({ allowedConsoleErrors: [/status of (400|409) /] });

/** Counts the API functions the page calls (POSTs only: not the browser's CORS checks). */
function countCalls(page: Page): Record<string, number> {
  const calls: Record<string, number> = {};
  page.on('request', (request) => {
    const fn = request.method() === 'POST' ? request.url().match(/\/rest\/v1\/rpc\/(\w+)/)?.[1] : undefined;
    if (fn) calls[fn] = (calls[fn] ?? 0) + 1;
  });
  return calls;
}

const question = (page: Page, round: OwnRound, i: number) => page.getByTestId(`criterion-${round.criteria[i]!.id}`);
const choose = (page: Page, round: OwnRound, i: number, score: number) => question(page, round, i).getByLabel(`${score} out of 2`).check();
const keptScore = (page: Page, title: string) => page.getByTestId('kept-scores').locator('.govuk-summary-list__row', { hasText: title });
const scoreUrl = (round: OwnRound, app = 0) => `/panel/score/?round=${round.id}&id=${round.applications[app]!.id}`;

test('a score out of range is refused next to its question, and nothing is saved', async ({ page, browser }) => {
  const officer = await apiAs(browser, 'officer@example.org');
  const member = await signInNewPerson(page, 'range.member@example.org', officer.token);
  const round = await createScoringRound(officer, 'R1', [{ id: member.id, seat: 'community' }]);
  await member.rpc('accept_confidentiality', { p_round_id: round.id });
  await member.rpc('declare_interest', { p_application_id: round.applications[0]!.id, p_has_conflict: false });

  // Every score for the first question is rewritten to 99 on its way to the server.
  const first = round.criteria[0]!;
  await page.route(
    (url) => /\/rpc\/(save_draft_scores|submit_scores)$/.test(url.pathname),
    async (route) => {
      const body = route.request().postDataJSON() as { p_scores: { criterion_id: string; score: number }[] };
      body.p_scores = body.p_scores.map((s) => (s.criterion_id === first.id ? { ...s, score: 99 } : s));
      await route.continue({ postData: JSON.stringify(body) });
    },
  );
  await page.goto(scoreUrl(round));
  await choose(page, round, 0, 2);
  const error = page.locator(`#criterion-${first.id}-error`);
  await expect(error).toHaveText('Error: Choose a score from 0 to 2 for "Who it helps"');
  await expect(page.locator(`#criterion-${first.id}`).locator('xpath=ancestor::fieldset')).toHaveAttribute(
    'aria-describedby',
    new RegExp(`criterion-${first.id}-error`),
  );
  await expect(page.getByRole('alert').getByRole('link', { name: 'Choose a score from 0 to 2 for "Who it helps"' })).toHaveAttribute(
    'href',
    `#criterion-${first.id}`,
  );
  await expect(page.getByTestId('save-status')).toContainText('Not saved to the server');
  await expectNoAxeViolations(page);

  // Submitting is refused the same way, and the member is back at the form with the message.
  await choose(page, round, 1, 1);
  await page.getByRole('button', { name: 'Check and submit' }).click();
  await page.getByRole('button', { name: 'Submit my scores' }).click();
  await expect(error).toHaveText('Error: Choose a score from 0 to 2 for "Who it helps"');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Score: Walks for all');

  // Nothing reached the database: no scores, no submission.
  const pack = await member.rpc<{ my_scores: unknown[]; my_submission: unknown }>('open_application_pack', {
    p_application_id: round.applications[0]!.id,
  });
  expect(pack.body.my_scores).toEqual([]);
  expect(pack.body.my_submission).toBeNull();

  // Once the requests go through untouched, the next choice saves and the message goes.
  await page.unrouteAll();
  await choose(page, round, 0, 1);
  await expect(page.getByTestId('save-status')).toContainText('Draft saved');
  await expect(error).toHaveCount(0);
});

test('a double click sends one request: accepting, declaring, submitting and recording', async ({ page, browser }) => {
  const officer = await apiAs(browser, 'officer@example.org');
  const member = await signInNewPerson(page, 'double.member@example.org', officer.token);
  const chairPage = await (await browser.newContext()).newPage();
  const chair = await signInNewPerson(chairPage, 'double.chair@example.org', officer.token);
  const round = await createScoringRound(officer, 'D1', [
    { id: member.id, seat: 'community' },
    { id: chair.id, seat: 'councillor', role: 'chair' },
  ]);
  const calls = countCalls(page);

  await page.goto(`/panel/round/?id=${round.id}`);
  await page.getByLabel(/I have read this and I agree/).check();
  await page.getByRole('button', { name: 'Accept and see the applications' }).dblclick();
  await expect(page.getByTestId('round-progress')).toHaveText('0 of 2 scored');
  await page.getByRole('link', { name: 'Walks for all' }).click();
  await page.getByLabel('No, I do not have a conflict').check();
  await page.getByRole('button', { name: 'Continue' }).dblclick();
  await page.getByRole('link', { name: 'Score this application' }).click();
  await choose(page, round, 0, 2);
  await choose(page, round, 1, 1);
  await expect(page.getByTestId('save-status')).toContainText('Draft saved');
  await page.getByRole('button', { name: 'Check and submit' }).click();
  await page.getByRole('button', { name: 'Submit my scores' }).dblclick();
  await expect(page.getByText('Your scores are submitted.')).toBeVisible();
  expect([calls.accept_confidentiality, calls.declare_interest, calls.submit_scores]).toEqual([1, 1, 1]);
  const mine = await member.rpc<{ id: string; status: string }[]>('my_applications', { p_round_id: round.id });
  expect(mine.body.find((a) => a.id === round.applications[0]!.id)!.status).toBe('submitted');

  // The chair, at the panel meeting, saves a recommendation with a double click.
  await chair.rpc('accept_confidentiality', { p_round_id: round.id });
  await chair.rpc('declare_interest', { p_application_id: round.applications[0]!.id, p_has_conflict: false });
  expect(
    (await officer('move_round', { p_round_id: round.id, p_to: 'panel', p_force_reason: 'Test: the chair has not scored.' })).status,
  ).toBe(200);
  const chairCalls = countCalls(chairPage);
  await chairPage.goto(`/panel/panel-day/?round=${round.id}`);
  const row = chairPage.getByTestId('results-table').getByRole('row').filter({ hasText: 'Walks for all' });
  await row.getByRole('button', { name: /Record the recommendation for Walks for all/ }).click();
  const form = chairPage.getByRole('form', { name: /Recommendation for Walks for all/ });
  await form.getByLabel('Award', { exact: true }).check();
  await form.getByLabel('Amount, in pounds').fill('1500');
  await form.getByLabel("The panel's reasons").fill('A clear plan that helps people get out more.');
  await form.getByLabel('Everyone agreed').check();
  await form.getByRole('button', { name: 'Save the recommendation' }).dblclick();
  await expect(row).toContainText('Award £1,500');
  expect(chairCalls.record_recommendation).toBe(1);
  const recs = await chair.rpc<{ recommendations: { application_id: string; outcome: string | null }[] }>('review_recommendations', {
    p_round_id: round.id,
  });
  expect(recs.body.recommendations.filter((r) => r.application_id === round.applications[0]!.id && r.outcome)).toHaveLength(1);
  await chairPage.context().close();
});

test('scoring closes while the form is open: the member is told, keeps their work, and nothing changes', async ({ page, browser }) => {
  const officer = await apiAs(browser, 'officer@example.org');
  const member = await signInNewPerson(page, 'closed.member@example.org', officer.token);
  const otherPage = await (await browser.newContext()).newPage();
  const other = await signInNewPerson(otherPage, 'closed.member2@example.org', officer.token);
  const round = await createScoringRound(officer, 'C1', [
    { id: member.id, seat: 'community' },
    { id: other.id, seat: 'councillor' },
  ]);
  const app = round.applications[0]!.id;
  for (const person of [member, other]) {
    await person.rpc('accept_confidentiality', { p_round_id: round.id });
    await person.rpc('declare_interest', { p_application_id: app, p_has_conflict: false });
  }

  // One member has a draft saved; the other has checked all their scores and is about to submit.
  await page.goto(scoreUrl(round));
  await choose(page, round, 0, 1);
  await expect(page.getByTestId('save-status')).toContainText('Draft saved');
  await otherPage.goto(scoreUrl(round));
  await choose(otherPage, round, 0, 2);
  await choose(otherPage, round, 1, 2);
  await expect(otherPage.getByTestId('save-status')).toContainText('Draft saved');
  await otherPage.getByRole('button', { name: 'Check and submit' }).click();

  // Meanwhile the officer moves the round to the panel meeting.
  expect(
    (await officer('move_round', { p_round_id: round.id, p_to: 'panel', p_force_reason: 'Test: the panel meets today.' })).status,
  ).toBe(200);

  // The first member changes a score: refused, said plainly, the choice kept on screen and device.
  await choose(page, round, 0, 2);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    'Scoring has closed for this round, so your scores were not sent. This round is now at: Panel meeting.',
  );
  await expect(alert).toContainText('Your scores are kept on this device. Ask the chair or the grants officer what to do.');
  await expect(keptScore(page, 'Who it helps')).toContainText('2 out of 2');
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Check and submit' })).toHaveCount(0);
  const kept = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), `wt-draft:scores:${app}`);
  expect(kept).toMatchObject({ pending: true, value: { [round.criteria[0]!.id]: { score: 2 } } });
  await expectNoAxeViolations(page);

  // The other member submits: refused the same way, back at their scores, nothing lost.
  await otherPage.getByRole('button', { name: 'Submit my scores' }).click();
  await expect(otherPage.getByRole('alert')).toContainText('Scoring has closed for this round');
  await expect(keptScore(otherPage, 'Value for money')).toContainText('2 out of 2');

  // Nothing changed in the database: the first member's saved draft is still 1; no submission.
  const mine = await member.rpc<{ my_scores: { criterion_id: string; score: number }[]; my_submission: unknown }>('open_application_pack', {
    p_application_id: app,
  });
  expect(mine.body.my_scores.map((s) => s.score)).toEqual([1]);
  expect(mine.body.my_submission).toBeNull();
  const theirs = await other.rpc<{ my_submission: { submitted_at: string | null } | null }>('open_application_pack', {
    p_application_id: app,
  });
  expect(theirs.body.my_submission?.submitted_at ?? null).toBeNull();
  await otherPage.context().close();

  // Coming back later: the screens say why scoring is not possible, before the member tries:
  // scoring closed before these saved scores were sent, so they do not count.
  await page.reload();
  const why = page.getByRole('alert');
  await expect(why).toContainText('before you sent these scores. The grants officer moved the round on to the panel meeting');
  await expect(why).toContainText('It is now at: Panel meeting.');
  await expect(why).toContainText('Scores that were saved but not sent do not count');
  await expect(why).toContainText('The scores you chose are kept on this device.');
  await expect(keptScore(page, 'Who it helps')).toContainText('2 out of 2');
  await page.goto(`/panel/application/?round=${round.id}&id=${app}`);
  await expect(page.getByTestId('not-scoring')).toContainText('Scoring has closed for this round. It is now at: Panel meeting.');
  await expect(page.getByRole('link', { name: 'Score this application' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('the round moves past the panel meeting while the chair changes a recommendation', async ({ page, browser }) => {
  const officer = await apiAs(browser, 'officer@example.org');
  const chair = await signInNewPerson(page, 'late.chair@example.org', officer.token);
  const round = await createScoringRound(officer, 'P1', [{ id: chair.id, seat: 'community', role: 'chair' }]);
  await chair.rpc('accept_confidentiality', { p_round_id: round.id });
  for (const a of round.applications) await chair.rpc('declare_interest', { p_application_id: a.id, p_has_conflict: false });
  expect(
    (await officer('move_round', { p_round_id: round.id, p_to: 'panel', p_force_reason: 'Test: the panel meets today.' })).status,
  ).toBe(200);
  for (const a of round.applications) {
    const saved = await chair.rpc('record_recommendation', {
      p_application_id: a.id,
      p_outcome: 'not_award',
      p_reasons: 'Other bids met the aims better.',
      p_how_agreed: 'consensus',
    });
    expect(saved.status).toBe(200);
  }

  await page.goto(`/panel/panel-day/?round=${round.id}`);
  const row = page.getByTestId('results-table').getByRole('row').filter({ hasText: 'Walks for all' });
  await row.getByRole('button', { name: /Change the recommendation for Walks for all/ }).click();
  const form = page.getByRole('form', { name: /Recommendation for Walks for all/ });
  await form.getByLabel("The panel's reasons").fill('We changed our minds after talking it through.');
  expect((await officer('move_round', { p_round_id: round.id, p_to: 'recommended' })).status).toBe(200);
  await form.getByRole('button', { name: 'Save the recommendation' }).click();

  await expect(form.locator('#rec-outcome-error')).toContainText(
    'Recommendations can only be saved at the panel meeting. This round is now at: Recommendations made: with councillors for review. Nothing was changed.',
  );
  await expect(form.getByRole('alert').getByRole('link', { name: /Recommendations can only be saved/ })).toHaveAttribute(
    'href',
    '#rec-outcome',
  );
  await expect(form.getByLabel("The panel's reasons")).toHaveValue('We changed our minds after talking it through.');
  await expectNoAxeViolations(page);
  const recs = await chair.rpc<{ recommendations: { application_id: string; reasons: string }[] }>('review_recommendations', {
    p_round_id: round.id,
  });
  expect(recs.body.recommendations.find((r) => r.application_id === round.applications[0]!.id)!.reasons).toBe(
    'Other bids met the aims better.',
  );

  // After a reload, the page no longer offers to record or change anything, and says why.
  await page.reload();
  await expect(page.getByTestId('recording-closed')).toContainText('The panel meeting is over');
  await expect(page.getByTestId('results-table').getByRole('button', { name: /the recommendation for/ })).toHaveCount(0);
});
