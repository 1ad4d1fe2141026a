// Shared helpers for the pb tests: compact builders for hand-worked elections, and fast-check
// generators of small random elections (small enough for the unit-by-unit reference).

import fc from 'fast-check';
import type { Instance, Profile } from '../../../../src/lib/pb/index.ts';

/** costs: { a: 60, b: 40 }; ballots: ['ab', 'a', ...] where each letter is a project id, or lists of ids. */
export function approvalElection(
  budget: number,
  costs: Record<string, number>,
  ballots: ReadonlyArray<string | readonly string[]>,
): { instance: Instance; profile: Profile } {
  return {
    instance: { budget, currency: 'GBP', projects: Object.entries(costs).map(([id, cost]) => ({ id, cost })) },
    profile: { kind: 'approval', ballots: ballots.map((b, i) => ({ voterId: `v${i + 1}`, approved: typeof b === 'string' ? [...b] : b })) },
  };
}

/** ballots: [{ a: 3, b: 1 }, ...]: points per project. */
export function pointsElection(
  budget: number,
  costs: Record<string, number>,
  ballots: ReadonlyArray<Record<string, number>>,
): { instance: Instance; profile: Profile } {
  return {
    instance: { budget, currency: 'GBP', projects: Object.entries(costs).map(([id, cost]) => ({ id, cost })) },
    profile: {
      kind: 'points',
      ballots: ballots.map((b, i) => ({
        voterId: `v${i + 1}`,
        points: Object.entries(b).map(([projectId, points]) => ({ projectId, points })),
      })),
    },
  };
}

export type SmallElection = { instance: Instance; profile: Profile };

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

/** Small random elections: 1–7 projects costing 1–60 (sometimes with pence), 1–8 voters. */
export function smallElection(kind: 'approval' | 'points' | 'either' = 'either'): fc.Arbitrary<SmallElection> {
  return fc
    .record({
      costs: fc.array(
        fc.oneof(
          fc.integer({ min: 1, max: 60 }),
          fc.integer({ min: 100, max: 6000 }).map((x) => x / 100),
        ),
        { minLength: 1, maxLength: 7 },
      ),
      budget: fc.integer({ min: 1, max: 150 }),
      usePoints: kind === 'either' ? fc.boolean() : fc.constant(kind === 'points'),
      ballots: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 8 }),
    })
    .map(({ costs, budget, usePoints, ballots }) => {
      const ids = IDS.slice(0, costs.length);
      const instance: Instance = { budget, currency: 'GBP', projects: ids.map((id, i) => ({ id, cost: costs[i] as number })) };
      const profile: Profile = usePoints
        ? {
            kind: 'points',
            ballots: ballots.map((row, v) => ({
              voterId: `v${v}`,
              points: ids.flatMap((id, i) => ((row[i] ?? 0) > 0 ? [{ projectId: id, points: row[i] as number }] : [])),
            })),
          }
        : {
            kind: 'approval',
            ballots: ballots.map((row, v) => ({ voterId: `v${v}`, approved: ids.filter((_, i) => (row[i] ?? 0) >= 2) })),
          };
      return { instance, profile };
    });
}
