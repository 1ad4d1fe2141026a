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

/** The server only keeps scored criteria; a comment waits on the device until its score is chosen. */
export function scoresToSend(sheet: ScoreSheet): { criterion_id: string; score: number; comment: string | null }[] {
  return Object.entries(sheet)
    .filter(([, e]) => e.score !== null)
    .map(([criterion_id, e]) => ({ criterion_id, score: e.score!, comment: e.comment.trim() || null }));
}

export function missingScores(criteria: Criterion[], sheet: ScoreSheet): Criterion[] {
  return criteria.filter((c) => sheet[c.id]?.score === null || sheet[c.id]?.score === undefined);
}

export const draftKey = (applicationId: string) => `scores:${applicationId}`;
