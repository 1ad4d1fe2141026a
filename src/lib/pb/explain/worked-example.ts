// A small made-up vote for the "how votes are counted" page: 5 projects, 10 voters, £10,000.
// It is counted at build time with the real engine, so the page explains real figures. It
// shows the things residents ask about: a popular, expensive project that Equal Shares does
// not fund, leftover money used by most votes first, and the comparison with greedy.

import { count } from '../count/count.ts';
import type { CountResult, Instance, Profile } from '../types.ts';

export const EXAMPLE_NAMES: Readonly<Record<string, string>> = {
  park: 'New play area in the park',
  garden: 'Community garden',
  youth: 'Trips for the youth club',
  benches: 'Benches and lighting on the high street',
  lunch: 'Lunch club for older people',
};

export const EXAMPLE_INSTANCE: Instance = {
  budget: 10_000,
  currency: 'GBP',
  projects: [
    { id: 'park', cost: 7_000 },
    { id: 'garden', cost: 3_000 },
    { id: 'youth', cost: 2_000 },
    { id: 'benches', cost: 2_500 },
    { id: 'lunch', cost: 1_500 },
  ],
};

const BALLOTS: readonly (readonly string[])[] = [
  ['park', 'benches'],
  ['park', 'benches'],
  ['park'],
  ['park'],
  ['park', 'garden'],
  ['park'],
  ['garden', 'youth'],
  ['garden', 'youth', 'lunch'],
  ['youth', 'lunch'],
  ['garden', 'lunch'],
];

export const EXAMPLE_BALLOTS: Profile = {
  kind: 'approval',
  ballots: BALLOTS.map((approved, i) => ({ voterId: `voter-${i + 1}`, approved })),
};

export function countExample(): CountResult {
  return count(EXAMPLE_INSTANCE, EXAMPLE_BALLOTS, {
    rule: 'equal-shares',
    completion: 'add1u',
    compareWithGreedy: true,
    includeVoterDetails: true,
  });
}
