// Shared checks for browser tests: axe with the WCAG 2.2 AA rule sets, and a page fixture that
// fails the test on any console error or uncaught exception.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe found violations on ${page.url()}`).toEqual([]);
}

/** Waits until every React island on the page has hydrated. */
export async function waitForIslands(page: Page) {
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

export const test = base.extend<{ consoleErrors: string[]; allowedConsoleErrors: RegExp[] }>({
  /** Console messages a test expects, e.g. Chromium logging a 400 the page handles on purpose. */
  allowedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !allowedConsoleErrors.some((re) => re.test(message.text()))) errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

/** Chromium logs every HTTP error response; use in tests where the page handles one on purpose. */
export const httpErrorLogged = (status: number) => new RegExp(`status of ${status} `);

/** Where the test server's site and API answer (see playwright.config.ts). */
export const SITE = `http://localhost:${process.env.E2E_PORT ?? 4322}`;
export const API = `http://localhost:${process.env.E2E_API_PORT ?? 54322}`;

export { expect };
