// What a process page says: each step's dates, where the process is, and how to take part now.
import { describe, expect, it } from 'vitest';
import { processListHtml } from '../../../../src/lib/pb/process-list';
import { datesText, takePartNow, timeline } from '../../../../src/lib/pb/process-view';
import { PB_PHASES } from '../../../../src/lib/pb/phases';

describe('process view', () => {
  it('says dates in UK days', () => {
    expect(datesText({ starts_at: '2026-11-01T09:00:00Z', ends_at: '2027-01-31T23:30:00Z' })).toBe('1 November 2026 to 31 January 2027');
    // 23:30 UTC in summer is the next day in the UK.
    expect(datesText({ starts_at: '2027-06-30T23:30:00Z', ends_at: null })).toBe('From 1 July 2027');
    expect(datesText({ starts_at: null, ends_at: null })).toBe('');
    expect(datesText(undefined)).toBe('');
  });

  it('marks the steps done, now and later, without the council’s draft', () => {
    const steps = timeline({ phase: 'voting', phases: [{ phase: 'voting', starts_at: '2027-03-01T09:00:00Z', ends_at: null }] });
    expect(steps.map((s) => [s.phase, s.state])).toEqual([
      ['proposals', 'done'],
      ['review', 'done'],
      ['voting', 'now'],
      ['counting', 'later'],
      ['results', 'later'],
    ]);
    expect(steps[2]!.dates).toBe('From 1 March 2027');
  });

  it('links each phase to the page where residents take part', () => {
    const links = Object.fromEntries(PB_PHASES.map((p) => [p, takePartNow(p, 'a b').link?.href]));
    expect(links).toEqual({
      draft: undefined,
      proposals: '/budgeting/propose/?p=a%20b',
      review: undefined,
      voting: '/budgeting/vote/?p=a%20b',
      counting: undefined,
      results: '/budgeting/results/?p=a%20b',
    });
  });

  it('lists processes as escaped HTML, each linking to its page', () => {
    const html = processListHtml([
      {
        id: '1',
        slug: 's',
        title: '<Fund>',
        area: 'A & B',
        description: '',
        budget: 1000,
        currency: 'GBP',
        phase: 'proposals',
        phase_changed_at: '',
        phases: [],
      },
    ]);
    expect(html).toContain('href="/budgeting/process/?p=s"');
    expect(html).toContain('&lt;Fund&gt;');
    expect(html).toContain('£1,000 for A &amp; B');
    expect(processListHtml([])).toContain('no budgeting processes yet');
  });
});
