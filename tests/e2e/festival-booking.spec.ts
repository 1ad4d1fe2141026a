// Festival places end to end: the edition page shows places left (and reads without JavaScript);
// a member of the public books with access needs through the question pages and gets the email;
// a full session puts them on its waiting list; cancelling the demo booking by its link gives the
// place to them, with an email whose link works; the hidden field stops a bot; an officer sees
// the summary, the named list, the check-in list and the venue file. Axe on every page and state.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, httpErrorLogged, test } from './support.ts';
import { waitForMail } from './support-mail.ts';
import { signIn } from './support-panel.ts';
import { checkPage, checkPrintView, settled } from './support-panel-pages.ts';

test.describe.configure({ mode: 'serial' });

const tag = Date.now().toString(36).slice(-6);
const booker = { name: `Alex Festival ${tag}`, email: `alex.festival.${tag}@example.org` };
const EDITION_PAGE = '/festival/2027-festival/';
const DEMO_LINK = `/festival/booking/?token=${'feed'.repeat(12)}`;

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const next = (page: Page) => page.getByRole('button', { name: 'Continue' }).click();

test('the edition page shows the places left, and the programme without JavaScript', async ({ page, browser }) => {
  await page.goto(EDITION_PAGE);
  // The places island loads when it scrolls into view (client:visible).
  await page.locator('#book-online').scrollIntoViewIfNeeded();
  await checkPage(page);
  const places = page.getByTestId('festival-places');
  await expect(places.getByRole('row', { name: /The dementia bus/ })).toContainText('Full: you can join the waiting list');
  await expect(places.getByRole('row', { name: /Welcome/ })).toContainText(/\d+ places left/);

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(EDITION_PAGE);
  await expect(plain.getByRole('heading', { name: 'Programme' })).toBeVisible();
  // (Chromium shows <noscript> only when scripting is off from the start, so its words are read from the page.)
  expect(await plain.locator('main noscript').textContent()).toContain(
    'Booking online and seeing how many places are left need JavaScript.',
  );
  // (axe needs JavaScript in the page, so it checks the page with scripts on, above.)
  await noScript.close();
});

test('a member of the public books with access needs, joins a waiting list and gets the email', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(EDITION_PAGE);
  await page.locator('#book-online').scrollIntoViewIfNeeded();
  await settled(page);
  await page.getByRole('button', { name: 'Book your places' }).click();
  await settled(page);
  await expect(h1(page)).toHaveText('Your name and email address');
  await expectNoAxeViolations(page);

  await next(page);
  await expect(page.getByRole('alert')).toContainText('Enter your name');
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);
  await page.getByLabel('Your full name').fill(booker.name);
  await page.getByLabel('Email address').fill(booker.email);
  await next(page);

  await expect(h1(page)).toHaveText('Which sessions would you like to come to?');
  await next(page);
  await expect(page.getByRole('alert')).toContainText('Choose at least one session');
  await expectNoAxeViolations(page);
  await page.getByLabel(/10:00 to 10:30: Welcome/).check();
  await page.getByLabel(/13:30 to 14:15: The dementia bus/).check();
  await next(page);

  await expect(h1(page)).toHaveText('What support would help you on the day?');
  await page.getByLabel('Step-free access').check();
  await page.getByLabel('A British Sign Language (BSL) or other interpreter').check();
  await next(page);
  await expect(page.getByRole('alert')).toContainText('Tell us which interpreter you need');
  await expectNoAxeViolations(page);
  await page.getByLabel('Which interpreter do you need?').fill('British Sign Language');
  await page.getByLabel('Food for a special diet').check();
  await page.getByLabel('What can you not eat, or what do you need?').fill('No nuts');
  await page.getByLabel('Is there anything else that would help you take part?').fill('A seat near the door, please.');
  await expectNoAxeViolations(page);
  await next(page);

  await expect(h1(page)).toHaveText('Check your answers before booking');
  const answers = page.locator('.govuk-summary-list');
  await expect(answers).toContainText('The dementia bus (waiting list)');
  await expect(answers).toContainText('Interpreter: British Sign Language');
  await expect(answers).toContainText('Dietary needs: No nuts');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Book my places' }).click();

  await expect(h1(page)).toHaveText('Booking complete');
  const reference = (await page.getByTestId('booking-reference').textContent())!.trim();
  await expect(page.getByText(/10:00 to 10:30: Welcome:/)).toContainText('booked');
  await expect(page.getByText(/The dementia bus:/)).toContainText('on the waiting list (number 1)');
  await expectNoAxeViolations(page);

  const mail = await waitForMail(booker.email, `Your booking for Oxfordshire co-production festival 2027: ${reference}`);
  expect(mail.text).toContain('13:30 The dementia bus: on the waiting list');
  expect(mail.text).not.toContain('No nuts');
  expect(mail.link).toMatch(/\/festival\/booking\/\?token=[0-9a-f]{48}$/);
  await checkPage(page, mail.link);
  await expect(h1(page)).toHaveText(`Your booking ${reference}`);
  await expect(page.locator('.govuk-summary-list')).toContainText('on the waiting list (number 1)');
});

