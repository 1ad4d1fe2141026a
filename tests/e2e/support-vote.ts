// Helpers for the resident's vote in Community Chest 2027 (supabase/seeds/pb.sql): fresh voters,
// the projects by number, and getting from the start of the vote to a sent ballot.
import type { Browser, Page } from '@playwright/test';
import { apiAs, signInNewPerson, type Rpc } from './support-rounds.ts';
import { expect } from './support.ts';
import { checkPage } from './support-panel-pages.ts';

export const CHEST = '00000000-0000-4000-a001-000000000001';
export const VOTE = '/budgeting/vote/?p=community-chest-2027';

/** Shortlisted projects by number, with their checked costs (budget £280,000). */
export const P = {
  bikes: { n: 1, title: 'Bike repair hub in Blackbird Leys', cost: 18_500 },
  music: { n: 2, title: 'Youth music studio in Banbury', cost: 42_000 },
  path: { n: 3, title: 'Step-free path round Witney Lake', cost: 65_000 },
  lunch: { n: 4, title: 'Winter lunch club in Didcot', cost: 14_000 },
  orchard: { n: 5, title: 'Community orchard on Abbey Fields', cost: 9_500 },
  mural: { n: 6, title: 'Mural trail along Cowley Road', cost: 22_000 },
  teens: { n: 7, title: 'Teenage drop-in evenings in Bicester', cost: 36_000 },
  cinema: { n: 8, title: 'Dementia-friendly cinema in Thame', cost: 7_800 },
  minibus: { n: 9, title: 'Community minibus for Wantage and Grove', cost: 58_000 },
  swim: { n: 10, title: 'Free swimming lessons for Year 6', cost: 31_000 },
  shed: { n: 12, title: "Men's shed workshop in Banbury", cost: 27_500 },
} as const;
export type Project = (typeof P)[keyof typeof P];

let officer: Rpc | undefined;
/** The officer who runs Community Chest 2027; their token is also a key the local gateway
 *  accepts for sign-ups. */
async function officerOf(browser: Browser): Promise<Rpc> {
  officer ??= await apiAs(browser, 'officer@example.org');
  return officer;
}

/** A voting code of a batch of one, issued for this test (so a retried test never finds its
 *  code used by its first attempt). */
export async function freshCode(browser: Browser): Promise<string> {
  const { status, body } = await (
    await officerOf(browser)
  )<{ codes: string[] }>('pb_issue_codes', { p_process_id: CHEST, p_label: `e2e ${Date.now()}`, p_count: 1 });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.codes[0]!;
}

/** A new person, signed in on `page` and sent on to the vote page. */
export async function newVoter(page: Page, browser: Browser, name: string): Promise<Rpc> {
  const { rpc } = await signInNewPerson(page, `${name}.${Date.now()}@example.org`, (await officerOf(browser)).token, VOTE);
  await checkPage(page);
  return rpc;
}

export const projectCard = (page: Page, p: Project) => page.getByTestId(`project-${p.n}`);
export const addButton = (page: Page, p: Project) => page.getByRole('button', { name: `Add ${p.title} to your vote` });
export const removeButton = (page: Page, p: Project) => page.getByRole('button', { name: `Remove ${p.title} from your vote` });

export async function proveWithPostcode(page: Page, postcode: string) {
  await page.getByLabel('With my postcode').check();
  await page.getByRole('textbox', { name: 'Postcode' }).fill(postcode);
  await page.getByRole('button', { name: 'Continue' }).click();
}

export async function proveWithCode(page: Page, code: string) {
  await page.getByLabel('With the voting code from my letter').check();
  await page.getByRole('textbox', { name: 'Voting code' }).fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Adds each project and waits until the cart shows it. */
export async function add(page: Page, ...projects: Project[]) {
  for (const p of projects) {
    await addButton(page, p).click();
    await expect(removeButton(page, p)).toBeVisible();
  }
}

/** From the cart to a sent vote; returns the receipt code shown. */
export async function checkAndSend(page: Page): Promise<string> {
  await page.getByRole('button', { name: /^Check your (changed )?vote$/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Check your vote');
  await page.getByRole('button', { name: 'Send my vote' }).click();
  await expect(page.getByTestId('vote-sent')).toBeVisible();
  return (await page.getByTestId('receipt-code').textContent())!.trim();
}

export type MyBallot = { proposals: { number: number; title: string }[]; total: number; changes: number } | null;
export const myBallot = async (rpc: Rpc) => (await rpc<MyBallot>('pb_my_ballot', { p_process_id: CHEST })).body;
export const numbersOf = (ballot: MyBallot) => (ballot?.proposals ?? []).map((p) => p.number).sort((a, b) => a - b);
