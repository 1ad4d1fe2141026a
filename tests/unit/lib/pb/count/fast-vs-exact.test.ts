// The fast paths must give exactly the answers of the slow definitions:
//  - the float count (with its exact re-checks) against the plain-fractions count, at any share;
//  - the shared-denominator exact count against the plain-fractions count;
//  - the skipping add-one search against the literal one-unit-at-a-time loop.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addOne, countAtShare } from '../../../../../src/lib/pb/count/add-one.ts';
import { addOneReference } from '../../../../../src/lib/pb/count/add-one-reference.ts';
import { equalSharesExact } from '../../../../../src/lib/pb/count/mes-exact.ts';
import { equalSharesReference } from '../../../../../src/lib/pb/count/mes-reference.ts';
import { equalSharesFloat } from '../../../../../src/lib/pb/count/mes-float.ts';
import { prepare } from '../../../../../src/lib/pb/count/prepare.ts';
import { add, mul, rat, ratInt, toFractionString, toNumber } from '../../../../../src/lib/pb/rational.ts';
import { approvalElection, smallElection } from '../helpers.ts';

describe('float count against exact count', () => {
  it('funds the same projects in the same order at any share', () => {
    fc.assert(
      fc.property(
        smallElection(),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 100 }),
        ({ instance, profile }, num, den, seed) => {
          const prep = prepare(instance, profile, { seed });
          const share = rat(BigInt(num), BigInt(den));
          const exact = equalSharesReference(prep, share);
          const fast = countAtShare(prep, share, { counts: 0, exactCounts: 0 });
          expect(fast.run.winners).toEqual(exact.winners);
          fast.run.payments.forEach((p, i) => {
            expect(p.supportersWhoPaid).toBe(exact.payments[i]?.supportersWhoPaid);
            expect(p.maxPayment).toBeCloseTo(exact.payments[i]?.maxPayment ?? NaN, 6);
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps the same outcome for every share below the reported stable range', () => {
    // The claim add-one relies on: nothing changes for shares in [b, b + nextChange).
    fc.assert(
      fc.property(
        smallElection(),
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ instance, profile }, start, where) => {
          const prep = prepare(instance, profile, {});
          const fast = equalSharesFloat(prep, start);
          if (!fast || fast.nextChange === 0) return;
          const reach = Number.isFinite(fast.nextChange) ? fast.nextChange : 1000;
          const probe = add(ratInt(start), rat(BigInt(Math.floor(where * reach * 1000)), 1000n));
          if (toNumber(probe) >= start + fast.nextChange) return;
          expect(equalSharesReference(prep, probe).winners).toEqual(fast.run.winners);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('shared-denominator exact count against plain fractions', () => {
  it('gives the same winners, payments and wallets', () => {
    fc.assert(
      fc.property(smallElection(), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 7 }), ({ instance, profile }, num, den) => {
        const prep = prepare(instance, profile, {});
        const share = rat(BigInt(num), BigInt(den));
        const fast = equalSharesExact(prep, share);
        const plain = equalSharesReference(prep, share);
        expect(fast.winners).toEqual(plain.winners);
        expect(fast.payments).toEqual(plain.payments);
        expect(fast.left).toEqual(plain.left);
      }),
      { numRuns: 400 },
    );
  });
});

describe('fast add-one against the unit-by-unit definition', () => {
  it('stops at the same step with the same projects', () => {
    fc.assert(
      fc.property(
        smallElection(),
        fc.boolean(),
        fc.constantFrom(1, 1, 1, 2.5, 7),
        fc.integer({ min: 0, max: 50 }),
        ({ instance, profile }, exhaustiveStop, step, seed) => {
          const prep = prepare(instance, profile, { seed });
          const fast = addOne(prep, { exhaustiveStop, step });
          const slow = addOneReference(prep, { exhaustiveStop, step });
          expect(fast.steps).toBe(slow.steps);
          expect(toFractionString(fast.share)).toBe(toFractionString(slow.share));
          expect(fast.run.winners).toEqual(slow.run.winners);
          expect(fast.stats.counts).toBeLessThanOrEqual(Number(slow.steps) + 3);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('needs far fewer counts than steps when few voters hold a large budget', () => {
    // 3 voters and a budget of a million: the share starts at 333,333.33 and add-one takes
    // hundreds of thousands of one-pound steps, but the outcome only changes a few times.
    const { instance, profile } = approvalElection(1_000_000, { a: 600_000, b: 500_000, c: 450_000, d: 100_000 }, ['ab', 'bc', 'cd']);
    const prep = prepare(instance, profile, {});
    const fast = addOne(prep, { exhaustiveStop: false, step: 1 });
    expect(fast.steps).toBeGreaterThan(10_000n);
    expect(fast.stats.counts).toBeLessThan(50);
    // Check the answer at the boundary directly: the last step fits, the next does not.
    const share = (k: bigint) => add(rat(1_000_000n, 3n), mul(ratInt(k), ratInt(1)));
    const cost = (winners: readonly number[]) => winners.reduce((t, c) => t + (prep.eligible[c]?.costFloat ?? 0), 0);
    expect(cost(equalSharesReference(prep, share(fast.steps)).winners)).toBeLessThanOrEqual(1_000_000);
    expect(cost(equalSharesReference(prep, share(fast.steps + 1n)).winners)).toBeGreaterThan(1_000_000);
  });
});
