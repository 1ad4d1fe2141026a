// The recommendations report as CSV, for the review meetings and the Cabinet: one row per
// application with the results, the recommendation, the reasons and the conflicts declared.
import type { ApplicationResult, HiddenForConflict } from '../api/results.ts';
import type { DeclaredConflict, ExportedReport, Outcome, Recommendation } from '../api/review.ts';
import { writeCsv } from '../csv.ts';
import { formatScore } from './score-format.ts';

// What the report reads of api.export_round_report's answer (the types are declared once, in
// ../api/): only these fields, so the CSV can be made from anything that has them.
export type ReportResult = Pick<
  ApplicationResult,
  | 'application_id'
  | 'reference'
  | 'organisation_name'
  | 'project_title'
  | 'amount_requested'
  | 'rank'
  | 'balanced_mean'
  | 'community_mean'
  | 'councillor_mean'
  | 'seat_split_flag'
>;
export type ReportRecommendation = Pick<
  Recommendation,
  | 'application_id'
  | 'reference'
  | 'organisation_name'
  | 'project_title'
  | 'amount_requested'
  | 'outcome'
  | 'amount'
  | 'conditions'
  | 'reasons'
  | 'how_agreed'
>;
export type ReportConflict = Pick<DeclaredConflict, 'application_id' | 'reference' | 'display_name' | 'seat' | 'reason'>;
export type { HiddenForConflict };

export const isHiddenForConflict = (item: object): item is HiddenForConflict =>
  (item as Partial<HiddenForConflict>).conflict_declared === true;

export const HIDDEN_FOR_CONFLICT_WORDS = 'Not shown to you: you declared a conflict of interest with this application';

export interface RoundReport {
  exported_at: string;
  round: Pick<ExportedReport['round'], 'title' | 'state'>;
  fund: Pick<ExportedReport['fund'], 'name'>;
  results: (ReportResult | HiddenForConflict)[];
  conflicts: ReportConflict[];
  recommendations: (ReportRecommendation | HiddenForConflict)[];
}

export const OUTCOME_WORDS: Record<Outcome, string> = {
  award: 'Award',
  award_with_conditions: 'Award with conditions',
  not_award: 'Do not award',
};

export function reportCsv(report: RoundReport): string {
  const header = [
    'Rank',
    'Reference',
    'Organisation',
    'Project',
    'Amount asked (£)',
    'Community mean',
    'Councillor mean',
    'Balanced score',
    'Seats differ',
    'Recommendation',
    'Amount recommended (£)',
    'Conditions',
    'Reasons',
    'How agreed',
    'Conflicts declared',
  ];
  const rows = report.results.map((r) => {
    const rec = report.recommendations.find((x) => x.application_id === r.application_id);
    const conflicts = report.conflicts
      .filter((c) => c.application_id === r.application_id)
      .map((c) => `${c.display_name}${c.reason ? ` (${c.reason})` : ''}`);
    if (isHiddenForConflict(r) || (rec && isHiddenForConflict(rec))) {
      return [
        '',
        r.reference,
        r.organisation_name,
        r.project_title,
        '',
        '',
        '',
        '',
        '',
        HIDDEN_FOR_CONFLICT_WORDS,
        '',
        '',
        '',
        '',
        conflicts.join('; '),
      ];
    }
    return [
      r.rank ?? '',
      r.reference,
      r.organisation_name,
      r.project_title,
      r.amount_requested,
      formatScore(r.community_mean, ''),
      formatScore(r.councillor_mean, ''),
      formatScore(r.balanced_mean, ''),
      r.seat_split_flag ? 'yes' : 'no',
      rec?.outcome ? OUTCOME_WORDS[rec.outcome] : 'not recorded',
      rec?.amount ?? '',
      rec?.conditions ?? '',
      rec?.reasons ?? '',
      rec?.how_agreed ?? '',
      conflicts.join('; '),
    ];
  });
  return writeCsv([header, ...rows]);
}
