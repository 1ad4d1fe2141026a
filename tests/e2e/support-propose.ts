// Answering the idea's question pages (/budgeting/propose/), for the specs that send an idea
// through the resident's own screens.
import type { Page } from '@playwright/test';
import { expect } from './support.ts';
import type { Rpc } from './support-rounds.ts';

export const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue' });

/** Answers every question page of a process with wards North and South and a Parks category,
 *  ending on the check page. */
export async function answerEveryQuestion(page: Page, title: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Name your project');
  await page.getByLabel('Project name').fill(title);
  await page.getByLabel('Summary').fill('Planters and benches by the shops.');
  await continueButton(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What would your project do?');
  await page.getByLabel(/Describe what would happen/).fill('Six big planters with flowers and two benches on the high street.');
  await continueButton(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who would benefit?');
  await page.getByLabel(/Who would it help/).fill('Shoppers and older people who need a rest.');
  await continueButton(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roughly how much would it cost?');
  await page.getByLabel('Estimated cost, in pounds').fill('£4,500');
  await continueButton(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Which part of the area is it for?');
  await page.getByLabel('North ward').check();
  await continueButton(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What kind of project is it?');
  await page.getByLabel('Parks').check();
  await continueButton(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers before sending your idea');
}

/** A process of the test's own (wards North and South, categories Parks and Young people),
 *  made by the officer and open for ideas; answers its id. */
export async function openForIdeas(officer: Rpc, title: string, slug: string, budget: number): Promise<string> {
  const made = await officer('pb_create_process', {
    p_title: title,
    p_slug: slug,
    p_area: 'Testshire',
    p_budget: budget,
    p_description: 'A process for the browser tests.',
  });
  expect(made.status, JSON.stringify(made.body)).toBe(200);
  const id = made.body.id as string;
  for (const name of ['North ward', 'South ward'])
    expect((await officer('pb_add_ward', { p_process_id: id, p_name: name })).status).toBe(200);
  for (const name of ['Parks', 'Young people'])
    expect((await officer('pb_add_category', { p_process_id: id, p_name: name })).status).toBe(200);
  await officer('pb_set_phase_dates', {
    p_process_id: id,
    p_phase: 'proposals',
    p_starts_at: '2026-11-01T09:00:00Z',
    p_ends_at: '2027-01-31T17:00:00Z',
  });
  const moved = await officer('pb_move_phase', { p_process_id: id, p_to: 'proposals' });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  return id;
}
