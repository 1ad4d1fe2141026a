// What people on a grants panel need to see and type about dates and money, each on a round of
// the test's own (so the seeded rounds other specs rely on stay as they are): a member sees when
// scores are due and when the panel meets, warned the day before; the officer types a round's
// dates into GOV.UK's day, month and year boxes, each mistake marked on its own box; the chair
// sees the fund's budget beside the recommendations (and the officer beside Cabinet's decisions),
// warned when they go over; and "Record" takes the chair to the form it opens.
import { expect, expectNoAxeViolations, test } from './support.ts';
import { signIn } from './support-panel.ts';
import { fillDateInput } from './support-panel-pages.ts';
import { apiAs, createScoringRound, signInNewPerson } from './support-rounds.ts';

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** "5 December" and "5 December 2026", written independently of the site's own formatting. */
const dayMonth = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const fullDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

test('a member sees when scores are due and when the panel meets, warned the day before', async ({ page, browser }) => {
  const officer = await apiAs(browser, 'officer@example.org');
  const member = await signInNewPerson(page, 'dates.member@example.org', officer.token);
  const round = await createScoringRound(officer, 'DT1', [{ id: member.id, seat: 'community' }]);
  const [tomorrow, meeting] = [isoDay(1), isoDay(8)];
  const setDeadline = async (day: string) =>
    expect(
      (await officer('update_round', { p_round_id: round.id, p_scoring_deadline: `${day}T17:00:00Z`, p_panel_date: meeting })).status,
    ).toBe(200);
  await setDeadline(tomorrow);

  await page.goto('/panel/');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Test round DT1' }) });
  await expect(card.getByTestId('deadline-warning')).toContainText(`Scoring closes tomorrow, ${dayMonth(tomorrow)}`);
  await expect(card).toContainText(`Scores needed by${fullDate(tomorrow)}`);
  await expect(card).toContainText(`Panel meeting${fullDate(meeting)}`);
  await expectNoAxeViolations(page);

  // The round page says the same, before the agreement is accepted and after.
  await page.goto(`/panel/round/?id=${round.id}`);
  await expect(page.getByTestId('deadline-warning')).toContainText(`Scoring closes tomorrow, ${dayMonth(tomorrow)}`);
  const dates = page.getByTestId('round-dates');
  await expect(dates).toContainText(`Scores needed by${fullDate(tomorrow)}`);
  await expect(dates).toContainText(`Panel meeting${fullDate(meeting)}`);
  await expectNoAxeViolations(page);
  await page.getByLabel(/I have read this and I agree/).check();
  await page.getByRole('button', { name: 'Accept and see the applications' }).click();
  await expect(page.getByTestId('round-progress')).toHaveText('0 of 2 scored');
  await expect(page.getByTestId('deadline-warning')).toBeVisible();
  await expectNoAxeViolations(page);

  // Three days off: the dates, and no warning.
  await setDeadline(isoDay(3));
  await page.goto('/panel/');
  await expect(card).toContainText(`Scores needed by${fullDate(isoDay(3))}`);
  await expect(card.getByTestId('deadline-warning')).toHaveCount(0);
});

test('the officer types a round’s dates into day, month and year boxes, each mistake on its own box', async ({ page }) => {
  await signIn(page, 'officer@example.org', '/panel/setup/');
  const fund = 'Dates Fund DT2';
  await page.getByLabel('Name', { exact: true }).fill(fund);
  await page.getByLabel('Web name').fill('dates-fund-dt2');
  await page.getByLabel('Budget (£)').fill('10000');
  await page.getByRole('button', { name: 'Create the fund' }).click();
  await page.getByLabel('Fund', { exact: true }).selectOption({ label: fund });
  await page.getByLabel('Title').fill('Dates round DT2');
  await page.getByLabel('Reference prefix').fill('DT2');
  const deadline = page.getByRole('group', { name: /Scores needed by/ });
  const panel = page.getByRole('group', { name: /Panel meeting date/ });
  await fillDateInput(page, /Scores needed by/, '2027-02-31');
  await panel.getByLabel('Day').fill('3');
  await panel.getByLabel('Year').fill('2027');
  await page.getByRole('button', { name: 'Create the round' }).click();

  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'The scoring deadline must be a real date' })).toHaveAttribute(
    'href',
    '#round-deadline-day',
  );
  await expect(summary.getByRole('link', { name: 'The panel meeting date must include a month' })).toHaveAttribute(
    'href',
    '#round-panel-month',
  );
  // Only the boxes a message is about are marked.
  await expect(deadline.getByLabel('Day')).toHaveAttribute('aria-invalid', 'true');
  await expect(deadline.getByLabel('Month')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByLabel('Month')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByLabel('Day')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(deadline).toHaveAttribute('aria-describedby', /round-deadline-error/);
  await expectNoAxeViolations(page);

  await fillDateInput(page, /Panel meeting date/, '2027-03-1');
  await panel.getByLabel('Year').fill('27');
  await deadline.getByLabel('Day').fill('28');
  await page.getByRole('button', { name: 'Create the round' }).click();
  await expect(summary.getByRole('link', { name: 'Year must include 4 numbers' })).toHaveAttribute('href', '#round-panel-year');
  await expect(summary.getByRole('link')).toHaveCount(1);

  await panel.getByLabel('Year').fill('2027');
  await page.getByRole('button', { name: 'Create the round' }).click();
  await expect(page).toHaveURL(/\/panel\/officer\/\?id=/);
  const id = new URL(page.url()).searchParams.get('id');
  const officer = await apiAs(page.context().browser()!, 'officer@example.org');
  const stored = (await officer<{ scoring_deadline: string; panel_date: string }>('get_round', { p_round_id: id })).body;
  expect(stored.scoring_deadline).toMatch(/^2027-02-28T17:00:00/);
  expect(stored.panel_date).toBe('2027-03-01');
});

