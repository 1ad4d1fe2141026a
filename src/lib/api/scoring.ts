// Wrappers of the api functions for scoring: saving a draft, submitting, and asking for (or
// granting) a reopening of submitted scores. Shapes follow *_grants_functions_scoring.sql.
import type { scoresToSend } from '../grants/scoring';
import { defineApi } from './define';

/** The scores as the database takes them (see scoresToSend). */
type ScoresSent = ReturnType<typeof scoresToSend>;

export const saveDraftScores = defineApi<
  { application_id: string; saved: number; submitted: false; criteria_scored: number; criteria_total: number },
  { p_application_id: string; p_scores: ScoresSent }
>('save_draft_scores', ['p_application_id', 'p_scores']);

export const submitScores = defineApi<
  { application_id: string; member_id: string; submitted_at: string },
  { p_application_id: string; p_scores?: ScoresSent }
>('submit_scores', ['p_application_id', 'p_scores']);

export const requestScoreReopen = defineApi<
  { application_id: string; member_id: string; reopen_requested_at: string; reason: string },
  { p_application_id: string; p_reason: string }
>('request_score_reopen', ['p_application_id', 'p_reason']);

/** The chair (for someone else) or an officer reopens submitted scores that were asked for. */
export const grantScoreReopen = defineApi<
  { application_id: string; member_id: string; reopened_at: string; reopen_count: number },
  { p_member_id: string; p_application_id: string; p_note?: string | null }
>('grant_score_reopen', ['p_member_id', 'p_application_id', 'p_note']);
