// Words for a round's state and a person's roles, as panel members read them.
// The stages, in order: the database's enum private.round_state, mirrored here (tests/db/grants/
// states.test.ts checks they agree). Compare stages with hasReached, never with a list of names.
export const ROUND_STATES = ['draft', 'open', 'closed', 'scoring', 'panel', 'recommended', 'decided', 'published'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

/** Whether a round at `state` has got as far as `stage`. */
export function hasReached(state: RoundState, stage: RoundState): boolean {
  return ROUND_STATES.indexOf(state) >= ROUND_STATES.indexOf(stage);
}

/**
 * Whether the panel's scores are shown at this stage: once scoring has closed. The stage part of
 * the database's private.may_see_scores (private.scores_shown_at); who may see them is the
 * database's to say, so a screen asks for the scores and shows the refusal it gets.
 */
export function scoresShown(state: RoundState): boolean {
  return ROUND_STATES.indexOf(state) > ROUND_STATES.indexOf('scoring');
}

export const STATE_WORDS: Record<RoundState, string> = {
  draft: 'Being set up',
  open: 'Open for applications',
  closed: 'Applications closed',
  scoring: 'Scoring',
  panel: 'Panel meeting',
  recommended: 'Recommendations made: with councillors for review',
  decided: 'Decided by the Cabinet',
  published: 'Published',
};

export const ROLE_WORDS: Record<string, string> = {
  member: 'panel member',
  chair: 'chair',
  clerk: 'clerk',
  reviewer: 'reviewing councillor',
  officer: 'officer',
};

export interface MyRound {
  round_id: string;
  title: string;
  state: RoundState;
  fund: { slug: string; name: string };
  scoring_deadline: string | null;
  panel_date: string | null;
  my_roles: string[];
  my_seat: 'community' | 'councillor' | null;
  member_id: string | null;
  agreement_accepted: boolean;
  progress: { applications: number; declared: number; conflicts: number; submitted: number } | null;
}

/** "7 of 12 scored", counting conflicts as done: a member cannot score those. */
export function progressText(progress: NonNullable<MyRound['progress']>): string {
  const toScore = progress.applications - progress.conflicts;
  return `${progress.submitted} of ${toScore} scored${progress.conflicts ? ` (${progress.conflicts} with a conflict declared)` : ''}`;
}

export function rolesText(roles: string[]): string {
  const words = roles.map((r) => ROLE_WORDS[r] ?? r);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
}
