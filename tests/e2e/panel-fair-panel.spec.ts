// Issue 16, what was left: the officer sets how many community members and councillors a fair
// panel needs when creating a round (GOV.UK inputs with defaults; the Fund choice in error says
// why); scoring will not start on an unfair panel unless the officer gives a reason, and the old
// refusal goes once a later action works; before the panel day the officer sees who has
// finished scores unsent and can remind them by email; after the move, that member is told why
// they can no longer send. Each round is the spec's own.
import { expect, expectNoAxeViolations, httpErrorLogged, test } from './support.ts';
import { signIn } from './support-panel.ts';
import { waitForMail } from './support-mail.ts';
import { apiAs, createScoringRound, signInNewPerson } from './support-rounds.ts';

const tag = Date.now().toString(36).slice(-4).toUpperCase();

test.describe('a fair panel', () => {
  // The refused moves are answered 409, which Chromium logs.
  test.use({ allowedConsoleErrors: [httpErrorLogged(409)] });

  test('a round sets its fair panel; scoring waits for it, or goes ahead with a reason; an old refusal clears', async ({
    page,
    browser,
  }) => {
    const officer = await apiAs(browser, 'officer@example.org');
    const fund = `Fair Panel Fund ${tag}`;
    expect((await officer('create_fund', { p_slug: `fair-panel-${tag.toLowerCase()}`, p_name: fund, p_budget: 10000 })).status).toBe(200);
    await signIn(page, 'officer@example.org', '/panel/setup/');
    const form = page.getByRole('form', { name: 'Create a round' });
    await expect(form.getByLabel('Community members needed')).toHaveValue('2');
    await expect(form.getByLabel('Councillors needed')).toHaveValue('2');

    // Every field marked red says why, the Fund choice included.
    await form.getByLabel('Community members needed').fill('21');
    await form.getByRole('button', { name: 'Create the round' }).click();
    await expect(page.locator('#round-fund-error')).toContainText('Choose the fund');
    await expect(page.getByLabel('Fund', { exact: true })).toHaveAttribute('aria-describedby', /round-fund-error/);
    await expect(page.locator('#round-community-error')).toContainText('a whole number from 0 to 20');
    const marked = form.locator('.govuk-form-group--error');
    expect(await marked.count()).toBeGreaterThan(0);
    for (const group of await marked.all()) await expect(group.locator('.govuk-error-message')).not.toBeEmpty();
    await expectNoAxeViolations(page);

    await page.getByLabel('Fund', { exact: true }).selectOption({ label: fund });
    await form.getByLabel('Title').fill(`Fair round ${tag}`);
    await form.getByLabel('Reference prefix').fill(`FP${tag}`);
    await form.getByLabel('Community members needed').fill('1');
    await form.getByLabel('Councillors needed').fill('1');
    await form.getByRole('button', { name: 'Create the round' }).click();
    await expect(page).toHaveURL(/\/panel\/officer\/\?id=/);
    const roundId = new URL(page.url()).searchParams.get('id')!;
    const round = (await officer('get_round', { p_round_id: roundId })).body;
    expect(round).toMatchObject({ community_members_needed: 1, councillors_needed: 1 });

    // Ready to score but for the panel (through the API).
    await officer('add_criterion', { p_round_id: roundId, p_title: 'Need', p_weight: 1, p_maximum: 1, p_descriptors: ['No', 'Yes'] });
    const app = await officer('add_application', {
      p_round_id: roundId,
      p_application: {
        organisation_name: 'Wheatley Walkers',
        organisation_type: 'community group',
        project_title: 'Walks for all',
        description: 'Weekly walks.',
        amount_requested: 2000,
        contact: { name: 'Sam Test', email: 'sam@example.org' },
      },
    });
    await officer('write_application_summary', { p_application_id: app.body.id, p_summary: 'Weekly walks for people new to the area.' });
    for (const to of ['open', 'closed']) expect((await officer('move_round', { p_round_id: roundId, p_to: to })).status).toBe(200);

    await page.reload();
    const note = page.getByTestId('fair-panel');
    await expect(note).toContainText('Chair: not added yet');
    await expect(note).toContainText('Community members: 0 of 1');
    await expect(note).toContainText('Councillors: 0 of 1');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Move to: Scoring' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'That did not work' });
    await expect(refusal).toContainText('Add the panel members who will score before scoring starts.');
    await expectNoAxeViolations(page);

    // Adding the chair works, and the old refusal goes with it.
    await page.getByLabel('Person', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Role', { exact: true }).selectOption('chair');
    await page.getByRole('button', { name: 'Add to the panel' }).click();
    await expect(note).toContainText('Chair: added');
    await expect(refusal).toHaveCount(0);
    await page.getByRole('button', { name: 'Move to: Scoring' }).click();
    await expect(refusal).toContainText('A fair panel needs the chair, 1 community member and 1 councillor before scoring starts.');
    await expect(refusal).toContainText('This panel has a chair, 0 community members and 0 councillors besides the chair.');
    await expectNoAxeViolations(page);

    // Still short of members: scoring starts with a reason, which the trail keeps.
    await page
      .getByLabel('Reason to start scoring without a fair panel (only if needed)')
      .fill('Two members withdrew; the panel agreed to go ahead.');
    await page.getByRole('button', { name: 'Move to: Scoring' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The round is now at: Scoring.' })).toBeVisible();
    await expect(note).toHaveCount(0);
    await expect(refusal).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});

test('before the panel day the officer reminds a member with finished scores unsent; after it, the member is told why', async ({
  page,
  browser,
}) => {
  const officer = await apiAs(browser, 'officer@example.org');
  const email = `unsent.${tag.toLowerCase()}@example.org`;
  const member = await signInNewPerson(page, email, officer.token);
  const round = await createScoringRound(officer, `U${tag.slice(0, 3)}`, [{ id: member.id, seat: 'community' }]);
  const [first] = round.applications;
  await member.rpc('accept_confidentiality', { p_round_id: round.id });
  await member.rpc('declare_interest', { p_application_id: first!.id, p_has_conflict: false });
  const saved = await member.rpc('save_draft_scores', {
    p_application_id: first!.id,
    p_scores: round.criteria.map((c) => ({ criterion_id: c.id, score: 1 })),
  });
  expect(saved.status).toBe(200);

  const officerPage = await (await browser.newContext()).newPage();
  await signIn(officerPage, 'officer@example.org', `/panel/officer/?id=${round.id}`);
  const unsent = officerPage.getByTestId('unsent-drafts');
  await expect(unsent).toContainText(`1 application (${first!.reference})`);
  await expectNoAxeViolations(officerPage);
  await unsent.getByRole('button', { name: 'Remind them to send their scores' }).click();
  await expect(unsent.getByRole('status')).toHaveText('Reminder emailed to 1 member. Each gets one reminder a day at most.');
  const mail = await waitForMail(email, /are not sent yet$/);
  expect(mail.text).toContain('You have scored 1 application for');
  expect(mail.link).toContain(`/panel/round/?id=${round.id}`);
  await unsent.getByRole('button', { name: 'Remind them to send their scores' }).click();
  await expect(unsent.getByRole('status')).toHaveText('Everyone listed has already been reminded today.');
  await expectNoAxeViolations(officerPage);

  await officerPage.getByLabel('Reason to move on before everyone has submitted (only if needed)').fill('The panel meets tomorrow.');
  await officerPage.getByRole('button', { name: 'Move to: Panel meeting' }).click();
  await expect(officerPage.getByRole('status').filter({ hasText: 'The round is now at: Panel meeting.' })).toBeVisible();
  await officerPage.context().close();

  await page.goto(`/panel/round/?id=${round.id}`);
  const why = page.getByTestId('closed-before-sent');
  await expect(why).toContainText('before you sent these scores.');
  await expect(why).toContainText('The grants officer moved the round on to the panel meeting');
  await expect(why).toContainText('do not count');
  await expectNoAxeViolations(page);
  await page.goto(`/panel/score/?round=${round.id}&id=${first!.id}`);
  await expect(page.getByRole('alert').filter({ hasText: 'You cannot change these scores now' })).toContainText(
    'before you sent these scores.',
  );
  await expectNoAxeViolations(page);
});
