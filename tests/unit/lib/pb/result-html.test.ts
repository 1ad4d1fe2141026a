// The explanation as HTML from its data alone, so the same markup comes from the static "how
// votes are counted" page, the public results page's script and the officer's preview.
import { describe, expect, it } from 'vitest';
import { explainResult } from '../../../../src/lib/pb/explain/index.ts';
import { countExample, EXAMPLE_NAMES } from '../../../../src/lib/pb/explain/worked-example.ts';
import { resultHtml } from '../../../../src/lib/pb/result-html.ts';

describe('resultHtml', () => {
  const html = resultHtml(explainResult({ result: countExample(), names: EXAMPLE_NAMES }), 'x');

  it('renders the sections, tables and chart', () => {
    for (const heading of [
      'What was funded',
      'Each voter&#39;s share',
      'How each project was paid for',
      'Why other projects were not funded',
      'Compared with most votes first',
    ]) {
      expect(html).toContain(`>${heading}</h2>`);
    }
    expect(html).toContain(
      '<caption class="govuk-table__caption govuk-table__caption--s">Funded projects, in the order they were chosen</caption>',
    );
    expect(html).toContain('Better off with Equal Shares: <strong>4 voters</strong>');
    expect(html).toContain('<svg class="wt-bar-chart__bar" aria-hidden="true"');
    expect(html).toContain('<figure class="wt-bar-chart" aria-labelledby="x-comparison-caption">');
  });

  it('gives each project section a unique heading id from its prefix', () => {
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id?.startsWith('x-'))).toBe(true);
  });

  it('escapes project names, so a proposal title cannot add markup to the page', () => {
    const names = Object.fromEntries(Object.keys(EXAMPLE_NAMES).map((k) => [k, `<img src=x onerror="alert(1)"> & 'co'`]));
    const hostile = resultHtml(explainResult({ result: countExample(), names }), 'y');
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;co&#39;');
  });
});
