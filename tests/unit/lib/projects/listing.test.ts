import { describe, expect, it } from 'vitest';
import { atomFeed } from '../../../../src/lib/projects/atom.ts';
import { updateAnchor } from '../../../../src/lib/projects/updates.ts';
import {
  addressFor,
  countsBy,
  describeFilter,
  listingUrl,
  stateFromAddress,
  matches,
  pageCount,
  pageOf,
  sortProjects,
  type ProjectSummary,
} from '../../../../src/lib/projects/listing.ts';
import { projectItemHtml } from '../../../../src/lib/projects/render.ts';
import { pageNumbers, paginationHtml } from '../../../../src/lib/pagination.ts';
import { dateAt, longDate, monthYear } from '../../../../src/lib/dates.ts';

const project = (slug: string, over: Partial<ProjectSummary> = {}): ProjectSummary => ({
  slug,
  title: slug,
  summary: `About ${slug}`,
  leadArea: 'adult-social-care',
  stage: 'delivering',
  staircaseStep: 'co-produce',
  latest: '2019-05-01',
  ...over,
});
const list = [
  project('bus', { leadArea: 'transport-hub', stage: 'planning', latest: '2020-01-01' }),
  project('carers', { latest: '2019-10-01' }),
  project('alpha', { stage: 'complete', staircaseStep: 'consult', latest: '2019-10-01' }),
];

describe('filtering and sorting projects', () => {
  it('combines filters: every chosen one must match', () => {
    expect(list.filter((p) => matches(p, { area: 'adult-social-care' })).map((p) => p.slug)).toEqual(['carers', 'alpha']);
    expect(list.filter((p) => matches(p, { area: 'adult-social-care', stage: 'complete' })).map((p) => p.slug)).toEqual(['alpha']);
    expect(list.filter((p) => matches(p, { area: 'transport-hub', stage: 'complete' }))).toEqual([]);
  });

  it('sorts by latest update, newest first, then by name; or by name', () => {
    expect(sortProjects(list, 'latest').map((p) => p.slug)).toEqual(['bus', 'alpha', 'carers']);
    expect(sortProjects(list, 'title').map((p) => p.slug)).toEqual(['alpha', 'bus', 'carers']);
  });

  it('counts each value of a dimension', () => {
    expect(Object.fromEntries(countsBy(list, 'area'))).toEqual({ 'transport-hub': 1, 'adult-social-care': 2 });
  });

  it('pages by twenty and never reports zero pages', () => {
    const many = Array.from({ length: 45 }, (_, i) => i);
    expect(pageCount(45)).toBe(3);
    expect(pageCount(0)).toBe(1);
    expect(pageOf(many, 3)).toEqual([40, 41, 42, 43, 44]);
  });

  it('gives each single filter and page its pre-built address', () => {
    expect(listingUrl({})).toBe('/projects/');
    expect(listingUrl({}, 2)).toBe('/projects/page/2/');
    expect(listingUrl({ area: 'transport-hub' })).toBe('/projects/area/transport-hub/');
    expect(listingUrl({ step: 'consult' }, 3)).toBe('/projects/step/consult/page/3/');
  });

  it('keeps one filter in a pre-built address, so a shared link works without JavaScript', () => {
    expect(addressFor({ filter: {}, sort: 'latest', page: 1 })).toBe('/projects/');
    expect(addressFor({ filter: { area: 'transport-hub' }, sort: 'latest', page: 1 })).toBe('/projects/area/transport-hub/');
    expect(addressFor({ filter: { stage: 'complete' }, sort: 'latest', page: 2 })).toBe('/projects/stage/complete/page/2/');
    expect(addressFor({ filter: { area: 'transport-hub' }, sort: 'title', page: 1 })).toBe('/projects/area/transport-hub/?sort=title');
    expect(addressFor({ filter: { area: 'transport-hub', stage: 'complete' }, sort: 'latest', page: 2 })).toBe(
      '/projects/?area=transport-hub&stage=complete&page=2',
    );
  });

  it('reads back every address it writes', () => {
    const states = [
      { filter: {}, sort: 'latest', page: 1 },
      { filter: {}, sort: 'title', page: 3 },
      { filter: { step: 'consult' }, sort: 'latest', page: 2 },
      { filter: { area: 'transport-hub', stage: 'complete', step: 'co-produce' }, sort: 'title', page: 2 },
    ] as const;
    for (const state of states) {
      const url = new URL(addressFor(state), 'https://example.org');
      expect(stateFromAddress(url.pathname, url.search)).toEqual(state);
    }
    // Addresses the island wrote before one filter became a path still work with JavaScript.
    expect(stateFromAddress('/projects/', '?area=transport-hub')).toEqual({ filter: { area: 'transport-hub' }, sort: 'latest', page: 1 });
  });

  it('describes a filter in words', () => {
    expect(describeFilter({ area: 'transport-hub', stage: 'on-hold' })).toBe('lead area: Transport Hub, stage: On hold');
  });
});

