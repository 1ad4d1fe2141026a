// What each phase of a participatory-budgeting process means, in plain words for residents.
// A Record over PbPhase, so adding a phase to the list fails type-checking until it has words.

import { PB_PHASES, type PbPhase } from './phases.ts';

export type PhaseWords = { readonly name: string; readonly text: string };

export const PHASE_WORDS: Record<PbPhase, PhaseWords> = {
  draft: { name: 'Getting ready', text: 'The council sets the budget, the dates and the rules for who can vote.' },
  proposals: { name: 'Ideas', text: 'Anyone who lives in the area can suggest a project. Everyone can read the ideas.' },
  review: {
    name: 'Checking',
    text: 'Council officers check each idea can be done, and what it would really cost. They publish the reasons.',
  },
  voting: { name: 'Voting', text: 'You choose the projects you want, up to the budget. You can change your vote until voting closes.' },
  counting: { name: 'Counting', text: 'The votes are counted by computer, using Equal Shares.' },
  results: { name: 'Results', text: 'We publish which projects won, why, and the votes, so anyone can check the count.' },
};

export function phaseSteps(): ReadonlyArray<PhaseWords & { readonly phase: PbPhase }> {
  return PB_PHASES.map((phase) => ({ phase, ...PHASE_WORDS[phase] }));
}
