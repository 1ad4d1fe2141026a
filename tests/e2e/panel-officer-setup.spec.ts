// Officers on the way to Cabinet, on a round of this spec's own (set up through the API as the
// officer, in a fund of its own, so the seeded rounds other specs move stay as they expect): a
// review meeting recorded and seen by the reviewing councillor on the round's path; the Cabinet's
// decision refused next to each wrong field with nothing saved, then saved once however often the
// button is pressed; and scrutiny filtering the audit trail by a person and an application chosen
// by name, with a date mistake shown next to its field.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { API, expect, expectNoAxeViolations, test } from './support.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { signIn } from './support-panel.ts';
import { fillDateInput } from './support-panel-pages.ts';

const tag = `RV${Date.now().toString(36).slice(-5).toUpperCase()}`;
const FUND = `Review Path Fund ${tag}`;
let roundId = '';
let applicationId = '';

/** Calls an api function as whoever is signed in on the page, as the islands do. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the default lets these calls read answers untyped; a new call should name its wrapper's Result type (src/lib/api/).
async function rpc<T = any>(page: Page, fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const result = await page.evaluate(
    async ({ api, fn, args }) => {
      const key = Object.keys(localStorage).find((k) => k.endsWith('-auth-token'))!;
      const token = JSON.parse(localStorage.getItem(key)!).access_token as string;
      const response = await fetch(`${api}/rest/v1/rpc/${fn}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, apikey: token, 'Content-Profile': 'api' },
        body: JSON.stringify(args),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { api: API, fn, args },
  );
  if (result.status >= 300) throw new Error(`${fn}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body as T;
}

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test.describe.serial('from the panel to Cabinet, on a round of its own', () => {
  test('the officer records a review meeting, after a mistake, and it is listed', async ({ page }) => {
    await signIn(page, 'officer@example.org');
    // Up to 'recommended' through the API: one application, one (non-signing-in) member, the
    // move to the panel forced with a reason, and the panel's recommendation recorded.
    const fund = await rpc(page, 'create_fund', { p_slug: `review-path-${tag.toLowerCase()}`, p_name: FUND, p_budget: 20000 });
    const round = await rpc(page, 'create_round', { p_fund_id: fund.id, p_title: `Review path ${tag}`, p_reference_prefix: tag });
    roundId = round.id;
    await rpc(page, 'add_criterion', {
      p_round_id: roundId,
      p_title: 'Need',
      p_weight: 1,
      p_maximum: 2,
      p_descriptors: ['Not shown', 'Some', 'Clear'],
    });
    const app = await rpc(page, 'add_application', {
      p_round_id: roundId,
      p_application: {
        organisation_name: 'Kidlington Repair Cafe',
        organisation_type: 'community group',
        project_title: 'Fix it together',
        description: 'Monthly repair sessions.',
        amount_requested: 5000,
        contact: { name: 'Pat Hale', email: 'pat@example.org' },
      },
    });
    applicationId = app.id;
    await rpc(page, 'write_application_summary', {
      p_application_id: applicationId,
      p_summary: 'Volunteers fix things with neighbours once a month.',
    });
    for (const to of ['open', 'closed']) await rpc(page, 'move_round', { p_round_id: roundId, p_to: to });
    await rpc(page, 'add_panel_member', { p_round_id: roundId, p_person_id: '00000000-0000-4000-8000-000000000011', p_seat: 'councillor' });
    await rpc(page, 'move_round', { p_round_id: roundId, p_to: 'scoring', p_force_reason: 'A test round: a panel of one.' });
    await rpc(page, 'move_round', { p_round_id: roundId, p_to: 'panel', p_force_reason: 'A test round: the panel meets without scores.' });
    await rpc(page, 'record_recommendation', {
      p_application_id: applicationId,
      p_outcome: 'award',
      p_amount: 4000,
      p_reasons: 'Clear need.',
      p_how_agreed: 'consensus',
    });
    await rpc(page, 'move_round', { p_round_id: roundId, p_to: 'recommended' });
    await rpc(page, 'add_reviewer', { p_round_id: roundId, p_person_id: '00000000-0000-4000-8000-000000000008' });

    await page.goto(`/panel/officer/?id=${roundId}`);
    // Counts of one are said in the singular.
    await expect(page.getByRole('region', { name: 'Applications', exact: true })).toContainText('1 application.');
    await expect(page.getByText(/community seats?, \d+ councillor seats?\./)).toHaveText('0 community seats, 1 councillor seat.');
    const meetings = page.getByTestId('review-meetings');
    await expect(meetings).toContainText('No review meetings recorded yet.');
    await meetings.getByRole('button', { name: 'Record the meeting' }).click();
    // Each problem next to its field, linked from the summary.
    await expect(page.locator('#meeting-title-error')).toContainText('Enter which meeting it was, like Review meeting 1 of 5');
    await expect(page.locator('#meeting-date-error')).toContainText('Enter the date of the meeting');
    await expect(page.getByLabel('Which meeting')).toHaveAttribute('aria-describedby', /meeting-title-error/);
    await expect(meetings.getByRole('alert')).toContainText('Enter the date of the meeting');
    await expectNoAxeViolations(page);
    await page.getByLabel('Which meeting').fill('Review meeting 1 of 5');
    await fillDateInput(page, 'Date of the meeting', isoDay(-2));
    await page.getByLabel('What was said or agreed (optional)').fill('Councillors asked for the repair cafe to reach the villages too.');
    await meetings.getByRole('button', { name: 'Record the meeting' }).click();
    await expect(meetings.getByRole('listitem')).toHaveCount(1);
    await expect(meetings).toContainText('Review meeting 1 of 5');
    await expect(page.getByLabel('Which meeting')).toHaveValue('');
    await expectNoAxeViolations(page);
  });

  test('the reviewing councillor sees the meeting on the path, before Cabinet', async ({ page }) => {
    await signIn(page, 'councillor@example.org');
    await page.goto(`/panel/review/?round=${roundId}`);
    const path = page.getByRole('list', { name: 'Where this round is' });
    await expect(path.getByTestId('review-meetings')).toContainText('Review meeting 1 of 5');
    await expect(path.getByTestId('review-meetings')).toContainText('reach the villages too');
    // The meetings come before the Cabinet's decision, which is still to come.
    await expect(path.getByRole('listitem').filter({ hasText: 'Cabinet decision' })).toContainText('to come');
    await expect(page.getByLabel('Made at which meeting? (optional)')).toContainText('Review meeting 1 of 5');
    await expectNoAxeViolations(page);
  });

  test("the Cabinet's decision: bad input is refused next to each field and nothing is saved", async ({ page }) => {
    await signIn(page, 'officer@example.org');
    await page.goto(`/panel/officer/?id=${roundId}`);
    await page.getByRole('button', { name: 'Record this decision on its own for Fix it together' }).click();
    const form = page.getByRole('form', { name: 'Cabinet decision for Fix it together' });
    await form.getByLabel('Amount (£)').fill('9000');
    await fillDateInput(form, 'Date of the Cabinet meeting', isoDay(3));
    await form.getByLabel('Minute reference').fill('  ');
    await form.getByRole('button', { name: /Save the decision/ }).click();
    const amountError = form.locator(`[id$="-amount-error"]`);
    await expect(amountError).toContainText('That is more than the £5,000 asked for');
    await expect(form.locator(`[id$="-date-error"]`)).toContainText('cannot be in the future');
    await expect(form.locator(`[id$="-minute-error"]`)).toContainText('Enter the minute reference');
    await expect(form.getByLabel('Amount (£)')).toHaveAttribute('aria-describedby', /-amount-error/);
    await expect(form.getByRole('alert')).toContainText('Enter the minute reference');
    await expectNoAxeViolations(page);
    await form.getByLabel('Amount (£)').fill('lots');
    await form.getByRole('button', { name: /Save the decision/ }).click();
    await expect(amountError).toContainText('Enter the amount as a number of pounds greater than 0');
    // What was typed is still there, and the database holds no decision.
    await expect(form.getByLabel('Minute reference')).toHaveValue('  ');
    const recs = await rpc(page, 'review_recommendations', { p_round_id: roundId });
    expect(recs.recommendations[0].cabinet_decision).toBeNull();
    // Typed work is kept on the device: it comes back after the page is reloaded.
    await page.reload();
    await page.getByRole('button', { name: 'Record this decision on its own for Fix it together' }).click();
    await expect(form.getByLabel('Amount (£)')).toHaveValue('lots');
    await expect(form.getByRole('group', { name: 'Date of the Cabinet meeting' }).getByLabel('Day')).toHaveValue(
      String(Number(isoDay(3).slice(8))),
    );
  });

  test('a double click on "Save the decision" records it once', async ({ page }) => {
    await signIn(page, 'officer@example.org');
    await page.goto(`/panel/officer/?id=${roundId}`);
    await page.getByRole('button', { name: 'Record this decision on its own for Fix it together' }).click();
    const form = page.getByRole('form', { name: 'Cabinet decision for Fix it together' });
    await form.getByLabel('Amount (£)').fill('4000');
    await fillDateInput(form, 'Date of the Cabinet meeting', isoDay(-1));
    await form.getByLabel('Minute reference').fill(`CAB/${tag}/1`);
    await form.getByRole('button', { name: /Save the decision/ }).dblclick();
    await expect(form).toHaveCount(0);
    await expect(page.getByRole('region', { name: "Recommendations and the Cabinet's decisions" })).toContainText(
      `Cabinet: award £4,000 (minute CAB/${tag}/1)`,
    );
    const trail = await rpc(page, 'audit_trail', { p_table: 'cabinet_decisions', p_application_id: applicationId, p_limit: 50 });
    expect(trail.events.map((e: { action: string }) => e.action)).toEqual(['insert']);
  });

  test('scrutiny filters the trail by a person and an application chosen by name', async ({ page }) => {
    await signIn(page, 'scrutiny@example.org', '/panel/audit/');
    await expect(page.getByTestId('audit-table')).toBeVisible();
    await page.getByLabel('Person').selectOption({ label: 'Jo Pemberton' });
    await page.getByLabel('Application').selectOption({ label: `${tag}-001: Fix it together (Review path ${tag})` });
    await page.getByRole('button', { name: 'Show entries' }).click();
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toBeVisible();
    await expect(rows.filter({ hasText: 'cabinet decisions' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'recommendations' })).toHaveCount(1);
    for (const who of await rows.locator('td:nth-child(3)').allTextContents()) expect(who).toContain('Jo Pemberton');
    // The Cabinet's decision says which application, in words; no row shows a raw id.
    await expect(rows.filter({ hasText: 'cabinet decisions' })).toContainText(`application: ${tag}-001: Fix it together`);
    await expect(rows.filter({ hasText: 'cabinet decisions' })).toContainText('decision: award');
    for (const text of await rows.allTextContents()) expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    // The filtered trail downloads as CSV in the same words, and the download is itself recorded.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download these entries (CSV)' }).click(),
    ]);
    const csv = parseCsv(readFileSync((await download.path())!, 'utf8')).rows;
    expect(csv[0]).toEqual(['Entry', 'When (UTC)', 'Who', 'As', 'What happened', 'Record', 'Details', 'Hash']);
    expect(csv.slice(1)).toHaveLength(await rows.count());
    expect(csv.find((r) => r[5] === 'cabinet decisions')?.[6]).toContain(`application: ${tag}-001: Fix it together`);
    await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText('The download is recorded in the trail.');
    await page.getByLabel('Person').selectOption({ label: 'Anyone' });
    await page.getByLabel('Application').selectOption({ label: 'Any application' });
    await page.getByLabel('What happened').selectOption({ label: 'Exported' });
    await page.getByRole('button', { name: 'Show entries' }).click();
    await expect(rows.first()).toContainText('Exported');
    await expect(rows.first()).toContainText('audit trail');
    await expect(rows.first()).toContainText('Dev Malhotra');
    // The dates are GOV.UK date inputs (day, month, year): a date mistake is shown next to its
    // own field and the summary links to the box it is about.
    const from = page.getByRole('group', { name: 'From' });
    await fillDateInput(page, 'From', '2030-01-02');
    await fillDateInput(page, 'To', '2030-01-01');
    await page.getByRole('button', { name: 'Show entries' }).click();
    await expect(page.locator('#audit-from-error')).toContainText('The "from" date must be before the "to" date');
    await expect(from).toHaveAttribute('aria-describedby', /audit-from-error/);
    await expectNoAxeViolations(page);
    await from.getByLabel('Month').fill('13');
    await page.getByRole('button', { name: 'Show entries' }).click();
    await expect(page.locator('#audit-from-error')).toContainText('The "from" date must be a real date');
    await expect(from.getByLabel('Month')).toHaveAttribute('aria-invalid', 'true');
    await expect(from.getByLabel('Day')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').getByRole('link', { name: 'The "from" date must be a real date' })).toHaveAttribute(
      'href',
      '#audit-from-month',
    );
    await expectNoAxeViolations(page);
    // Right dates filter the trail: nothing happened in 2030 yet.
    await fillDateInput(page, 'From', '2030-01-01');
    await page.getByRole('button', { name: 'Show entries' }).click();
    await expect(page.locator('#audit-from-error')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'No entries match' })).toBeVisible();
  });
});
