// The accessibility statement follows the GOV.UK sample statement for public sector websites,
// and says only what is true of this site.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../../src/lib/content/check.ts';

const { body } = splitFrontmatter(readFileSync('src/content/pages/accessibility-statement.md', 'utf8'));
const headings = [...body.matchAll(/^(#{2,4}) (.+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
/** The text under a heading, up to the next heading of the same or a higher level. */
function section(heading: string): string {
  const level = heading.match(/^#+/)![0].length;
  const start = body.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const rest = body.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`^#{2,${level}} `, 'm'));
  return end === -1 ? rest : rest.slice(0, end);
}

describe('the accessibility statement', () => {
  it("has the sample statement's sections, with non-accessible content inside the technical section", () => {
    const technical = section("## Technical information about this website's accessibility");
    expect(technical).toContain('### Compliance status');
    expect(technical).toContain('### Non-accessible content');
    const nonAccessible = section('### Non-accessible content');
    for (const part of [
      'Non-compliance with the accessibility regulations',
      'Disproportionate burden',
      "Content that's not within the scope of the accessibility regulations",
    ]) {
      expect(nonAccessible).toContain(`#### ${part}`);
    }
    expect(headings.filter((h) => h.startsWith('## '))).toEqual([
      '## How accessible this website is',
      '## Feedback and contact information',
      '## Reporting accessibility problems with this website',
      '## Enforcement procedure',
      "## Technical information about this website's accessibility",
      "## What we're doing to improve accessibility",
      '## Preparation of this accessibility statement',
    ]);
  });

  it('names the WCAG success criterion for each known failure', () => {
    const failures = section('#### Non-compliance with the accessibility regulations').trim().split(/\n\n+/);
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) expect(failure).toMatch(/success criterion \d\.\d+\.\d+ \([A-Z][^)]+\)/);
  });

  it('links to the Equality Advisory and Support Service', () => {
    expect(section('## Enforcement procedure')).toContain(
      '[Equality Advisory and Support Service (EASS)](https://www.equalityadvisoryservice.com/)',
    );
  });

  it('does not claim every page works without JavaScript, and offers the site map instead of search', () => {
    expect(body).not.toMatch(/every (public )?page without JavaScript/);
    expect(section('## How accessible this website is')).toMatch(/search needs JavaScript[^\n]*\n?[^\n]*\[site map\]\(\/site-map\/\)/);
  });

  it('says when it was prepared and reviewed, and how the site was tested', () => {
    const preparation = section('## Preparation of this accessibility statement');
    const date = (label: string) => new Date(preparation.match(new RegExp(`${label} on (\\d{1,2} \\w+ \\d{4})`))![1]!);
    expect(date('prepared').getTime()).toBeLessThanOrEqual(date('last reviewed').getTime());
    expect(date('last reviewed').getTime()).toBeLessThanOrEqual(Date.now());
    expect(preparation).toMatch(/axe/);
    expect(preparation).toMatch(/Chromium/);
    expect(preparation).toMatch(/every page in the site map/);
    expect(preparation).toMatch(/keyboard/);
  });
});
