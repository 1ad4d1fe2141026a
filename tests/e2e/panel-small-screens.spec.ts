// Every panel page on a small phone and at 200% zoom: nothing needs sideways scrolling except
// inside a table's own scroll area, and nothing is cut off.
//
// 320 px wide is the width WCAG's reflow rule (1.4.10) uses, equal to 1280 px at 400% zoom.
// 200% zoom (1.4.4) is simulated as the browser does it: zooming a 1280 × 800 window to 200%
// leaves a layout viewport of 640 × 400 CSS pixels drawn with two device pixels per CSS pixel,
// so media queries, rem sizes and wrapping behave exactly as when a person zooms. (CSS `zoom`
// on the page would not: media queries would still see 1280 px.)
import type { Page } from '@playwright/test';
import { expect, test } from './support.ts';
import { signIn } from './support-panel.ts';
import { fitsScreen, linksByStatus } from './support-panel-pages.ts';

const INNOVATION = '00000000-0000-4000-9000-000000000101';
const SUSTAINABILITY = '00000000-0000-4000-9000-000000000102';
const YOUTH = '00000000-0000-4000-9000-000000000103';

async function visit(page: Page, url: string) {
  await page.goto(url);
  await fitsScreen(page);
}

const sizes = [
  { name: 'a 320 px phone', use: { viewport: { width: 320, height: 700 } } },
  { name: '200% zoom', use: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } },
];

for (const size of sizes) {
  test.describe(`panel pages at ${size.name}`, () => {
    test.use(size.use);

    test('a member: rounds, applications, packs and scoring forms', async ({ page }) => {
      await signIn(page, 'member@example.org');
      await fitsScreen(page);
      await visit(page, `/panel/round/?id=${INNOVATION}`);
      await expect(page.locator('table tbody tr').first()).toBeVisible();
      for (const href of (await linksByStatus(page)).slice(0, 4)) {
        await visit(page, href);
        const score = page.getByRole('link', { name: /Score this application|See your scores/ });
        if (await score.count()) {
          await score.click();
          await fitsScreen(page);
        }
      }
    });

    test('the chair: panel day, the recommendation form and the report', async ({ page }) => {
      await signIn(page, 'chair@example.org');
      await fitsScreen(page);
      await visit(page, `/panel/panel-day/?round=${INNOVATION}`);
      await visit(page, `/panel/panel-day/?round=${SUSTAINABILITY}`);
      await page
        .getByTestId('results-table')
        .getByRole('button', { name: /the recommendation for/ })
        .first()
        .click();
      await page
        .getByRole('form', { name: /Recommendation for/ })
        .getByRole('button', { name: 'Save the recommendation' })
        .click();
      await fitsScreen(page);
      await visit(page, `/panel/report/?round=${SUSTAINABILITY}`);
    });

    test('a councillor, scrutiny and an officer: review, audit, set-up and running rounds', async ({ page, browser }) => {
      await signIn(page, 'councillor@example.org', `/panel/review/?round=${YOUTH}`);
      await fitsScreen(page);
      for (const [email, urls] of [
        ['scrutiny@example.org', ['/panel/', '/panel/audit/']],
        [
          'officer@example.org',
          ['/panel/', '/panel/setup/', ...[INNOVATION, SUSTAINABILITY, YOUTH].map((id) => `/panel/officer/?id=${id}`)],
        ],
      ] as const) {
        const context = await browser.newContext(size.use);
        const other = await context.newPage();
        await signIn(other, email);
        for (const url of urls) await visit(other, url);
        await context.close();
      }
    });
  });
}
