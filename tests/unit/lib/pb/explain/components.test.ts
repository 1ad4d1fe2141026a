// The explanation components take their data as props and use no hooks, so the same markup
// comes from a static page and, later, from an island with a result fetched at runtime.

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ResultExplanation from '../../../../../src/islands/pb/ResultExplanation.tsx';
import { explainResult } from '../../../../../src/lib/pb/explain/index.ts';
import { countExample, EXAMPLE_NAMES } from '../../../../../src/lib/pb/explain/worked-example.ts';

describe('ResultExplanation', () => {
  const html = renderToStaticMarkup(
    createElement(ResultExplanation, { explanation: explainResult({ result: countExample(), names: EXAMPLE_NAMES }), id: 'x' }),
  );

  it('renders the sections, tables and chart from props alone', () => {
    for (const heading of [
      'What was funded',
      "Each voter's share",
      'How each project was paid for',
      'Why other projects were not funded',
      'Compared with most votes first',
    ]) {
      expect(html).toContain(`>${heading.replace("'", '&#x27;')}</h2>`);
    }
    expect(html).toContain(
      '<caption class="govuk-table__caption govuk-table__caption--s">Funded projects, in the order they were chosen</caption>',
    );
    expect(html).toContain('Better off with Equal Shares: <strong>4 voters</strong>');
    expect(html).toContain('<svg class="wt-bar-chart__bar" aria-hidden="true"');
  });

  it('gives each project section a unique heading id from its prefix', () => {
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id?.startsWith('x-'))).toBe(true);
  });
});