describe('shared markup', () => {
  it('escapes content in a project item', () => {
    const html = projectItemHtml(project('x', { title: 'Fish & <chips>' }));
    expect(html).toContain('Fish &amp; &lt;chips&gt;');
    // Updates are monthly: the list shows the month, not a day the source never gave.
    expect(html).toContain('<time datetime="2019-05">May 2019</time>');
  });

  it('shows first, last and neighbouring page numbers with gaps', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(paginationHtml(1, 1, String)).toBe('');
    expect(paginationHtml(2, 3, (n) => `/p/${n}/`)).toMatch(/rel="prev".*aria-current="page".*rel="next"/s);
  });

  it('writes dates as readers expect', () => {
    expect(longDate('2019-10-16')).toBe('16 October 2019');
    expect(longDate(new Date('2027-07-08T00:00:00Z'))).toBe('8 July 2027');
    expect(monthYear('2019-05-01')).toBe('May 2019');
    expect(dateAt(new Date('2019-07-01'), 'month')).toEqual({ text: 'July 2019', datetime: '2019-07' });
    expect(dateAt(new Date('2019-01-01'), 'year')).toEqual({ text: '2019', datetime: '2019' });
    expect(dateAt(new Date('2027-07-08'))).toEqual({ text: '8 July 2027', datetime: '2027-07-08' });
  });
});

describe('the Atom feed', () => {
  it('lists updates newest first with escaped text and absolute links', () => {
    const xml = atomFeed(
      [
        { projectSlug: 'a', projectTitle: 'A & B', date: new Date('2019-01-01'), title: 'Old', text: 'old' },
        { projectSlug: 'b', projectTitle: 'C', date: new Date('2020-01-01'), title: 'New', weAsked: 'Q?', weDid: 'Did <it>' },
      ],
      new URL('https://example.org'),
    );
    expect(xml.indexOf('<title>C: New</title>')).toBeLessThan(xml.indexOf('<title>A &amp; B: Old</title>'));
    expect(xml).toContain('<link rel="alternate" href="https://example.org/projects/b/#update-2020-01-new"/>');
    expect(xml).toContain('We asked: Q?\n\nWe did: Did &lt;it&gt;');
    expect(xml).toContain('<updated>2020-01-01T00:00:00.000Z</updated>');
  });

  it('gives updates of one project on the same date their own ids, each the link to its anchor', () => {
    const day = new Date('2020-07-01');
    const xml = atomFeed(
      [
        { projectSlug: 'a', projectTitle: 'A', date: day, title: 'Named as co-production', text: 'one' },
        { projectSlug: 'a', projectTitle: 'A', date: day, title: 'What it sets out to do', text: 'two' },
      ],
      new URL('https://example.org'),
    );
    const ids = [...xml.matchAll(/<entry>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    const links = [...xml.matchAll(/<entry>[\s\S]*?<link rel="alternate" href="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'https://example.org/projects/a/#update-2020-07-named-as-co-production',
      'https://example.org/projects/a/#update-2020-07-what-it-sets-out-to-do',
    ]);
    expect(links).toEqual(ids);
  });
});

describe('update anchors', () => {
  it('are made of the month and the title, so adding another update does not change them', () => {
    expect(updateAnchor({ date: new Date('2019-10-16'), title: 'Handbook launched: “Working Together”!' })).toBe(
      'update-2019-10-handbook-launched-working-together',
    );
    expect(updateAnchor({ date: new Date('2019-10-01'), title: 'Café opens' })).toBe('update-2019-10-cafe-opens');
  });
});
