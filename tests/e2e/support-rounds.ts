// Rounds of a test's own, made through the API as the officer, so tests that move a round on or
// try bad input never touch the seeded rounds other specs rely on. The people on these panels
// are new accounts (made through the API's email-code sign-up, which the site's own sign-in page
// does not offer), so no seeded member's list of rounds changes either.
import type { Browser, Page } from '@playwright/test';
import { API, expect, waitForIslands } from './support.ts';
import { signIn } from './support-panel.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Rpc = (<T = any>(fn: string, args?: Record<string, unknown>) => Promise<{ status: number; body: T }>) & { token: string };

/** The access token of whoever is signed in on this page. */
export async function tokenOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith('-auth-token'))!;
    return JSON.parse(localStorage.getItem(key)!).access_token as string;
  });
}

/** Calls API functions from the test itself (not the page), as the token's owner. */
export function rpcAs(token: string): Rpc {
  return Object.assign(
    async (fn: string, args: Record<string, unknown> = {}) => {
      const response = await fetch(`${API}/rest/v1/rpc/${fn}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, apikey: token },
        body: JSON.stringify(args),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { token },
  ) as Rpc;
}

/** A demo account's API caller (signed in on a page of its own, closed again). */
export async function apiAs(browser: Browser, email: string): Promise<Rpc> {
  const page = await browser.newPage();
  await signIn(page, email);
  const token = await tokenOf(page);
  await page.close();
  return rpcAs(token);
}

async function ok<T>(call: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await call;
  expect(status, JSON.stringify(body)).toBeLessThan(300);
  return body;
}

async function auth(path: string, apikey: string, body: unknown) {
  const response = await fetch(`${API}/auth/v1/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', apikey },
    body: JSON.stringify(body),
  });
  expect(response.status, path).toBe(200);
  return response.json() as Promise<{ access_token?: string }>;
}

const codeFor = async (email: string) =>
  ((await (await fetch(`${API}/mailbox.json`)).json()) as { to: string; code: string }[]).find((m) => m.to === email && m.code)!.code; // newest first; notifications carry no code

/** Makes a new person's account (an email code with sign-up allowed; any valid key will do for the
 *  local gateway), then signs them in on this page through the site's own email-code form.
 *  Returns their API caller and id. `next` is where the sign-in page sends them. */
export async function signInNewPerson(page: Page, email: string, apikey: string, next = '/panel/'): Promise<{ rpc: Rpc; id: string }> {
  await auth('otp', apikey, { email, create_user: true });
  const session = await auth('verify', apikey, { email, token: await codeFor(email), type: 'email' });
  const rpc = rpcAs(session.access_token!);
  const me = await ok(rpc<{ user_id: string }>('whoami'));
  await page.goto(`/sign-in/?next=${encodeURIComponent(next)}`);
  await waitForIslands(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a code' }).click();
  await expect(page.getByText('We sent a code to')).toBeVisible();
  await page.getByLabel('Code from the email').fill(await codeFor(email));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === next);
  return { rpc, id: me.user_id };
}

export interface OwnRound {
  id: string;
  criteria: { id: string; title: string; maximum: number }[];
  applications: { id: string; reference: string; project_title: string }[];
}

/** A fund and a round with two questions (scored 0 to 2) and two applications (asking for £2,000
 *  and £3,000), the given people on its panel, moved on to scoring. `tag` keeps names apart: 1 to
 *  4 capital letters or digits. `budget` is the fund's (£20,000 unless given). */
export async function createScoringRound(
  officer: Rpc,
  tag: string,
  panel: { id: string; seat: 'community' | 'councillor' | null; role?: 'member' | 'chair' | 'clerk' }[],
  budget = 20000,
): Promise<OwnRound> {
  const fund = await ok(
    officer<{ id: string }>('create_fund', { p_slug: `test-fund-${tag.toLowerCase()}`, p_name: `Test fund ${tag}`, p_budget: budget }),
  );
  const round = await ok(
    officer<{ id: string }>('create_round', { p_fund_id: fund.id, p_title: `Test round ${tag}`, p_reference_prefix: `T${tag}` }),
  );
  const criteria = [];
  for (const title of ['Who it helps', 'Value for money']) {
    const c = await ok(
      officer<{ id: string; title: string; maximum: number }>('add_criterion', {
        p_round_id: round.id,
        p_title: title,
        p_weight: 1,
        p_maximum: 2,
        p_descriptors: ['Not at all', 'Partly', 'Fully'],
        p_guidance: `How well does it do on ${title.toLowerCase()}?`,
      }),
    );
    criteria.push({ id: c.id, title: c.title, maximum: c.maximum });
  }
  const applications = [];
  for (const [i, project] of ['Walks for all', 'A lunch club'].entries()) {
    const a = await ok(
      officer<{ id: string; reference: string }>('add_application', {
        p_round_id: round.id,
        p_application: {
          organisation_name: `Test group ${tag} ${i + 1}`,
          organisation_type: 'community group',
          project_title: project,
          description: 'A small project for local people.',
          amount_requested: 2000 + i * 1000,
          contact: { name: 'Sam Test', email: `contact${i}@example.org` },
        },
      }),
    );
    await ok(
      officer('write_application_summary', {
        p_application_id: a.id,
        p_summary: `${project}: a small local project. It asks for a grant to run for a year.`,
      }),
    );
    applications.push({ id: a.id, reference: a.reference, project_title: project });
  }
  for (const p of panel)
    await ok(officer('add_panel_member', { p_round_id: round.id, p_person_id: p.id, p_seat: p.seat, p_role: p.role ?? 'member' }));
  // Test panels are small: scoring starts with a reason when the panel is short of fair.
  for (const to of ['open', 'closed', 'scoring'])
    await ok(officer('move_round', { p_round_id: round.id, p_to: to, ...(to === 'scoring' ? { p_force_reason: 'A test panel.' } : {}) }));
  return { id: round.id, criteria, applications };
}
