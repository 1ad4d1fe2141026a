// Why a member can no longer send their scores once the round has moved on to the panel day: an
// officer may close scoring before everyone has sent (api.move_round with a reason), and a
// member who had saved scores found the form shut with no word of what happened. Pure, so the
// words are unit tested.
import { longDate } from '../dates';
import { ROUND_STATES, STATE_WORDS, type RoundState } from './rounds';

interface ClosedRound {
  state: RoundState;
  /** When the round last moved on: the close of scoring while it is at the panel stage. */
  state_changed_at: string;
  scoring_deadline: string | null;
}

/** The words for a member with `unsent` applications scored but not sent once scoring has closed, or undefined. */
export function closedBeforeSentWords(round: ClosedRound, unsent: number, keptOnDevice = false): string | undefined {
  if (unsent < 1 || ROUND_STATES.indexOf(round.state) <= ROUND_STATES.indexOf('scoring')) return undefined;
  // The date is that of the close of scoring only while the round is still at the panel stage.
  const atPanel = round.state === 'panel';
  const closedAt = new Date(round.state_changed_at);
  const early = atPanel && round.scoring_deadline !== null && closedAt < new Date(round.scoring_deadline);
  const when = atPanel ? ` on ${longDate(closedAt)}` : '';
  const what = unsent === 1 ? 'these scores' : `your scores for ${unsent} applications`;
  return [
    `Scoring closed${when}${early ? `, before its deadline of ${longDate(new Date(round.scoring_deadline!))}` : ''}, before you sent ${what}.`,
    `The grants officer moved the round on to the panel meeting, so that the panel could meet. It is now at: ${STATE_WORDS[round.state]}.`,
    'Scores that were saved but not sent do not count, and they cannot be sent now.',
    keptOnDevice ? 'The scores you chose are kept on this device.' : '',
    'If this is a problem, tell the grants officer or the chair before the panel meets.',
  ]
    .filter(Boolean)
    .join(' ');
}
