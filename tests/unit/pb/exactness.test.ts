import { describe, expect, it } from 'vitest';
import { countEqualShares } from '../../../src/lib/pb/index.ts';
import { add, cmp, div, fromNumber, parseDecimal, rat, ratInt, toFractionString, toNumber } from '../../../src/lib/pb/rational.ts';
import { approvalElection } from './helpers.ts';

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
