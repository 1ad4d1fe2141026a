// Helpers for visiting panel pages in a known state: wait until an island has finished loading,
// and call the API as the signed-in person (for setting up a test's own round).
import type { Locator, Page } from '@playwright/test';
import { API, expect, expectNoAxeViolations, waitForIslands } from './support.ts';

/** Waits until the page's island has hydrated and no "Loading…" line is left. */
export async function settled(page: Page) {
  await waitForIslands(page);
  await expect(page.getByRole('status').filter({ hasText: /^(Checking you are signed in|Loading|Preparing)/ })).toHaveCount(0);
}

/** Opens a page (when given), waits for it, and runs axe on it as the screen shows it. */
export async function checkPage(page: Page, url?: string) {
  if (url) await page.goto(url);
  await settled(page);
  await expectNoAxeViolations(page);
}

/** Runs axe again with the print styles applied, as the print view a person gets. */
export async function checkPrintView(page: Page) {
  await page.emulateMedia({ media: 'print' });
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: 'screen' });
}

/** Calls an API function with the page's own session, as the island would. */
export async function rpc<T>(page: Page, fn: string, args: Record<string, unknown>): Promise<T> {
  const result = await page.evaluate(
    async ({ api, fn, args }) => {
      const key = Object.keys(localStorage).find((k) => k.endsWith('-auth-token'))!;
      const token = JSON.parse(localStorage.getItem(key)!).access_token as string;
      const response = await fetch(`${api}/rest/v1/rpc/${fn}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Profile': 'api', Authorization: `Bearer ${token}`, apikey: token },
        body: JSON.stringify(args),
      });
      return { status: response.status, body: await response.json() };
    },
    { api: API, fn, args },
  );
  expect(result.status, `${fn}: ${JSON.stringify(result.body)}`).toBeLessThan(300);
  return result.body as T;
}

/** The links in a page's tables, one per status shown beside them (first and last of each). */
export async function linksByStatus(page: Page): Promise<string[]> {
  const rows = await page.locator('table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      status: tr.querySelector('.govuk-tag')?.textContent ?? '',
      href: tr.querySelector('a')?.getAttribute('href') ?? '',
    })),
  );
  const chosen = new Set<string>();
  for (const status of new Set(rows.map((r) => r.status))) {
    const same = rows.filter((r) => r.status === status && r.href);
    if (same.length) chosen.add(same[0]!.href).add(same.at(-1)!.href);
  }
  return [...chosen];
}

/** No sideways page scroll, and no element poking out of the screen or clipped by its box,
 *  unless it sits inside a container that scrolls on its own (a wide table's scroll area). */
export async function fitsScreen(page: Page) {
  await settled(page);
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`the page scrolls sideways by ${root.scrollWidth - root.clientWidth}px`);
    const scrolls = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    const insideScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (scrolls(p)) return true;
      return false;
    };
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    for (const el of document.querySelectorAll('main *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || insideScroller(el) || getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('.govuk-visually-hidden')) continue;
      if (box.right > root.clientWidth + 1 || box.left < -1) found.push(`${name(el)} goes off the screen`);
      const style = getComputedStyle(el);
      if (['hidden', 'clip'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) found.push(`${name(el)} is cut off`);
    }
    return found.slice(0, 10);
  });
  expect(problems, `${page.url()} at ${page.viewportSize()?.width} px`).toEqual([]);
}

/** Types a day like "2027-03-14" into the GOV.UK date input (day, month and year boxes) whose
 *  legend is `legend`, inside `scope` (a page or a form). */
export async function fillDateInput(scope: Page | Locator, legend: string | RegExp, iso: string) {
  const [year, month, day] = iso.split('-');
  const group = scope.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(day ? String(Number(day)) : '');
  await group.getByLabel('Month').fill(month ? String(Number(month)) : '');
  await group.getByLabel('Year').fill(year ?? '');
}
