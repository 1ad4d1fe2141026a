// The one renderer of a ballot (check-ballot page and voting islands): what it says for each
// verdict, and that names typed by residents cannot become markup.
import { describe, expect, it } from 'vitest';
import type { PbReceiptCheck } from '../../../../src/lib/api/pb-residents.ts';
import { ballotTableHtml, receiptCheckHtml } from '../../../../src/lib/pb/ballot-html.ts';

const check = (over: Partial<PbReceiptCheck> = {}): PbReceiptCheck => ({
  process: { id: 'p', slug: 'a b&c', title: 'Community Chest', currency: 'GBP' },
  cast_at: '2027-03-01T10:00:00Z',
  channel: 'online',
  proposals: [{ id: '1', number: 1, title: 'Orchard', checked_cost: 12_500 }],
  total: 12_500,
  replaced: false,
  replaced_at: null,
  counted: false,
  counted_at: null,
  ...over,
});

describe('receiptCheckHtml', () => {
  it('says a waiting ballot is in the ballot box, with what it chose and the total', () => {
    const html = receiptCheckHtml(check());
    expect(html).toContain('In the ballot box');
    expect(html).toContain('What this ballot contained');
    expect(html).toContain('Orchard');
    expect(html.match(/£12,500/g)).toHaveLength(2);
    expect(html).toContain('online');
  });

  it('says a counted ballot was counted, and links to that process’s results', () => {
    const html = receiptCheckHtml(check({ counted: true, counted_at: '2027-03-10T18:00:00Z' }));
    expect(html).toContain('Counted');
    expect(html).toContain('href="/budgeting/results/?p=a%20b%26c"');
    expect(html).not.toContain('In the ballot box');
  });

  it('says a replaced ballot does not count, even once the vote is counted', () => {
    const html = receiptCheckHtml(check({ replaced: true, replaced_at: '2027-03-02T09:00:00Z', counted: true }));
    expect(html).toContain('Replaced');
    expect(html).toContain('so it is not counted');
    expect(html).not.toContain('See the results');
  });

  it('says so when a ballot chose nothing, on paper', () => {
    const html = receiptCheckHtml(check({ proposals: [], total: 0, channel: 'paper' }));
    expect(html).toContain('This ballot chose no projects.');
    expect(html).toContain('on paper');
    expect(html).not.toContain('<table');
  });

  it('escapes what residents and officers typed', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const html = receiptCheckHtml(
      check({
        process: { id: 'p', slug: 's', title: hostile, currency: 'GBP' },
        proposals: [{ id: '1', number: 1, title: hostile, checked_cost: 1 }],
      }),
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('ballotTableHtml', () => {
  it('lists each project as a row header with its cost, and the total last', () => {
    const html = ballotTableHtml(
      [
        { id: '1', number: 1, title: 'A', checked_cost: 100 },
        { id: '2', number: 2, title: 'B', checked_cost: 250 },
      ],
      350,
      'Your vote',
    );
    expect(html.match(/<th scope="row"/g)).toHaveLength(3);
    expect(html.indexOf('Total')).toBeGreaterThan(html.indexOf('>B<'));
    expect(html).toContain('<strong>£350</strong>');
  });
});
