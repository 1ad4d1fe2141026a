// The scoring form's rules, kept apart from the screen so they can be tested: what is missing
// before submitting, and what to send to the server.
export interface Criterion {
  id: string;
  position: number;
  title: string;
  guidance: string;
  weight: number;
  maximum: number;
  /** descriptors[n] says what a score of n means. */
  descriptors: string[];
}

export interface ScoreEntry {
  score: number | null;
  comment: string;
}

export type ScoreSheet = Record<string, ScoreEntry>;

export function emptySheet(criteria: Criterion[]): ScoreSheet {
  return Object.fromEntries(criteria.map((c) => [c.id, { score: null, comment: '' }]));
}

/** The server only keeps scored criteria; a comment waits on the device until its score is chosen.
 *  Given the criteria, a score the database would refuse stays on the device too, so one bad
 *  copy cannot stop the good ones being saved. */
export function scoresToSend(sheet: ScoreSheet, criteria?: Criterion[]): { criterion_id: string; score: number; comment: string | null }[] {
  const byId = criteria && new Map(criteria.map((c) => [c.id, c]));
  return Object.entries(sheet)
    .filter(([id, e]) => e.score !== null && (!byId || (byId.has(id) && isValidScore(byId.get(id)!, e.score))))
    .map(([criterion_id, e]) => ({ criterion_id, score: e.score!, comment: e.comment.trim() || null }));
}

export function missingScores(criteria: Criterion[], sheet: ScoreSheet): Criterion[] {
  return criteria.filter((c) => sheet[c.id]?.score === null || sheet[c.id]?.score === undefined);
}

export const draftKey = (applicationId: string) => `scores:${applicationId}`;

/** A score the database will take: a whole number from 0 to the criterion's highest score. */
export function isValidScore(criterion: Pick<Criterion, 'maximum'>, score: unknown): score is number {
  return typeof score === 'number' && Number.isInteger(score) && score >= 0 && score <= criterion.maximum;
}

/** Questions whose score cannot be sent as it is: a copy kept on the device may predate a change
 *  to the question, or have been altered. The screen asks for a fresh choice instead. */
export function invalidScores(criteria: Criterion[], sheet: ScoreSheet): Criterion[] {
  return criteria.filter((c) => {
    const score = sheet[c.id]?.score;
    return score !== null && score !== undefined && !isValidScore(c, score);
  });
}

/** What to say next to a question before submitting: no score yet, or a score out of range. */
export function scoreProblems(criteria: Criterion[], sheet: ScoreSheet): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const c of missingScores(criteria, sheet)) problems[c.id] = `Choose a score for "${c.title}"`;
  for (const c of invalidScores(criteria, sheet)) problems[c.id] = `Choose a score from 0 to ${c.maximum} for "${c.title}"`;
  return problems;
}
