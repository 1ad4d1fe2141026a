import { describe, expect, it } from 'vitest';
import { countEqualShares } from '../../../../../src/lib/pb/index.ts';
import { add, cmp, div, fromNumber, parseDecimal, rat, ratInt, toFractionString, toNumber } from '../../../../../src/lib/pb/rational.ts';
import { approvalElection } from '../helpers.ts';

describe('exact fractions', () => {
  it('reads decimals exactly', () => {
    expect(parseDecimal('1.25')).toEqual({ n: 5n, d: 4n });
    expect(parseDecimal('-0.5')).toEqual({ n: -1n, d: 2n });
    expect(parseDecimal('12')).toEqual({ n: 12n, d: 1n });
    expect(parseDecimal('1.5e3')).toEqual({ n: 1500n, d: 1n });
    expect(parseDecimal('.5')).toEqual({ n: 1n, d: 2n });
    for (const bad of ['', '1,5', 'abc', '1.2.3', 'NaN', '£5', '1 000']) expect(parseDecimal(bad)).toBeNull();
  });

  it('takes a JavaScript number to mean its shortest decimal', () => {
    expect(fromNumber(0.1)).toEqual({ n: 1n, d: 10n });
    expect(cmp(add(fromNumber(0.1), fromNumber(0.2)), fromNumber(0.3))).toBe(0);
    expect(fromNumber(1e21)).toEqual({ n: 10n ** 21n, d: 1n });
  });

  it('prints and converts fractions', () => {
    expect(toFractionString(div(ratInt(10000), ratInt(12)))).toBe('2500/3');
    expect(toFractionString(rat(6n, -4n))).toBe('-3/2');
    expect(toNumber(rat(1n, 3n))).toBeCloseTo(1 / 3, 15);
    expect(toNumber(rat(10n ** 400n, 3n * 10n ** 400n))).toBeCloseTo(1 / 3, 15);
  });
});

describe('winners never depend on floating-point rounding', () => {
  it('sees that 60p shared by 3 voters is exactly 20p each', () => {
    // Budget 0.60, 3 voters: each has exactly 0.20. c costs 0.40 and v1, v2 approve it:
    // exactly affordable. In floating point 0.6 / 3 = 0.19999999999999998, and two of those make
    // 0.39999999999999997 < 0.4, so a float-only count would fund nothing.
    const { instance, profile } = approvalElection(0.6, { a: 2.1, b: 2.2, c: 0.4, d: 0.3 }, ['abc', 'bc', 'abd']);
    const result = countEqualShares(instance, profile, { completion: 'none' });
    expect(result.winners).toEqual(['c']);
    expect(result.sharePerVoter.exact).toBe('1/5');
    expect(result.completion?.exactCounts).toBe(1);
  });

  it('sees a supporter’s exact leftover', () => {
    // Budget 2.40, 3 voters: 0.80 each. c (1.20) is approved by all: 0.40 each, 0.40 left each.
    // b (0.40) is approved by v1 alone, who has exactly 0.40 left: funded. In floating point
    // 2.4 / 3 = 0.7999999999999999, leaving 0.3999999999999999, which looks too little.
    const { instance, profile } = approvalElection(2.4, { a: 1.2, b: 0.4, c: 1.2, d: 1.5 }, ['bc', 'c', 'cd']);
    expect(countEqualShares(instance, profile, { completion: 'none' }).winners).toEqual(['c', 'b']);
  });
});

// Instances where plain floating point would give a different answer: each one fails if the
// exact re-check is taken away (TAU = 0 in count/affine.ts, or trusting floats when they are
// close). Found by a search comparing the count with such a mutated copy; the float values in
// the comments are what double precision actually gives.
describe('where plain floating point would decide differently', () => {
  it('funds a project that takes exactly the whole budget, split nine ways', () => {
    // Budget £100, 9 voters: 100/9 each. A (£100) is approved by all 9: exactly affordable, 9
    // effective votes. B (£30) by v1–v3: 3 effective votes. A wins, and then nobody has money
    // left for B. In floats 3 × 11.11111111111111 + 6 × 11.11111111111111 = 99.99999999999999,
    // under £100, so a float-only count finds A unaffordable and funds B instead.
    const { instance, profile } = approvalElection(100, { A: 100, B: 30 }, [...Array(3).fill('AB'), ...Array(6).fill('A')]);
    const result = countEqualShares(instance, profile, { completion: 'none' });
    expect(result.winners).toEqual(['A']);
    expect(result.completion?.exactCounts).toBe(1);
  });

  it('sees an exact tie in effective votes and breaks it by cost', () => {
    // Budget £159, 12 voters: £13.25 each. d (£41.91) by v1–v11; a (£12) and b (£59) by v7–v11;
    // b also by v12.
    // Round 1: d, 11 effective votes: £3.81 from each supporter, who keep £9.44.
    // Round 2: a costs its 5 supporters £2.40 each: 5 effective votes. b: an equal split (59/6 ≈
    // 9.83) is more than v7–v11 have, so they pay their £9.44 (£47.20) and v12 pays £11.80:
    // 59 ÷ 11.80 = exactly 5 effective votes. A tie, so the cheaper project, a, goes first; b
    // is then unaffordable (5 × 7.04 + 13.25 = 48.45 < 59): d, a.
    // In floats v7–v11 keep 9.440000000000001, and b's effective votes come to
    // 59 ÷ 11.799999999999997 = 5.000000000000001, so a float-only count funds b instead of a.
    const { instance, profile } = approvalElection(159, { a: 12, b: 59, d: 41.91 }, [...Array(6).fill('d'), ...Array(5).fill('abd'), 'b']);
    const result = countEqualShares(instance, profile, { completion: 'none' });
    expect(result.winners).toEqual(['d', 'a']);
    expect(result.projects.find((p) => p.projectId === 'b')?.status).toBe('not-funded');
  });

  it('stops add-one at once when the starting share already funds everything', () => {
    // Budget £32, 29 voters who all approve a (£14) and b (£18): 32/29 each. a goes first (both
    // have 29 effective votes; a is cheaper): 14/29 each, leaving exactly 18/29, so b is funded
    // too. Everything is funded, so add-one takes no steps and the share stays 32/29.
    // In floats each voter keeps 0.6206896551724137 and 29 of those make 17.999999999999996,
    // short of £18: a float-only count would raise the share once more, to 61/29.
    const { instance, profile } = approvalElection(32, { a: 14, b: 18 }, Array(29).fill('ab'));
    const result = countEqualShares(instance, profile, { completion: 'add1' });
    expect(result.winners).toEqual(['a', 'b']);
    expect(result.completion?.addOneSteps).toBe(0);
    expect(result.sharePerVoter.exact).toBe('32/29');
  });

  it('takes the step at which a supporter has exactly enough', () => {
    // Budget £55, 3 voters: 55/3 each. b (£28) by all three: 28/3 each. c (£11) by v3 alone, who
    // then has s − 28/3. Add one (without the exhaustive stop): at s = 55/3 + 2 = 61/3 v3 has
    // exactly £11, so c is funded (£39 in all, within budget) and, everything funded, it stops
    // after 2 steps. In floats 20.333333333333332 − 9.333333333333334 = 10.999999999999998, so a
    // float-only count would take a third step.
    const { instance, profile } = approvalElection(55, { b: 28, c: 11 }, ['b', 'b', 'bc']);
    const result = countEqualShares(instance, profile, { completion: 'add1', exhaustiveStop: false });
    expect(result.winners).toEqual(['b', 'c']);
    expect(result.completion?.addOneSteps).toBe(2);
    expect(result.sharePerVoter.exact).toBe('61/3');
  });
});
