// One rounding rule for every score shown: the report once said "balanced 84.65" where the panel
// day's table said 84.7.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/lib/csv.ts';
import { reportCsv } from '../../../../src/lib/grants/report.ts';
import { formatScore } from '../../../../src/lib/grants/score-format.ts';

describe('scores a person reads', () => {
  it('have one decimal place, halves rounded up', () => {
    expect(formatScore(84.65)).toBe('84.7');
    expect(formatScore('84.65')).toBe('84.7');
    expect(formatScore(2.45)).toBe('2.5');
    expect(formatScore(84.64)).toBe('84.6');
    expect(formatScore(80)).toBe('80.0');
  });

  it('say there is no score with a dash, or what the caller asks', () => {
    expect(formatScore(null)).toBe('–');
    expect(formatScore(undefined, '')).toBe('');
  });

  it('the report CSV uses the same rule as the screens', () => {
    const result = {
      application_id: 'a',
      reference: 'SUS-1',
      organisation_name: 'Shed',
      project_title: 'Tools',
      amount_requested: 3000,
      rank: 1,
      balanced_mean: 84.65,
      community_mean: 90.25,
      councillor_mean: null,
      seat_split_flag: false,
    };
    const csv = reportCsv({
      exported_at: 'x',
      round: { title: 'R', state: 'panel' },
      fund: { name: 'F' },
      results: [result],
      conflicts: [],
      recommendations: [],
    });
    expect(parseCsv(csv).rows[1]!.slice(5, 8)).toEqual(['90.3', '', '84.7']);
  });
});
