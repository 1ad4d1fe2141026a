import { describe, expect, it } from 'vitest';
import { countEqualShares, countGreedy } from '../../../../../src/lib/pb/index.ts';
import { approvalElection, pointsElection } from '../helpers.ts';

const plain = { completion: 'none' } as const;

describe('Equal Shares, approval ballots', () => {
  it('is proportional where greedy is not', () => {
    // Budget 100, 5 voters: each has a share of 20.
    // Voters 1–3 approve r1, r2, r3; voters 4–5 approve b1, b2. Every project costs 30.
    // Round 1: each red splits 30 three ways (10 each: 3 effective votes), each blue two ways
    //   (15 each: 2 effective votes). A red wins; reds are tied on cost and votes, so the random
    //   tie-break order decides which. Voters 1–3 have 10 left.
    // Round 2: another red is exactly affordable (3 × 10 = 30), still 3 effective votes: it wins.
    //   Voters 1–3 now have nothing.
    // Round 3: reds are unaffordable; a blue wins (15 from each of voters 4–5, who keep 5).
    // Round 4: the other blue needs 30 but its supporters have 10: nothing else is affordable.
    // Greedy instead funds three reds: the 3-voter majority takes everything.
    const { instance } = approvalElection(100, { r1: 30, r2: 30, r3: 30, b1: 30, b2: 30 }, []);
    const reds3 = ['r1', 'r2', 'r3'];
    const blues2 = ['b1', 'b2'];
    const ballots = [reds3, reds3, reds3, blues2, blues2].map((approved, i) => ({ voterId: `v${i + 1}`, approved }));
    const result = countEqualShares(instance, { kind: 'approval', ballots }, plain);
    const reds = result.tieOrder.filter((id) => id.startsWith('r'));
    const blues = result.tieOrder.filter((id) => id.startsWith('b'));
    expect(result.winners).toEqual([reds[0], reds[1], blues[0]]);
    expect(result.sharePerVoter.exact).toBe('20');
    expect(result.spent.value).toBe(90);
    const firstRed = result.projects.find((p) => p.projectId === reds[0]);
    expect(firstRed?.payment).toEqual({ totalPaid: 30, supporters: 3, supportersWhoPaid: 3, maxPayment: 10, effectiveVotes: 3 });
    expect(countGreedy(instance, { kind: 'approval', ballots }).winners.filter((id) => id.startsWith('r'))).toHaveLength(3);
  });

  it('lets a supporter who cannot pay the equal part pay all they have left', () => {
    // Budget 120, 4 voters: share 30. c (45) is approved by v1, v3, v4; a (40) by v1, v2;
    // d (35) by v4 only.
    // Round 1: c costs 15 each (3 effective votes); a 20 each (2); d is unaffordable (30 < 35).
    //   c wins: v1, v3, v4 keep 15; v2 keeps 30.
    // Round 2: a: an equal split is 20, but v1 has only 15, so v1 pays 15 and v2 pays 25.
    //   The largest payment is 25: 40 ÷ 25 = 1.6 effective votes. d is still unaffordable (15).
    //   a wins. Nothing else is affordable.
    const { instance, profile } = approvalElection(120, { a: 40, c: 45, d: 35 }, ['ac', 'a', 'c', 'cd']);
    const result = countEqualShares(instance, profile, plain);
    expect(result.winners).toEqual(['c', 'a']);
    expect(result.spent.exact).toBe('85');
    expect(result.leftOver.exact).toBe('35');
    const a = result.projects.find((p) => p.projectId === 'a');
    expect(a).toMatchObject({ status: 'funded', round: 2, fundedBy: 'equal-shares' });
    expect(a?.payment).toEqual({ totalPaid: 40, supporters: 2, supportersWhoPaid: 2, maxPayment: 25, effectiveVotes: 1.6 });
    expect(result.projects.find((p) => p.projectId === 'c')?.payment?.maxPayment).toBe(15);
  });

  it('funds projects that cost nothing, if anyone supports them', () => {
    const { instance, profile } = approvalElection(10, { free: 0, a: 10, nobody: 0 }, [['a'], ['free']]);
    const result = countEqualShares(instance, profile, plain);
    // Share 5 each: a (10) is unaffordable for its one supporter; free costs nothing.
    expect(result.winners).toEqual(['free']);
    expect(result.projects.find((p) => p.projectId === 'free')?.fundedBy).toBe('free');
    expect(result.projects.find((p) => p.projectId === 'nobody')?.status).toBe('not-funded');
  });

  it('counts nothing when nobody voted', () => {
    const { instance } = approvalElection(10, { a: 5 }, []);
    const result = countEqualShares(instance, { kind: 'approval', ballots: [] });
    expect(result.winners).toEqual([]);
    expect(result.voters).toBe(0);
  });

  it('reports each voter’s payments when asked', () => {
    // The second example again: v1 pays 15 (for c) + 15 (all that is left, for a).
    const { instance, profile } = approvalElection(120, { a: 40, c: 45, d: 35 }, ['ac', 'a', 'c', 'cd']);
    const result = countEqualShares(instance, profile, { ...plain, includeVoterDetails: true });
    expect(result.voterDetails).toEqual([
      { voterId: 'v1', paid: 30, left: 0 },
      { voterId: 'v2', paid: 25, left: 5 },
      { voterId: 'v3', paid: 15, left: 15 },
      { voterId: 'v4', paid: 15, left: 15 },
    ]);
  });
});

describe('Equal Shares, points ballots', () => {
  it('splits each cost in proportion to points', () => {
    // Budget 60, 3 voters: share 20. Points: v1 {a: 2}, v2 {a: 1, c: 1}, v3 {b: 3, c: 1}.
    // a (30): 2ρ + ρ = 30 gives ρ = 10 per point: v1 pays 20, v2 pays 10. 30 ÷ 10 = 3.
    // b (24): v3 alone would pay 24 but has 20: unaffordable.
    // c (12): ρ + ρ = 12 gives ρ = 6: 12 ÷ 6 = 2.
    // Round 1: a. v1 keeps 0, v2 keeps 10. Round 2: c (v2 pays 6, v3 pays 6). b still unaffordable.
    // Greedy orders by total points: a 3 and b 3 tie, the cheaper b first, then a: 54 spent.
    const { instance, profile } = pointsElection(60, { a: 30, b: 24, c: 12 }, [{ a: 2 }, { a: 1, c: 1 }, { b: 3, c: 1 }]);
    const result = countEqualShares(instance, profile, plain);
    expect(result.winners).toEqual(['a', 'c']);
    expect(result.projects.find((p) => p.projectId === 'a')?.payment).toEqual({
      totalPaid: 30,
      supporters: 2,
      supportersWhoPaid: 2,
      maxPayment: 20,
      effectiveVotes: 3,
    });
    expect(countGreedy(instance, profile).winners).toEqual(['b', 'a']);
  });

  it('caps a supporter at what they have and shares the rest by points', () => {
    // Budget 40, 2 voters: share 20. e (30): v1 gives 3 points, v2 gives 1.
    // Equal per point would be 30 ÷ 4 = 7.5, so v1 would owe 22.5 but has 20: v1 pays 20 and
    // v2's single point covers the other 10 (ρ = 10 per point).
    const { instance, profile } = pointsElection(40, { e: 30 }, [{ e: 3 }, { e: 1 }]);
    const result = countEqualShares(instance, profile, { ...plain, includeVoterDetails: true });
    expect(result.winners).toEqual(['e']);
    expect(result.voterDetails?.map((v) => v.paid)).toEqual([20, 10]);
  });
});
