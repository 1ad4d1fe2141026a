// Wrappers of finding a fund's api functions: the public list of rounds open for applications,
// a fund's "Check if you can apply" questions, and the officers' changes to them. Shapes follow
// supabase/migrations/20261205000100_grants_eligibility.sql.
import type { EligibilityAnswer } from '../grants/eligibility';
import { defineApi } from './define';

/** A round open for applications now ("open") or from a later date ("opens_soon"), as api.open_rounds lists it. */
export interface OpenRound {
  round_id: string;
  round_title: string;
  opens_on: string | null;
  closes_on: string | null;
  status: 'open' | 'opens_soon';
  /** Whole days to the closing date in UK time: 0 on the day it closes; null with no closing date. */
  days_left: number | null;
  fund: { slug: string; name: string; description: string; budget: number; budget_period: string; who_can_apply: string };
  has_questions: boolean;
  criteria: { title: string; guidance: string; weight: number }[];
}

export const openRounds = defineApi<OpenRound[]>('open_rounds', []);

export interface EligibilityQuestion {
  id: string;
  position: number;
  question: string;
  hint: string;
  answers: EligibilityAnswer[];
}

export interface FundEligibility {
  fund: { id: string; slug: string; name: string; description: string; who_can_apply: string };
  questions: EligibilityQuestion[];
}

export const fundEligibility = defineApi<FundEligibility, { p_fund_slug: string }>('fund_eligibility', ['p_fund_slug']);

/** A question as stored (the officers' functions return the row). */
export type EligibilityQuestionRow = EligibilityQuestion & { fund_id: string; created_at: string; updated_at: string };

export const addEligibilityQuestion = defineApi<
  EligibilityQuestionRow,
  { p_fund_id: string; p_question: string; p_answers: EligibilityAnswer[]; p_hint?: string }
>('add_eligibility_question', ['p_fund_id', 'p_question', 'p_answers', 'p_hint']);

export const updateEligibilityQuestion = defineApi<
  EligibilityQuestionRow,
  { p_question_id: string; p_question?: string; p_answers?: EligibilityAnswer[]; p_hint?: string }
>('update_eligibility_question', ['p_question_id', 'p_question', 'p_answers', 'p_hint']);

export const removeEligibilityQuestion = defineApi<{ removed: string }, { p_question_id: string }>('remove_eligibility_question', [
  'p_question_id',
]);

export const moveEligibilityQuestion = defineApi<
  { moved: string; position: number },
  { p_question_id: string; p_direction: 'up' | 'down' }
>('move_eligibility_question', ['p_question_id', 'p_direction']);
