// The recommendations report as CSV, for the review meetings and the Cabinet: one row per
// application with the results, the recommendation, the reasons and the conflicts declared.
import { writeCsv } from '../csv.ts';

export interface ReportRecommendation {
  application_id: string;
  reference: string;
  organisation_name: string;
  project_title: string;
  amount_requested: number;
  outcome: 'award' | 'not_award' | 'award_with_conditions';
  amount: number | null;
  conditions: string | null;
  reasons: string;
  how_agreed: string;
}

export interface ReportResult {
  application_id: string;
  reference: string;
  organisation_name: string;
  project_title: string;
  amount_requested: number;
  rank: number | null;
  balanced_mean: number | null;
  community_mean: number | null;
  councillor_mean: number | null;
  seat_split_flag: boolean;
}

export interface ReportConflict {
  application_id: string;
  reference: string;
  display_name: string;
  seat: string | null;
  reason: string | null;
}

/**
 * What the API sends a panel member in place of an application they declared a conflict of
 * interest with: only what identifies it (the conflicts list still names them).
 */
export interface HiddenForConflict {
  application_id: string;
  reference: string;
  organisation_name: string;
  project_title: string;
  conflict_declared: true;
}

export const isHiddenForConflict = (item: object): item is HiddenForConflict =>
  (item as Partial<HiddenForConflict>).conflict_declared === true;

export const HIDDEN_FOR_CONFLICT_WORDS = 'Not shown to you: you declared a conflict of interest with this application';

export interface RoundReport {
  exported_at: string;
  round: { title: string; state: string };
  fund: { name: string };
  results: (ReportResult | HiddenForConflict)[];
  conflicts: ReportConflict[];
  recommendations: (ReportRecommendation | HiddenForConflict)[];
}

export const OUTCOME_WORDS: Record<ReportRecommendation['outcome'], string> = {
  award: 'Award',
  award_with_conditions: 'Award with conditions',
  not_award: 'Do not award',
};

export function reportCsv(report: RoundReport): string {
  const header = ['Rank', 'Reference', 'Organisation', 'Project', 'Amount asked (£)', 'Community mean', 'Councillor mean', 'Balanced score',
    'Seats differ', 'Recommendation', 'Amount recommended (£)', 'Conditions', 'Reasons', 'How agreed', 'Conflicts declared'];
  const rows = report.results.map((r) => {
    const rec = report.recommendations.find((x) => x.application_id === r.application_id);
    const conflicts = report.conflicts.filter((c) => c.application_id === r.application_id).map((c) => `${c.display_name}${c.reason ? ` (${c.reason})` : ''}`);
    if (isHiddenForConflict(r) || (rec && isHiddenForConflict(rec))) {
      return ['', r.reference, r.organisation_name, r.project_title, '', '', '', '', '', HIDDEN_FOR_CONFLICT_WORDS, '', '', '', '', conflicts.join('; ')];
    }
    return [r.rank ?? '', r.reference, r.organisation_name, r.project_title, r.amount_requested, r.community_mean ?? '', r.councillor_mean ?? '',
      r.balanced_mean ?? '', r.seat_split_flag ? 'yes' : 'no', rec ? OUTCOME_WORDS[rec.outcome] : 'not recorded', rec?.amount ?? '',
      rec?.conditions ?? '', rec?.reasons ?? '', rec?.how_agreed ?? '', conflicts.join('; ')];
  });
  return writeCsv([header, ...rows]);
}
