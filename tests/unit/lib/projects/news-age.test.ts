import { describe, expect, it } from 'vitest';
import { newsAgeText, wholeYearsBetween } from '../../../../src/lib/projects/news-age.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('how current the project news is', () => {
  it('counts whole years by calendar month', () => {
    expect(wholeYearsBetween(d('2020-07-01'), d('2026-12-04'))).toBe(6);
    expect(wholeYearsBetween(d('2020-07-01'), d('2021-06-30'))).toBe(0);
    expect(wholeYearsBetween(d('2020-07-01'), d('2021-07-01'))).toBe(1);
    expect(wholeYearsBetween(d('2027-01-01'), d('2026-12-04'))).toBe(0);
  });

  it('says plainly when the newest update is from and that it is old', () => {
    expect(newsAgeText(d('2020-07-01'), d('2026-12-04'))).toBe(
      'The newest project update is from July 2020, over 6 years ago. We have had no newer news from the projects, so some of it may be out of date.',
    );
    expect(newsAgeText(d('2025-10-01'), d('2026-12-04'))).toMatch(/^The newest project update is from October 2025, over a year ago\./);
  });

  it('adds no warning to recent news', () => {
    expect(newsAgeText(d('2026-11-01'), d('2026-12-04'))).toBe('The newest project update is from November 2026.');
  });
});