test('cancelling by the link in an email gives the place to the first person waiting, who is emailed', async ({ page }) => {
  test.setTimeout(90_000);
  await checkPage(page, DEMO_LINK);
  await expect(h1(page)).toHaveText('Your booking DEMO-0001');
  await page.getByRole('button', { name: 'Cancel booking' }).click();
  await expect(h1(page)).toHaveText('Are you sure you want to cancel your booking?');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Yes, cancel my booking' }).click();
  await expect(h1(page)).toHaveText('Your booking DEMO-0001 is cancelled');
  await expectNoAxeViolations(page);

  const offered = await waitForMail(
    booker.email,
    'A place has come up for you at Oxfordshire co-production festival 2027: The dementia bus (13:30)',
  );
  await checkPage(page, offered.link);
  await expect(page.locator('.govuk-summary-list')).toContainText('13:30 to 14:15: The dementia bus: booked');

  // The booker changes their mind about lunch, then cancels from the same link.
  await page.getByRole('button', { name: 'Change sessions or support' }).click();
  await expect(h1(page)).toHaveText('Change your booking');
  await expectNoAxeViolations(page);
  await page.getByLabel(/12:30 to 13:30: Lunch/).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toContainText('Your booking has been changed');
  await expect(page.locator('.govuk-summary-list')).toContainText('12:30 to 13:30: Lunch: booked');
  await expectNoAxeViolations(page);
  await waitForMail(booker.email, /Your booking for Oxfordshire co-production festival 2027 has changed/);
});

test.describe('spam', () => {
  test.use({ allowedConsoleErrors: [httpErrorLogged(400)] });

  test('a form whose hidden field is filled in is refused with a plain message', async ({ page }) => {
    await page.goto('/festival/book/?edition=2027-festival');
    await settled(page);
    await page.getByLabel('Your full name').fill('Bot');
    await page.getByLabel('Email address').fill(`bot.${tag}@example.org`);
    await page.locator('#website').fill('https://spam.example', { force: true });
    await next(page);
    await page.getByLabel(/10:00 to 10:30: Welcome/).check();
    await next(page);
    await next(page);
    await page.getByRole('button', { name: 'Book my places' }).click();
    await expect(page.getByRole('alert')).toContainText('We could not take this booking online');
    await expect(h1(page)).toHaveText('Check your answers before booking');
    await expectNoAxeViolations(page);
  });
});

test('an officer sees the summary, who has booked, the waiting lists, the check-in list and the venue file', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, 'officer@example.org', '/festival/officer/?edition=2027-festival');
  await checkPage(page);
  await expect(h1(page)).toHaveText('Oxfordshire co-production festival 2027');
  await expect(page.getByTestId('festival-sessions').getByRole('row', { name: /The dementia bus/ })).toContainText('8');
  await expect(page.getByTestId('festival-needs').getByRole('row', { name: 'Interpreter' })).toContainText(/[1-9]/);
  await expect(page.getByText(booker.name)).toHaveCount(0);

  await page.getByRole('button', { name: 'Show who has booked' }).click();
  const row = page.getByTestId('festival-bookings').getByRole('row', { name: new RegExp(booker.name) });
  await expect(row).toContainText('Interpreter: British Sign Language');
  await expect(row).toContainText('A seat near the door, please.');
  await expect(page.getByTestId('festival-bookings')).not.toContainText('Priya Shah');
  await expectNoAxeViolations(page);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the venue file (CSV)' }).click();
  const file = await readFile((await (await download).path())!, 'utf8');
  expect(file).toMatch(/^session,starts,ends,room,capacity,people booked,waiting,step_free/);
  expect(file).toContain('The dementia bus,13:30,14:15,Outside the Town Hall,8,8,');
  for (const secret of [booker.name, booker.email, 'No nuts', 'Priya']) expect(file).not.toContain(secret);

  await page.getByRole('link', { name: 'Print the check-in list' }).click();
  await checkPage(page);
  await expect(page.getByTestId('check-in-list')).toContainText(booker.name);
  await checkPrintView(page);
});

test.describe('a resident', () => {
  test.use({ allowedConsoleErrors: [httpErrorLogged(403)] });

  test('is refused the officer pages', async ({ page }) => {
    await signIn(page, 'resident@example.org', '/festival/officer/?edition=2027-festival');
    await settled(page);
    await expect(h1(page)).toHaveText('Only council officers can see this page');
    await expectNoAxeViolations(page);
  });
});
