// What each move to the next phase needs and does, in an officer's words, beside its button. The
// database checks the same (pb_move_phase) and refuses by key; these words explain beforehand.
import type { PbPhase } from './phases';

export const MOVE_WORDS: Record<Exclude<PbPhase, 'draft'>, { button: string; needs: string; confirm: string }> = {
  proposals: {
    button: 'Open for proposals',
    needs: 'Needs at least one ward or category, so every idea can say where or what it is for.',
    confirm: 'Residents will be able to put forward projects, and everyone will see the process and its proposals.',
  },
  review: {
    button: 'Close proposals and start checking',
    needs: 'Nothing more is needed. After this nobody can propose a project or edit one.',
    confirm: 'Proposals close. You then check each project and build the shortlist.',
  },
  voting: {
    button: 'Open voting',
    needs:
      'Needs a shortlist in which every project has a checked cost no more than the budget; voting codes issued if codes are the only way to vote; the postcode areas listed if postcodes are allowed.',
    confirm: 'The budget, counting rule, ballot limits and who may vote are fixed from now on, and the shortlist cannot change.',
  },
  counting: {
    button: 'Close voting',
    needs: 'Nothing more is needed. Online voting stops; paper ballots can still be entered until the votes are counted.',
    confirm: 'Nobody can vote online or change their vote after this.',
  },
  results: {
    button: 'Publish the results',
    needs: 'Needs a count of the ballots as they are now. Count again if any paper ballots were entered since.',
    confirm: 'The result, its explanation and the ballot file become public. This cannot be undone.',
  },
};
