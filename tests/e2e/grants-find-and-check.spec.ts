// Finding a fund and checking you can apply, on funds and rounds of the test's own (the seeded
// rounds other specs rely on stay as they are): /grants/ lists the rounds open now or soon with the
// closing date in words and what the panel scores; "Check if you can apply" asks one question a
// page and answers plainly, with the reason when a group cannot apply; an officer writes a fund's
// questions; an officer sets a round's dates for applications, bad dates refused by their key.
import { expect, expectNoAxeViolations, test } from './support.ts';
import { signIn } from './support-panel.ts';
import { fillDateInput } from './support-panel-pages.ts';
import { apiAs, type Rpc } from './support-rounds.ts';

// The refusals these journeys meet on purpose (an unknown fund, a repeated answer, dates the wrong
// way round) are 4xx answers, which the browser logs.
test.use({ allowedConsoleErrors: [/status of (400|404) /] });

/** A day counted from today in the UK, as the database counts it. */
const ukDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
const fullDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

async function ok<T = { id: string }>(officer: Rpc, fn: string, args: Record<string, unknown>): Promise<T> {
  const { status, body } = await officer<T>(fn, args);
  expect(status, JSON.stringify(body)).toBeLessThan(300);
  return body;
}

async function fundWithRound(officer: Rpc, tag: string, opens: number, closes: number, open = true) {
  const slug = `find-fund-${tag.toLowerCase()}`;
  const fund = await ok(officer, 'create_fund', {
    p_slug: slug,
    p_name: `Find Fund ${tag}`,
    p_budget: 20000,
    p_description: `Grants for new ideas, test ${tag}.`,
  });
  const round = await ok(officer, 'create_round', {
    p_fund_id: fund.id,
    p_title: `Round ${tag}`,
    p_reference_prefix: tag,
    p_opens_on: ukDay(opens),
    p_closes_on: ukDay(closes),
  });
  for (const [title, weight] of [
    ['Who it is for', 3],
    ['Keeping going', 1],
  ] as const)
    await ok(officer, 'add_criterion', {
      p_round_id: round.id,
      p_title: title,
      p_weight: weight,
      p_maximum: 1,
      p_descriptors: ['No', 'Yes'],
    });
  if (open) await ok(officer, 'move_round', { p_round_id: round.id, p_to: 'open' });
  return { fund, round, slug };
}

