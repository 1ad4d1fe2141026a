// The comparison step (compareWithGreedy): count greedily too, and keep greedy's outcome only
// if strictly more voters prefer it. A voter prefers the outcome that funds more of the projects
// they voted for. A tie keeps Equal Shares, the method chosen. Every figure at the top of the
// result describes the outcome in `winners`; the Equal Shares count that was set aside is kept
// only under `comparison.discardedEqualShares`.

import { describe, expect, it } from 'vitest';
import { countEqualShares } from '../../../../../src/lib/pb/index.ts';
import { approvalElection } from '../helpers.ts';

describe('comparison with greedy', () => {
  it('keeps Equal Shares when more voters prefer it', () => {
    // Budget 100, 7 voters, share 100/7 ≈ 14.29. A (100) approved by v1–v3; B (50) by v4, v5;
    // C (50) by v6, v7.
    // Greedy: A has the most votes (3) and takes the whole budget: {A}.
    // Equal Shares with add one: B and C need 2s >= 50 (s >= 25), A needs 3s >= 100 (s >= 33.34).
    // At s = 100/7 + 11 = 177/7 ≈ 25.29 B and C are both affordable (2 effective votes each,
    // 25 from each supporter; C first by the seed-1 random order), 100 spent; A no longer fits,
    // so the exhaustive stop ends it there: {C, B}.
    // Preferences: v1–v3 prefer greedy (1 project against 0): 3. v4–v7 prefer Equal Shares: 4.
    const { instance, profile } = approvalElection(100, { A: 100, B: 50, C: 50 }, ['A', 'A', 'A', 'B', 'B', 'C', 'C']);
    const result = countEqualShares(instance, profile, { completion: 'add1', compareWithGreedy: true });
    expect(result.comparison).toEqual({
      prefersEqualShares: 4,
      prefersGreedy: 3,
      chosen: 'equal-shares',
      greedyWinners: ['A'],
      equalSharesWinners: ['C', 'B'],
    });
    expect(result).toMatchObject({ rule: 'equal-shares', outcome: 'equal-shares', winners: ['C', 'B'] });
    expect(result.sharePerVoter.exact).toBe('177/7');
    expect(result.completion?.addOneSteps).toBe(11);
  });

  it('keeps greedy when more voters prefer it, and then describes greedy’s outcome only', () => {
    // Budget 100, 5 voters. A (60) and B (40) approved by v1–v3; C (40) by v4, v5.
    // Greedy: A and B have 3 votes each; the cheaper, B, goes first, then A: 100 spent, C does
    // not fit: {B, A}.
    // Equal Shares, add one without the exhaustive stop, share 20 + k. A and B both have 3
    // effective votes while everyone can pay; the cheaper, B, goes first (40/3 each). C then
    // costs v4 and v5 20 each. A needs 3 × (s − 40/3) >= 60, i.e. s >= 33.34: at s = 34 all
    // three are funded (140, over budget), so it stops at s = 33 (13 steps) with {B, C}.
    // Preferences: v1–v3 prefer greedy (2 projects against 1): 3. v4, v5 prefer Equal Shares: 2.
    const { instance, profile } = approvalElection(100, { A: 60, B: 40, C: 40 }, ['AB', 'AB', 'AB', 'C', 'C']);
    const result = countEqualShares(instance, profile, {
      completion: 'add1',
      exhaustiveStop: false,
      compareWithGreedy: true,
      includeVoterDetails: true,
    });
    expect(result).toMatchObject({ rule: 'equal-shares', outcome: 'greedy', winners: ['B', 'A'] });
    // The share is greedy's (budget ÷ voters), not the Equal Shares share of 33.
    expect(result.sharePerVoter.exact).toBe('20');
    expect(result.initialSharePerVoter.exact).toBe('20');
    // Greedy has no per-voter payments and no completion; nothing from the discarded count leaks in.
    expect(result.voterDetails).toBeUndefined();
    expect(result.completion).toBeUndefined();
    expect(result.projects.filter((p) => p.status === 'funded').map((p) => [p.projectId, p.fundedBy, p.payment])).toEqual([
      ['A', 'greedy', undefined],
      ['B', 'greedy', undefined],
    ]);
    expect(result.comparison).toMatchObject({
      prefersEqualShares: 2,
      prefersGreedy: 3,
      chosen: 'greedy',
      greedyWinners: ['B', 'A'],
      equalSharesWinners: ['B', 'C'],
    });
    expect(result.comparison?.discardedEqualShares?.sharePerVoter.exact).toBe('33');
    expect(result.comparison?.discardedEqualShares?.completion).toMatchObject({ method: 'add1', exhaustiveStop: false, addOneSteps: 13 });
    expect(result.spent.value).toBe(100);
  });

  it('does not report Equal Shares payments for the greedy outcome (the audit’s example)', () => {
    // Budget 100, 3 voters, share 100/3. P (70) by v1, v2; Q (30) by v1; R (30) by v3.
    // Equal Shares: P is unaffordable (66.67 < 70); Q and R cost their one supporter 30 each;
    // P no longer fits in 40, so the exhaustive stop ends it at once: {R, Q}.
    // Greedy: P (2 votes), then R (before Q in the seed-1 random order; 100 spent): {P, R}.
    // v2 prefers greedy; v1 and v3 get one project either way. 1 against 0: greedy is kept.
    // Before the fix v2 showed as paying nothing and v1 as paying for Q, which was not funded.
    const { instance, profile } = approvalElection(100, { P: 70, Q: 30, R: 30 }, [['P', 'Q'], ['P'], ['R']]);
    const result = countEqualShares(instance, profile, { completion: 'add1', compareWithGreedy: true, includeVoterDetails: true });
    expect(result).toMatchObject({
      outcome: 'greedy',
      winners: ['P', 'R'],
      comparison: { prefersEqualShares: 0, prefersGreedy: 1, equalSharesWinners: ['R', 'Q'] },
    });
    expect(result.voterDetails).toBeUndefined();
  });

  it('keeps Equal Shares on an exact tie', () => {
    // Budget 100, 2 voters, share 50. A (50) approved by v2; B (40) and C (30) by v1.
    // Equal Shares without completion: every project has one supporter, so 1 effective vote
    // each; the tie goes to the cheapest, C (v1 pays 30, 20 left). B then needs 40 from v1's 20:
    // unaffordable. A costs v2 exactly the 50 they have: {C, A}.
    // Greedy: one vote each, cheapest first: C, B (70 spent), and A (50) no longer fits: {C, B}.
    // v1 prefers greedy (2 against 1), v2 prefers Equal Shares (1 against 0): 1 each, a tie.
    // Equal Shares is the method chosen, so it is kept.
    const { instance, profile } = approvalElection(100, { A: 50, B: 40, C: 30 }, ['BC', 'A']);
    const result = countEqualShares(instance, profile, { completion: 'none', compareWithGreedy: true });
    expect(result.comparison).toEqual({
      prefersEqualShares: 1,
      prefersGreedy: 1,
      chosen: 'equal-shares',
      greedyWinners: ['C', 'B'],
      equalSharesWinners: ['C', 'A'],
    });
    expect(result).toMatchObject({ outcome: 'equal-shares', winners: ['C', 'A'] });
  });
});
