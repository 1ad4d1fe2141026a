// Wrappers of the api functions from the panel's recommendation to the Cabinet's decision:
// recording recommendations, the review meetings and comments, the decision, and the report.
// Shapes follow *_grants_functions_review.sql and *_grants_conflicts_in_review.sql.
import { defineApi } from './define';
import type { ApplicationResult, HiddenForConflict } from './results';
import type { RoundRow } from './rounds';

export type Outcome = 'award' | 'not_award' | 'award_with_conditions';
export type HowAgreed = 'consensus' | 'majority vote';

export interface ReviewMeeting {
  id: string;
  title: string;
  meeting_date: string;
  notes: string | null;
}

export interface ReviewComment {
  id: string;
  display_name: string;
  meeting_id: string | null;
  meeting_title: string | null;
  comment: string;
  created_at: string;
}

export interface CabinetDecision {
  decision: 'award' | 'not_award';
  amount: number | null;
  conditions: string | null;
  decided_on: string;
  minute_reference: string;
}

/**
 * One application on its way to Cabinet (private.recommendations_data). Every application is
 * listed; the recommendation's fields are null until the panel records it.
 */
export interface Recommendation {
  application_id: string;
  reference: string;
  organisation_name: string;
  project_title: string;
  amount_requested: number;
  outcome: Outcome | null;
  amount: number | null;
  conditions: string | null;
  reasons: string | null;
  how_agreed: HowAgreed | null;
  vote_tally: Record<string, number> | null;
  recorded_at: string | null;
  recorded_by_name: string | null;
  comments: ReviewComment[];
  cabinet_decision: CabinetDecision | null;
}

/** api.review_recommendations: members see only the names of what they declared a conflict with. */
export interface ReviewRecommendations {
  round_id: string;
  meetings: ReviewMeeting[];
  recommendations: (Recommendation | HiddenForConflict)[];
}

export const getReviewRecommendations = defineApi<ReviewRecommendations, { p_round_id: string }>('review_recommendations', ['p_round_id']);

/** The recommendation as stored (api.record_recommendation returns the row). */
export interface RecommendationRow {
  application_id: string;
  round_id: string;
  outcome: Outcome;
  amount: number | null;
  conditions: string | null;
  reasons: string;
  how_agreed: HowAgreed;
  vote_tally: Record<string, number>;
  recorded_by: string;
  recorded_at: string;
}

export const recordRecommendation = defineApi<
  RecommendationRow,
  {
    p_application_id: string;
    p_outcome: Outcome;
    p_reasons: string;
    p_how_agreed: HowAgreed;
    p_amount?: number | null;
    p_conditions?: string | null;
  }
>('record_recommendation', ['p_application_id', 'p_outcome', 'p_reasons', 'p_how_agreed', 'p_amount', 'p_conditions']);

export const addReviewMeeting = defineApi<
  ReviewMeeting & { round_id: string; created_by: string | null; created_at: string },
  { p_round_id: string; p_title: string; p_meeting_date: string; p_notes?: string | null }
>('add_review_meeting', ['p_round_id', 'p_title', 'p_meeting_date', 'p_notes']);

export const addReviewComment = defineApi<
  {
    id: string;
    application_id: string;
    round_id: string;
    meeting_id: string | null;
    person_id: string;
    comment: string;
    created_at: string;
  },
  { p_application_id: string; p_comment: string; p_meeting_id?: string | null }
>('add_review_comment', ['p_application_id', 'p_comment', 'p_meeting_id']);

export const recordCabinetDecision = defineApi<
  CabinetDecision & { application_id: string; round_id: string; recorded_by: string | null; recorded_at: string },
  {
    p_application_id: string;
    p_decision: 'award' | 'not_award';
    p_decided_on: string;
    p_minute_reference: string;
    p_amount?: number | null;
    p_conditions?: string | null;
  }
>('record_cabinet_decision', ['p_application_id', 'p_decision', 'p_decided_on', 'p_minute_reference', 'p_amount', 'p_conditions']);

/** api.record_cabinet_agreed: every application not yet decided, decided as the panel recommended. */
export const recordCabinetAgreed = defineApi<
  { round_id: string; recorded: number },
  { p_round_id: string; p_decided_on: string; p_minute_reference: string }
>('record_cabinet_agreed', ['p_round_id', 'p_decided_on', 'p_minute_reference']);

export interface DeclaredConflict {
  application_id: string;
  reference: string;
  organisation_name: string;
  project_title: string;
  member_id: string;
  display_name: string;
  role: string;
  seat: string | null;
  reason: string | null;
  declared_at: string;
}

/** api.export_round_report: the results, recommendations and conflicts, for print and CSV. */
export interface ExportedReport {
  exported_at: string;
  round: Omit<RoundRow, 'agreement_text'>;
  fund: { slug: string; name: string; budget: number; budget_period: string };
  results: (ApplicationResult | HiddenForConflict)[];
  conflicts: DeclaredConflict[];
  meetings: ReviewMeeting[];
  recommendations: (Recommendation | HiddenForConflict)[];
}

export const exportRoundReport = defineApi<ExportedReport, { p_round_id: string }>('export_round_report', ['p_round_id']);
