import { describe, expect, it } from 'vitest';
import { countEqualShares, countGreedy } from '../../../../../src/lib/pb/index.ts';
import { approvalElection } from '../helpers.ts';

const plain = { completion: 'none' } as const;

describe('tie-breaks', () => {
  it('prefers the lower cost when effective votes are equal', () => {
    // Budget 80, 4 voters: share 20. x (40) by v1, v2: 20 each, 2 effective votes.
    // y (30) by v3, v4: 15 each, also 2 effective votes. Tied: the cheaper y goes first.
    const { instance, profile } = approvalElection(80, { x: 40, y: 30 }, ['x', 'x', 'y', 'y']);
    expect(countEqualShares(instance, profile, plain).winners).toEqual(['y', 'x']);
  });

  it('then prefers the project with more votes', () => {
    // Budget 80, 8 voters: share 10.
    // Round 1: z (40) by v4, v5, v6, v8: 10 each, 4 effective votes, best; they spend everything.
    // Round 2: x (20) by v1, v2: 10 each, 2 effective votes. y (20) by v3, v7 and v4, who has
    //   nothing left: v3 and v7 pay 10 each, also 2 effective votes. Same cost; y has 3 votes
    //   to x's 2, so y goes first. Then x.
    const { instance, profile } = approvalElection(80, { x: 20, y: 20, z: 40 }, ['x', 'x', 'y', 'yz', 'z', 'z', 'y', 'z']);
    const result = countEqualShares(instance, profile, plain);
    expect(result.winners).toEqual(['z', 'y', 'x']);
    expect(result.projects.find((p) => p.projectId === 'y')?.payment).toMatchObject({
      supporters: 3,
      supportersWhoPaid: 2,
      maxPayment: 10,
    });
  });

  it('then uses the seeded random order, fixed before counting and reported', () => {
    // Four identical projects, each approved by everyone; the budget buys one.
    const { instance, profile } = approvalElection(10, { a: 10, b: 10, c: 10, d: 10 }, ['abcd', 'abcd']);
    const seen = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const result = countEqualShares(instance, profile, { ...plain, seed });
      expect(result.seed).toBe(seed);
      expect([...result.tieOrder].sort()).toEqual(['a', 'b', 'c', 'd']);
      expect(result.winners).toEqual([result.tieOrder[0]]);
      expect(countGreedy(instance, profile, { seed }).winners).toEqual([result.tieOrder[0]]);
      seen.add(result.winners[0] as string);
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it('gives the same random order for the same seed, whatever order projects are listed in', () => {
    const { instance, profile } = approvalElection(10, { a: 10, b: 10, c: 10, d: 10 }, ['abcd']);
    const reversed = { ...instance, projects: [...instance.projects].reverse() };
    const one = countEqualShares(instance, profile, { seed: 42 });
    const two = countEqualShares(reversed, profile, { seed: 42 });
    expect(two.tieOrder).toEqual(one.tieOrder);
    expect(two.winners).toEqual(one.winners);
  });
});
