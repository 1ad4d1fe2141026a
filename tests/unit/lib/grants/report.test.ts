import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/lib/csv.ts';
import { reportCsv, type RoundReport } from '../../../../src/lib/grants/report.ts';

const report: RoundReport = {
  exported_at: '2026-11-20T10:00:00Z',
  round: { title: 'Sustainability Fund 2026 to 2027', state: 'panel' },
  fund: { name: 'Sustainability Fund' },
  results: [
    {
      application_id: 'a',
      reference: 'SUS-1',
      organisation_name: 'Café, "the best"',
      project_title: 'Mornings',
      amount_requested: 5000,
      rank: 1,
      balanced_mean: 80,
      community_mean: 82,
      councillor_mean: 78,
      seat_split_flag: false,
    },
    {
      application_id: 'b',
      reference: 'SUS-2',
      organisation_name: 'Shed',
      project_title: 'Tools',
      amount_requested: 3000,
      rank: 2,
      balanced_mean: 60,
      community_mean: 80,
      councillor_mean: 40,
      seat_split_flag: true,
    },
  ],
  conflicts: [{ application_id: 'b', reference: 'SUS-2', display_name: 'Cllr Price', seat: 'councillor', reason: 'Trustee' }],
  recommendations: [
    {
      application_id: 'a',
      reference: 'SUS-1',
      organisation_name: 'x',
      project_title: 'x',
      amount_requested: 5000,
      outcome: 'award_with_conditions',
      amount: 4000,
      conditions: 'Report back',
      reasons: 'Good, clear plan',
      how_agreed: 'consensus',
    },
  ],
};

describe('the recommendations report as CSV', () => {
  it('has one row per application, in rank order, that a spreadsheet reads back exactly', () => {
    const { rows } = parseCsv(reportCsv(report));
    expect(rows).toHaveLength(3);
    expect(rows[1]!.slice(0, 4)).toEqual(['1', 'SUS-1', 'Café, "the best"', 'Mornings']);
    expect(rows[1]!.slice(9, 14)).toEqual(['Award with conditions', '4000', 'Report back', 'Good, clear plan', 'consensus']);
  });

  it('lists conflicts and flags split scores, and says when nothing is recorded', () => {
    const { rows } = parseCsv(reportCsv(report));
    expect(rows[2]![8]).toBe('yes');
    expect(rows[2]![9]).toBe('not recorded');
    expect(rows[2]![14]).toBe('Cllr Price (Trustee)');
  });

  it('leaves out the scores and recommendation of an application the reader declared a conflict with, but not the conflicts', () => {
    const hidden = {
      application_id: 'b',
      reference: 'SUS-2',
      organisation_name: 'Shed',
      project_title: 'Tools',
      conflict_declared: true,
    } as const;
    const { rows } = parseCsv(
      reportCsv({ ...report, results: [report.results[0]!, hidden], recommendations: [...report.recommendations, hidden] }),
    );
    expect(rows[2]).toEqual([
      '',
      'SUS-2',
      'Shed',
      'Tools',
      '',
      '',
      '',
      '',
      '',
      'Not shown to you: you declared a conflict of interest with this application',
      '',
      '',
      '',
      '',
      'Cllr Price (Trustee)',
    ]);
  });
});
