// An officer sets up a new round from scratch: the round, a scoring question with what each
// score means, applications by form and from a spreadsheet (with a row-by-row report), a
// plain-English summary with the live readability hint, and a move refused with its reason.
import { expect, expectNoAxeViolations, httpErrorLogged, test } from './support.ts';
import { signIn } from './support-panel.ts';

test.use({ allowedConsoleErrors: [httpErrorLogged(409)] });

test('an officer sets up a round and is told what is missing before scoring', async ({ page }) => {
  await signIn(page, 'officer@example.org');
  await page.getByRole('link', { name: 'Create a fund or a round' }).click();
  await page.getByRole('button', { name: 'Create the round' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose the fund');
  await expectNoAxeViolations(page);
  await page.getByLabel('Fund', { exact: true }).selectOption({ label: 'Innovation Fund' });
  await page.getByLabel('Title').fill('Innovation Fund 2027 to 2028');
  await page.getByLabel('Reference prefix').fill('inn27');
  await page.getByRole('button', { name: 'Create the round' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Innovation Fund 2027 to 2028' })).toBeVisible();

  // A scoring question: every level needs its meaning.
  await page.getByLabel('Question', { exact: true }).fill('Who it is for');
  await page.getByLabel('Highest score').selectOption('2');
  await page.getByRole('button', { name: 'Add the question' }).click();
  await expect(page.getByRole('alert')).toContainText('Say what a score of 0 means');
  for (const [i, text] of ['Not clear', 'Fairly clear', 'Very clear'].entries())
    await page.getByLabel(`Score ${i}`, { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Add the question' }).click();
  await expect(page.getByRole('region', { name: 'Scoring questions' })).toContainText('Who it is for (weight 1, scored 0 to 2)');

  // One application by the form, after a mistake.
  const form = page.getByRole('form', { name: 'Add an application' });
  await form.getByLabel('Organisation name').fill('Thame Community Fridge');
  await form.getByLabel('Charity number (optional)').fill('12ab');
  await form.getByRole('button', { name: 'Add the application' }).click();
  await expect(form.getByRole('alert')).toContainText('A charity number is 6 to 8 digits');
  await expect(form.getByRole('alert')).toContainText("Enter the contact person's name");
  await form.getByLabel('Charity number (optional)').fill('1187654');
  await form.getByLabel('Type of organisation').selectOption({ label: 'Registered charity' });
  await form.getByLabel('Contact person').fill('Alex Day');
  await form.getByLabel('Contact email').fill('alex@example.org');
  await form.getByLabel('Project title').fill('A fridge for shared food');
  await form.getByLabel('What they want to do').fill('Share surplus food with neighbours so less goes to waste.');
  await form.getByLabel('Amount asked for (£)').fill('3,200');
  await form.getByRole('button', { name: 'Add the application' }).click();
  await expect(form.getByRole('status')).toHaveText('Added INN27-001.');

  // Two more from a spreadsheet: one good row, one with problems.
  const csv =
    'organisation_name,organisation_type,contact_name,contact_email,project_title,description,amount_requested\nBicester Book Swap,community group,Jo Green,jo@example.org,Books for all,A free book swap in the library.,900\nNo Name Group,community group,,,Something,,lots\n';
  await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'applications.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('1 added, 1 not added.');
  await expect(report).toContainText('Line 2: added as INN27-002');
  await expect(report).toContainText(
    "Line 3: not added: Enter the contact person's name; Describe the project; Enter the amount asked for in pounds, like 5000",
  );
  await expect(page.getByTestId('officer-applications').getByRole('row')).toHaveCount(3);

  // A plain-English summary for the first, with the live hint.
  await page.getByRole('button', { name: 'Write the summary for A fridge for shared food' }).click();
  await page.getByRole('button', { name: 'Save the summary' }).click();
  await expect(page.getByText('Write the summary before saving.')).toBeVisible();
  await page
    .getByLabel('Summary', { exact: true })
    .fill(
      'A village group will run a shared fridge. Neighbours and shops leave spare food, and anyone can take it. The grant pays for the fridge and a year of electricity, which comes to the sum they have asked the council for.',
    );
  await expect(page.getByTestId('readability')).toContainText('3 sentences');
  await expect(page.getByTestId('readability')).toContainText('over 20 words');
  await page.getByRole('button', { name: 'Save the summary' }).click();
  await expect(page.getByRole('region', { name: 'Applications', exact: true })).toContainText('1 still need a plain-English summary.');
  await expectNoAxeViolations(page);

  // Open, close, then try to start scoring: refused, with the reason.
  await page.getByRole('button', { name: 'Move to: Open for applications' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The round is now at' })).toContainText('Open for applications');
  await page.getByRole('button', { name: 'Move to: Applications closed' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The round is now at' })).toContainText('Applications closed');
  await page.getByRole('button', { name: 'Move to: Scoring' }).click();
  await expect(page.getByRole('alert')).toContainText('Write a plain-English summary for every application before scoring starts.');
});
