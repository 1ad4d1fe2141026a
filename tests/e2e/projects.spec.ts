// Journeys through the projects list: find a transport project with the filters, with and
// without JavaScript; open a case study from a project; follow updates in the Atom feed.
import { expect, expectNoAxeViolations, SITE, test } from './support.ts';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the filter links lead to a pre-built page of transport projects', async ({ page }) => {
    await page.goto('/projects/');
    await expect(page.locator('[data-project-filter]')).toBeHidden();
    const filters = page.getByRole('navigation', { name: 'Filter projects' });
    await filters.getByRole('link', { name: /^Transport Hub \(\d+\)$/ }).click();
    await expect(page).toHaveURL('/projects/area/transport-hub/');
    await expect(page.locator('#project-count')).toContainText(/\d+ projects? with lead area: Transport Hub/);
    await expect(page.getByRole('link', { name: 'Community Transport' })).toBeVisible();
    await expect(filters.getByRole('link', { name: /Transport Hub/ })).toHaveAttribute('aria-current', 'page');
    await filters.getByRole('link', { name: 'Show all projects' }).click();
    await expect(page).toHaveURL('/projects/');
  });

  test('a one-filter address shared from the island shows the filtered list', async ({ page, browser }) => {
    const withScript = await browser.newPage({ javaScriptEnabled: true });
    await withScript.goto(`${SITE}/projects/`);
    await withScript.getByLabel('Lead area').selectOption({ label: 'Transport Hub' });
    await expect(withScript).toHaveURL(/\/projects\/area\/transport-hub\/$/);
    const shared = withScript.url();
    await withScript.close();

    await page.goto(shared);
    await expect(page.locator('#project-count')).toContainText(/\d+ projects? with lead area: Transport Hub/);
    await expect(page.getByRole('link', { name: 'Community Transport' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Grants Panels' })).toHaveCount(0);
  });

  test('an address that combines filters says they need JavaScript and offers single filters', async ({ page }) => {
    await page.goto('/projects/?area=transport-hub&stage=complete');
    const note = page.locator('main .govuk-inset-text');
    await expect(note).toBeVisible();
    await expect(note).toContainText('If you opened a link that combines filters, those need JavaScript');
    await note.getByRole('link', { name: 'choose one filter at a time' }).click();
    const filters = page.getByRole('navigation', { name: 'Filter projects' });
    // (Playwright leaves <noscript> out of an ancestor's text, so look for the paragraph itself.)
    await expect(filters.locator('p', { hasText: 'Combining filters, or sorting by name, needs JavaScript' })).toBeVisible();
    await filters.getByRole('link', { name: /^Transport Hub \(\d+\)$/ }).click();
    await expect(page).toHaveURL('/projects/area/transport-hub/');
  });
});

test.describe('with JavaScript', () => {
  test('the filter form combines choices, keeps them in the address and announces the count', async ({ page }) => {
    await page.goto('/projects/');
    const form = page.locator('[data-project-filter]');
    await expect(form).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Filter projects' })).toBeHidden();
    const total = Number((await page.locator('#project-count strong').textContent())!.match(/\d+/)![0]);

    await page.getByLabel('Lead area').selectOption({ label: 'Transport Hub' });
    await expect(page).toHaveURL('/projects/area/transport-hub/');
    await expect(page.locator('#project-count')).toContainText('with lead area: Transport Hub');
    await expect(page.getByRole('link', { name: 'Community Transport' })).toBeVisible();
    const transport = Number((await page.locator('#project-count strong').textContent())!.match(/\d+/)![0]);
    expect(transport).toBeLessThan(total);

    await page.getByLabel('Stage').selectOption({ label: 'Complete' });
    await expect(page).toHaveURL('/projects/?area=transport-hub&stage=complete');
    await expect(page.locator('#project-count')).toContainText('lead area: Transport Hub, stage: Complete');

    await page.reload();
    await expect(page.getByLabel('Lead area')).toHaveValue('transport-hub');
    await expect(page.getByLabel('Stage')).toHaveValue('complete');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL('/projects/');
    await expect(page.locator('#project-count strong')).toHaveText(`${total} projects`);
    await expectNoAxeViolations(page);
  });

  test('Back undoes each filter change, and Forward redoes it', async ({ page }) => {
    await page.goto('/projects/');
    const count = page.locator('#project-count');
    await expect(page.locator('[data-project-filter]')).toBeVisible();
    const all = await count.locator('strong').textContent();
    await page.getByLabel('Lead area').selectOption({ label: 'Transport Hub' });
    await expect(count).toContainText('with lead area: Transport Hub.');
    await page.getByLabel('Stage').selectOption({ label: 'Complete' });
    await expect(count).toContainText('lead area: Transport Hub, stage: Complete');

    await page.goBack();
    await expect(page).toHaveURL('/projects/area/transport-hub/');
    await expect(page.getByLabel('Stage')).toHaveValue('');
    await expect(page.getByLabel('Lead area')).toHaveValue('transport-hub');
    await expect(count).toContainText('with lead area: Transport Hub.');
    await page.goBack();
    await expect(page).toHaveURL('/projects/');
    await expect(page.getByLabel('Lead area')).toHaveValue('');
    await expect(count.locator('strong')).toHaveText(all!);
    await page.goForward();
    await expect(page).toHaveURL('/projects/area/transport-hub/');
    await expect(count).toContainText('with lead area: Transport Hub.');
  });

  test('sorting by name puts the list in A to Z order', async ({ page }) => {
    await page.goto('/projects/');
    await page.getByLabel('Sort by').selectOption({ label: 'Name (A to Z)' });
    await expect(page.locator('#project-count')).toContainText('Sorted by name');
    const titles = await page.locator('.wt-project__title').allTextContents();
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en-GB')));
  });
});

test('a project page shows its timeline and leads to its case study', async ({ page }) => {
  await page.goto('/projects/grants-panels/');
  await expect(page.getByText(/^Last updated:/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Updates' })).toBeVisible();
  await expect(page.locator('.wt-timeline__item').first()).toBeVisible();
  await page.getByRole('region', { name: 'Read the full story' }).getByRole('link', { name: 'Sharing decisions about grants' }).click();
  await expect(page).toHaveURL(/\/case-studies\/grants-panel\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What others can learn' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Grants Panels' })).toBeVisible();
});

test('the Atom feed lists project updates newest first', async ({ request }) => {
  const response = await request.get('/projects/feed.xml');
  expect(response.status()).toBe(200);
  const xml = await response.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  const dates = [...xml.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map((m) => m[1]!);
  expect(dates.length).toBeGreaterThan(10);
  expect(dates).toEqual([...dates].sort().reverse());
});

test('each feed entry has its own id, and links to an update that exists on its project page', async ({ request }) => {
  const xml = await (await request.get('/projects/feed.xml')).text();
  const entries = [...xml.matchAll(/<entry>\s*<id>([^<]+)<\/id>[\s\S]*?<link rel="alternate" href="([^"]+)"/g)].map((m) => ({
    id: m[1]!,
    link: m[2]!,
  }));
  expect(entries.length).toBeGreaterThan(10);
  expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  const pages = new Map<string, string>();
  for (const { link } of entries) {
    const url = new URL(link);
    expect(url.hash, link).toMatch(/^#update-/);
    if (!pages.has(url.pathname)) pages.set(url.pathname, await (await request.get(url.pathname)).text());
    expect(pages.get(url.pathname), `${link} has no element with that id`).toContain(`id="${url.hash.slice(1)}"`);
  }
});

// Updates are monthly and the sources give months, not days: show no day we do not know.
test('project updates show the month and year, on the project page, the list and the home page', async ({ page }) => {
  const monthOnly = async (times: ReturnType<typeof page.locator>) => {
    expect(await times.count()).toBeGreaterThan(0);
    for (const time of await times.all()) {
      await expect(time).toHaveText(/^[A-Z][a-z]+ \d{4}$/);
      await expect(time).toHaveAttribute('datetime', /^\d{4}-\d{2}$/);
    }
  };
  await page.goto('/projects/carers-pathway-review/');
  await expect(page.locator('.wt-timeline time').first()).toHaveText('October 2019');
  await monthOnly(page.locator('main time'));
  await page.goto('/projects/');
  await monthOnly(page.locator('#project-list time'));
  await page.goto('/');
  await monthOnly(page.locator('.wt-news-item time'));
});