test('the chair sees the budget beside the recommendations, and "Record" takes them to the form', async ({ page, browser }) => {
  const officer = await apiAs(browser, 'officer@example.org');
  const chair = await signInNewPerson(page, 'budget.chair@example.org', officer.token);
  // A fund of £4,000 for two applications asking £2,000 and £3,000.
  const round = await createScoringRound(officer, 'BU1', [{ id: chair.id, seat: 'councillor', role: 'chair' }], 4000);
  await chair.rpc('accept_confidentiality', { p_round_id: round.id });
  // The chair takes part in a recommendation only once they have said they have no conflict.
  for (const a of round.applications) await chair.rpc('declare_interest', { p_application_id: a.id, p_has_conflict: false });
  const moved = await officer('move_round', { p_round_id: round.id, p_to: 'panel', p_force_reason: 'Test: the panel meets unscored.' });
  expect(moved.status).toBe(200);

  // A short window, so the form opens well out of view of the button.
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(`/panel/panel-day/?round=${round.id}`);
  const budget = page.getByTestId('budget-summary');
  await expect(budget).toContainText('Fund’s budget£4,000');
  await expect(budget).toContainText('Asked for in all£5,000');
  await expect(budget).toContainText('Recommended so far£0 (£4,000 of the budget left)');
  await expectNoAxeViolations(page);

  const record = async (project: string, amount: string) => {
    const row = page.getByTestId('results-table').getByRole('row').filter({ hasText: project });
    await row.getByRole('button', { name: new RegExp(`Record the recommendation for ${project}`) }).click();
    const heading = page.getByRole('heading', { name: `Recommendation for ${project}` });
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    const form = page.getByRole('form', { name: `Recommendation for ${project}` });
    await form.getByLabel('Award', { exact: true }).check();
    await form.getByLabel('Amount, in pounds').fill(amount);
    await form.getByLabel("The panel's reasons").fill('A clear plan for local people.');
    await form.getByLabel('Everyone agreed').check();
    await form.getByRole('button', { name: 'Save the recommendation' }).click();
    await expect(row).toContainText(`Award £${Number(amount).toLocaleString('en-GB')}`);
    // Back where they were: on the row's button, now "Change".
    await expect(row.getByRole('button', { name: new RegExp(`Change the recommendation for ${project}`) })).toBeFocused();
  };
  await record('Walks for all', '2000');
  await expect(budget).toContainText('Recommended so far£2,000 (£2,000 of the budget left)');
  await expect(page.getByTestId('over-budget')).toHaveCount(0);
  await record('A lunch club', '3000');
  await expect(budget).toContainText('Recommended so far£5,000');
  await expect(page.getByTestId('over-budget')).toContainText('The recommendations come to £1,000 more than the fund’s budget of £4,000.');
  await expectNoAxeViolations(page);

  // The officer sees the same beside the Cabinet's decisions.
  expect((await officer('move_round', { p_round_id: round.id, p_to: 'recommended' })).status).toBe(200);
  const officerPage = await (await browser.newContext()).newPage();
  await signIn(officerPage, 'officer@example.org', `/panel/officer/?id=${round.id}`);
  const decisions = officerPage.getByRole('region', { name: "Recommendations and the Cabinet's decisions" });
  await expect(decisions.getByTestId('budget-summary')).toContainText('Fund’s budget£4,000');
  await expect(decisions.getByTestId('budget-summary')).toContainText('Asked for in all£5,000');
  await expect(decisions.getByTestId('over-budget')).toContainText('£1,000 more than the fund’s budget');
  await expectNoAxeViolations(officerPage);
  await officerPage.context().close();
});