test('/grants/ lists the rounds open now or soon, with the closing date in words and what the panel scores', async ({ page, browser }) => {
  const officer = await apiAs(browser, 'officer@example.org');
  const now = await fundWithRound(officer, 'FC1', -2, 3);
  await fundWithRound(officer, 'FC2', 10, 40);
  const draft = await fundWithRound(officer, 'FC3', -2, 3, false);
  await ok(officer, 'add_eligibility_question', {
    p_fund_id: now.fund.id,
    p_question: 'Where will your project happen?',
    p_answers: [
      { answer: 'In Oxfordshire', ineligible_reason: null },
      { answer: 'Somewhere else', ineligible_reason: 'This fund is for Oxfordshire.' },
    ],
  });

  await page.goto('/grants/');
  const card = (tag: string) =>
    page.getByTestId('open-round').filter({ has: page.getByRole('heading', { name: `Find Fund ${tag}: Round ${tag}` }) });
  const open = card('FC1');
  await expect(open).toContainText('Closes in 3 days');
  await expect(open).toContainText(`Closes at 11:59pm on ${fullDate(ukDay(3))}`);
  await expect(open).toContainText('Grants for new ideas, test FC1.');
  await expect(open).toContainText('£20,000 a year in all');
  await open.getByText('What the panel will score').click();
  await expect(open.getByRole('listitem').filter({ hasText: 'Who it is for' })).toContainText('75% of the score');
  await expect(open.getByRole('link', { name: /Check if you can apply/ })).toHaveAttribute('href', `/grants/check/?fund=${now.slug}`);
  await expect(open.getByRole('link', { name: /Start your application/ })).toHaveAttribute('href', `/grants/apply/?round=${now.round.id}`);
  // Checking comes first.
  await expect(open.getByRole('link').first()).toHaveText(/Check if you can apply/);
  const later = card('FC2');
  await expect(later).toContainText('Opens soon');
  await expect(later).toContainText(`Opens on ${fullDate(ukDay(10))}`);
  await expect(later.getByRole('link', { name: /Start your application/ })).toHaveCount(0);
  await expect(card('FC3')).toHaveCount(0);
  expect(draft.round.id).toBeTruthy();
  await expectNoAxeViolations(page);

  // On its last day the round says so; the next day it has gone.
  await ok(officer, 'update_round', { p_round_id: now.round.id, p_opens_on: ukDay(-2), p_closes_on: ukDay(0) });
  await page.reload();
  await expect(open).toContainText('Closes today');
  await ok(officer, 'update_round', { p_round_id: now.round.id, p_opens_on: ukDay(-2), p_closes_on: ukDay(-1) });
  await page.reload();
  await expect(card('FC2')).toBeVisible();
  await expect(open).toHaveCount(0);
  await ok(officer, 'update_round', { p_round_id: now.round.id, p_opens_on: ukDay(-2), p_closes_on: ukDay(5) });

  // From the card to the check and on to the application.
  await page.reload();
  await open.getByRole('link', { name: /Check if you can apply/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check if you can apply to the Find Fund FC1' })).toBeVisible();
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByLabel('In Oxfordshire').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'You can apply to the Find Fund FC1' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Start your application' })).toHaveAttribute('href', `/grants/apply/?round=${now.round.id}`);
  await expectNoAxeViolations(page);
});

test('a group checks whether it can apply, one question a page, and hears why when it cannot', async ({ page }) => {
  await page.goto('/grants/check/?fund=innovation-fund');
  await expect(page.getByRole('heading', { level: 1, name: 'Check if you can apply to the Innovation Fund' })).toBeVisible();
  await expect(page.getByText('Answer 4 short questions')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Start now' }).click();

  // No answer chosen: the GOV.UK error, linked to the first answer.
  await expect(page).toHaveURL(/q=1$/);
  await expect(page.getByText('Innovation Fund: question 1 of 4')).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Select an answer' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: What kind of organisation are you\?/);
  await expectNoAxeViolations(page);

  await page.getByLabel('A registered charity or charitable incorporated organisation (CIO)').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Where will your project happen?' })).toBeFocused();
  await expect(page.getByText('Think about where the people who will take part live.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('In Oxfordshire').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Starting a new project, or a new way of doing something').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('From £500 to £15,000').check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'You can apply to the Innovation Fund' })).toBeVisible();
  // No Innovation Fund round is open in the demo data: the page says so rather than offering a form.
  await expect(page.getByText('The Innovation Fund is not open for applications just now.')).toBeVisible();
  const answers = page.locator('.govuk-summary-list');
  await expect(answers).toContainText('From £500 to £15,000');
  await expectNoAxeViolations(page);

  // Change the amount: the answer page says no, and why.
  await page.getByRole('link', { name: 'Change your answer to “How much do you want to ask for?”' }).click();
  await expect(page.getByLabel('From £500 to £15,000')).toBeChecked();
  await page.getByLabel('More than £15,000').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your group cannot apply to the Innovation Fund' })).toBeVisible();
  await expect(page.getByText('This is because you answered “More than £15,000” to “How much do you want to ask for?”.')).toBeVisible();
  await expect(page.getByTestId('eligibility-reason')).toHaveText(
    'The largest grant is £15,000. You could ask for part of the cost and find the rest elsewhere.',
  );
  await expectNoAxeViolations(page);

  // Back goes to the question before, answers kept.
  await page.goBack();
  await expect(page.getByLabel('More than £15,000')).toBeChecked();

  // An answer that rules a group out ends the questions at once.
  await page.goto('/grants/check/?fund=innovation-fund&q=1');
  await page.getByLabel('A person applying on my own').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your group cannot apply to the Innovation Fund' })).toBeVisible();
  await expect(page.getByTestId('eligibility-reason')).toContainText('We give these grants to groups, not to individuals.');
  await expect(answers.getByRole('link')).toHaveCount(1);

  // A fund that is not there.
  await page.goto('/grants/check/?fund=no-such-fund');
  await expect(page.getByRole('heading', { level: 1, name: 'We could not find that fund' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an officer writes a fund’s questions: adds, changes, moves and removes, refusals shown by their key', async ({ page, browser }) => {
  const officer = await apiAs(browser, 'officer@example.org');
  await ok(officer, 'create_fund', { p_slug: 'editor-fund-fe1', p_name: 'Editor Fund FE1', p_budget: 5000 });
  await signIn(page, 'officer@example.org', '/panel/setup/');
  await page.getByRole('link', { name: 'Eligibility questions for the Editor Fund FE1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Eligibility questions' })).toBeVisible();
  await expect(page.getByText('No questions yet')).toBeVisible();
  await expectNoAxeViolations(page);

  // Who can apply: the sentence /grants/ shows.
  await page.getByLabel('In a sentence, for the grants page').fill('Community groups in Oxfordshire.');
  await page.getByRole('button', { name: 'Save who can apply' }).click();
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
  const fund = (await officer<{ fund: { who_can_apply: string } }>('fund_eligibility', { p_fund_slug: 'editor-fund-fe1' })).body;
  expect(fund.fund.who_can_apply).toBe('Community groups in Oxfordshire.');

  const form = page.getByTestId('new-question-form');
  // Nothing typed: the form's own checks.
  await form.getByRole('button', { name: 'Add the question' }).click();
  await expect(form.getByRole('alert').getByRole('link', { name: 'Enter the question' })).toHaveAttribute('href', '#new-question-question');
  await expect(form.getByRole('alert').getByRole('link', { name: 'Enter answer 1, or remove it' })).toBeVisible();
  await expectNoAxeViolations(page);

  await form.getByLabel('Question', { exact: true }).fill('Where will your project happen?');
  await form.getByLabel('Answer 1', { exact: true }).fill('In Oxfordshire');
  await form.getByLabel('Answer 2', { exact: true }).fill('Outside Oxfordshire');
  await form.getByLabel('If answer 2 means a group cannot apply, say why (optional)').fill('This fund is for Oxfordshire.');
  await form.getByRole('button', { name: 'Add the question' }).click();
  await expect(page.getByTestId('editor-notice')).toHaveText('Question added.');
  const cards = page.getByTestId('eligibility-question');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Cannot apply: This fund is for Oxfordshire.');

  // Two answers the same: the database refuses by key, shown beside the answers.
  await form.getByLabel('Question', { exact: true }).fill('Is your group run by volunteers?');
  await form.getByLabel('Answer 1', { exact: true }).fill('Yes');
  await form.getByLabel('Answer 2', { exact: true }).fill('yes');
  await form.getByRole('button', { name: 'Add the question' }).click();
  await expect(
    form.getByRole('alert').getByRole('link', { name: 'Two answers have the same words. Change or remove one of them.' }),
  ).toHaveAttribute('href', '#new-question-answer-0');
  await expectNoAxeViolations(page);
  await form.getByLabel('Answer 2', { exact: true }).fill('No');
  await form.getByRole('button', { name: 'Add another answer' }).click();
  await form.getByLabel('Answer 3', { exact: true }).fill('Partly');
  await form.getByRole('button', { name: 'Add the question' }).click();
  await expect(cards).toHaveCount(2);

  // Move the second question up, then change its words.
  await page.getByRole('button', { name: 'Move up question 2' }).click();
  await expect(cards.first()).toContainText('1. Is your group run by volunteers?');
  await page.getByRole('button', { name: 'Change question 1' }).click();
  const edit = page.getByTestId('edit-1-form');
  await edit.getByLabel('Question', { exact: true }).fill('Do volunteers run your group?');
  await edit.getByRole('button', { name: 'Remove answer 3' }).click();
  await expectNoAxeViolations(page);
  await edit.getByRole('button', { name: 'Save the question' }).click();
  await expect(page.getByTestId('editor-notice')).toHaveText('Question 1 saved.');
  await expect(cards.first()).toContainText('1. Do volunteers run your group?');
  await expect(cards.first()).not.toContainText('Partly');

  // Groups see them in that order.
  const stored = (await officer<{ questions: { question: string }[] }>('fund_eligibility', { p_fund_slug: 'editor-fund-fe1' })).body;
  expect(stored.questions.map((q) => q.question)).toEqual(['Do volunteers run your group?', 'Where will your project happen?']);

  await page.getByRole('button', { name: 'Remove question 1' }).click();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('1. Where will your project happen?');
  await expectNoAxeViolations(page);

  // Someone who is not an officer is told so (the database refuses them too: tests/db/grants/eligibility.test.ts).
  const resident = await (await browser.newContext()).newPage();
  await signIn(resident, 'resident@example.org', '/panel/eligibility/?fund=editor-fund-fe1');
  await expect(resident.getByText('Only grants officers can change the eligibility questions.')).toBeVisible();
  await expectNoAxeViolations(resident);
  await resident.context().close();
});

test('an officer sets the dates a round takes applications, bad dates refused by their key', async ({ page, browser }) => {
  const officer = await apiAs(browser, 'officer@example.org');
  const fund = await ok(officer, 'create_fund', { p_slug: 'dates-fund-fd1', p_name: 'Dates Fund FD1', p_budget: 5000 });
  const round = await ok(officer, 'create_round', { p_fund_id: fund.id, p_title: 'Round FD1', p_reference_prefix: 'FD1' });
  await ok(officer, 'add_criterion', { p_round_id: round.id, p_title: 'Need', p_weight: 1, p_maximum: 1, p_descriptors: ['No', 'Yes'] });
  await signIn(page, 'officer@example.org', `/panel/officer/?id=${round.id}`);
  const section = page.getByTestId('application-dates');
  await expect(section.getByRole('heading', { name: 'Dates for applications' })).toBeVisible();

  // Not a real date, and a closing date left out.
  await fillDateInput(section, /Opens for applications on/, '2027-02-31');
  await section.getByRole('button', { name: 'Save the dates' }).click();
  const summary = section.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'The opening date must be a real date' })).toHaveAttribute('href', '#opens-on-day');
  await expect(summary.getByRole('link', { name: 'Enter the closing date' })).toHaveAttribute('href', '#closes-on-day');
  await expectNoAxeViolations(page);

  // Closing before opening: the database refuses it (closing_before_opening), shown by the closing date.
  const [opens, closes] = [ukDay(0), ukDay(20)];
  await fillDateInput(section, /Opens for applications on/, closes);
  await fillDateInput(section, /Closes for applications on/, opens);
  await section.getByRole('button', { name: 'Save the dates' }).click();
  await expect(summary.getByRole('link', { name: 'The closing date must be on or after the opening date' })).toHaveAttribute(
    'href',
    '#closes-on-day',
  );
  await expect(section.getByRole('group', { name: /Closes for applications on/ }).getByLabel('Day')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectNoAxeViolations(page);
  const unchanged = (await officer<{ opens_on: string | null }>('get_round', { p_round_id: round.id })).body;
  expect(unchanged.opens_on).toBeNull();

  await fillDateInput(section, /Opens for applications on/, opens);
  await fillDateInput(section, /Closes for applications on/, closes);
  await section.getByRole('button', { name: 'Save the dates' }).click();
  await expect(section.getByRole('status')).toHaveText(
    `Saved: open for applications from ${fullDate(opens)} to the end of ${fullDate(closes)}.`,
  );

  // Open it: the public grants page lists it until its closing date.
  await page.getByRole('button', { name: 'Move to: Open for applications' }).click();
  await expect(page.getByText('The round is now at: Open for applications.')).toBeVisible();
  await page.goto('/grants/');
  const card = page.getByTestId('open-round').filter({ has: page.getByRole('heading', { name: 'Dates Fund FD1: Round FD1' }) });
  await expect(card).toContainText(`Closes at 11:59pm on ${fullDate(closes)}`);
  await expect(card).toContainText('Open');
});
