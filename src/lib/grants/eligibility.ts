// "Check if you can apply": the rule that turns a group's answers into a plain answer and its
// reason. The questions and which answers rule a group out are data per fund (the database's
// private.eligibility_questions, read through api.fund_eligibility); this only applies them.

/** One choice of a question; a reason means choosing it rules the group out, and says why. */
export interface EligibilityAnswer {
  answer: string;
  ineligible_reason: string | null;
}

export interface QuestionForCheck {
  id: string;
  question: string;
  answers: EligibilityAnswer[];
}

export type Verdict =
  | { outcome: 'eligible' }
  | { outcome: 'ineligible'; question: string; answer: string; reason: string }
  /** A question is not answered yet (or its answer is no longer among the choices). */
  | { outcome: 'unanswered'; questionId: string };

/**
 * The verdict for answers given so far (question id → the answer chosen), in question order: the
 * first answer that rules the group out decides, so the group hears the first reason, not a list.
 */
export function checkEligibility(questions: QuestionForCheck[], chosen: Record<string, string>): Verdict {
  for (const q of questions) {
    const answer = q.answers.find((a) => a.answer === chosen[q.id]);
    if (!answer) return { outcome: 'unanswered', questionId: q.id };
    if (answer.ineligible_reason)
      return { outcome: 'ineligible', question: q.question, answer: answer.answer, reason: answer.ineligible_reason };
  }
  return { outcome: 'eligible' };
}

/** "Closes today", "Closes tomorrow", "Closes in 3 days" near the end; null when the date says enough. */
export function closingSoon(daysLeft: number | null): string | null {
  if (daysLeft === null || daysLeft < 0 || daysLeft > 14) return null;
  if (daysLeft === 0) return 'Closes today';
  if (daysLeft === 1) return 'Closes tomorrow';
  return `Closes in ${daysLeft} days`;
}

/** A page of the check: its start, question n (from 1), or the answer. */
export type CheckPage = 'start' | 'result' | number;

/** The address of a page of the check for a fund: /grants/check/?fund=<slug>&q=<n|result>. */
export const checkAddress = (fund: string, page: CheckPage) =>
  `/grants/check/?fund=${encodeURIComponent(fund)}${page === 'start' ? '' : `&q=${page}`}`;
