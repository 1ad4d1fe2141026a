import { describe, expect, it } from 'vitest';
import { countEqualShares } from '../../../../../src/lib/pb/index.ts';
import { approvalElection } from '../helpers.ts';

describe('add-one completion', () => {
  // Budget 100, 4 voters: share 25. a (60) approved by v1–v3; b (40) by v4 alone.
  // At share s: a costs 20 each (all can pay); b needs s >= 40 from v4.
  // Plain Equal Shares (s = 25): only a, 60 spent, and b would still fit.
  // Add one: s = 26 … 39 still fund only a; at s = 40 (15 steps) a and b are both funded,
  // 100 spent: everything fits and nothing is left, so the count stops there.
  const raising = approvalElection(100, { a: 60, b: 40 }, ['a', 'a', 'a', 'b']);

  it('raises every share one pound at a time until the budget is used', () => {
    expect(countEqualShares(raising.instance, raising.profile, { completion: 'none' }).winners).toEqual(['a']);
    const result = countEqualShares(raising.instance, raising.profile, { completion: 'add1' });
    expect(result.winners).toEqual(['a', 'b']);
    expect(result.sharePerVoter.exact).toBe('40');
    expect(result.initialSharePerVoter.exact).toBe('25');
    expect(result.completion).toMatchObject({ method: 'add1', exhaustiveStop: true, addOneSteps: 15 });
  });

  it('stops once every project is funded, with or without the exhaustive stop', () => {
    const result = countEqualShares(raising.instance, raising.profile, { completion: 'add1', exhaustiveStop: false });
    expect(result.winners).toEqual(['a', 'b']);
    expect(result.completion?.addOneSteps).toBe(15);
  });

  // Budget 100, 3 voters: share 100/3 = 33.33. P (70) approved by v1, v2; Q (30) by v1; R (30) by v3.
  // At 33.33 P is unaffordable (66.67 < 70). Q and R cost their single supporter 30 each
  // (1 effective vote each, tied on cost and votes: the random order decides who goes first).
  // Q and R are funded, 60 spent; only P is left and 70 does not fit in 40: the outcome is
  // exhaustive, so with the exhaustive stop we stop at once.
  // Without it we carry on. From s = 35.33 (2 steps) P is affordable (35 each, 2 effective
  // votes) and goes first; v1 then has s − 35, too little for Q; R is still funded: P + R = 100.
  // That fits until Q becomes affordable too, at s ≥ 65 (s = 65.33, step 32): 130 > 100.
  // So the last step that fits is 31 (s = 193/3), with P and R.
  const stopping = approvalElection(100, { P: 70, Q: 30, R: 30 }, [['P', 'Q'], ['P'], ['R']]);

  it('stops at the first exhaustive outcome with the exhaustive stop', () => {
    const result = countEqualShares(stopping.instance, stopping.profile, { completion: 'add1', exhaustiveStop: true });
    expect([...result.winners].sort()).toEqual(['Q', 'R']);
    expect(result.completion).toMatchObject({ exhaustiveStop: true, addOneSteps: 0 });
    expect(result.sharePerVoter.exact).toBe('100/3');
    expect(result.spent.value).toBe(60);
  });

  it('keeps raising without the exhaustive stop', () => {
    const result = countEqualShares(stopping.instance, stopping.profile, { completion: 'add1', exhaustiveStop: false });
    expect(result.winners).toEqual(['P', 'R']);
    expect(result.completion).toMatchObject({ exhaustiveStop: false, addOneSteps: 31 });
    expect(result.sharePerVoter.exact).toBe('193/3');
    expect(result.spent.value).toBe(100);
  });

  // Budget 100, 4 voters: share 25. a (40) approved by all; g (70) by v2, v3, v4; f (50) by v1.
  // Round 1 at any share: a (4 effective votes, 10 each). Then g needs 3 × (s − 10) >= 70,
  // i.e. s >= 33.34, and f needs s − 10 >= 50.
  // s = 25 … 33 (8 steps): only a (40): f would fit but is unaffordable, so not exhaustive.
  // s = 34: a and g, 110 > 100: too much. So add-one ends at 33 with a alone.
  // add1u then fills greedily by votes: g (3 votes) no longer fits in 60; f (1 vote) does.
  const filling = approvalElection(100, { a: 40, g: 70, f: 50 }, [
    ['a', 'f'],
    ['a', 'g'],
    ['a', 'g'],
    ['a', 'g'],
  ]);

  it('stops when one more step would go over budget', () => {
    const result = countEqualShares(filling.instance, filling.profile, { completion: 'add1' });
    expect(result.winners).toEqual(['a']);
    expect(result.completion?.addOneSteps).toBe(8);
    expect(result.sharePerVoter.exact).toBe('33');
  });

  it('fills what is left greedily by votes (add1u)', () => {
    const result = countEqualShares(filling.instance, filling.profile, { completion: 'add1u' });
    expect(result.winners).toEqual(['a', 'f']);
    expect(result.projects.find((p) => p.projectId === 'f')?.fundedBy).toBe('greedy-fill');
    expect(result.completion?.greedyFillAdded).toEqual(['f']);
    expect(result.spent.value).toBe(90);
  });

  it('uses the chosen step size', () => {
    // Steps of 5: s = 25, 30, then 35 would fund g too (over budget): stop at 30 after 1 step.
    const result = countEqualShares(filling.instance, filling.profile, { completion: 'add1', addOneStep: 5 });
    expect(result.completion).toMatchObject({ step: 5, addOneSteps: 1 });
    expect(result.sharePerVoter.exact).toBe('30');
    expect(result.winners).toEqual(['a']);
  });

  it('defaults to add1u with the exhaustive stop', () => {
    expect(countEqualShares(filling.instance, filling.profile).completion).toMatchObject({
      method: 'add1u',
      exhaustiveStop: true,
      step: 1,
    });
  });
});
