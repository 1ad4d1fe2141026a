import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countEqualShares, countGreedy, type CountOptions } from '../../../../../src/lib/pb/index.ts';
import { parseDecimal, cmp, fromNumber } from '../../../../../src/lib/pb/rational.ts';
import { smallElection } from '../helpers.ts';

const completions = fc.constantFrom<CountOptions['completion']>('none', 'add1', 'add1u');
const options = fc.record({ completion: completions, exhaustiveStop: fc.boolean(), seed: fc.integer({ min: 0, max: 1000 }) });

function exactAmount(text: string) {
  const [n = '', d = '1'] = text.split('/');
  const num = parseDecimal(n);
  const den = parseDecimal(d);
  if (!num || !den) throw new Error(`not a fraction: ${text}`);
  return { n: num.n * den.d, d: num.d * den.n };
}

describe('properties of every count', () => {
  it('never spends more than the budget', () => {
    fc.assert(
      fc.property(smallElection(), options, fc.boolean(), ({ instance, profile }, opts, compare) => {
        for (const result of [
          countEqualShares(instance, profile, { ...opts, compareWithGreedy: compare }),
          countGreedy(instance, profile, opts),
        ]) {
          expect(cmp(exactAmount(result.spent.exact), fromNumber(instance.budget))).toBeLessThanOrEqual(0);
          expect(result.leftOver.exact.startsWith('-')).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with a single voter, Equal Shares funds what greedy funds', () => {
    // One voter holds the whole budget and pays each project alone, so every project they chose
    // has the same effective vote count; ties go to the cheapest first, exactly like greedy.
    fc.assert(
      fc.property(smallElection(), options, ({ instance, profile }, opts) => {
        const one =
          profile.kind === 'approval'
            ? { kind: 'approval' as const, ballots: profile.ballots.slice(0, 1) }
            : { kind: 'points' as const, ballots: profile.ballots.slice(0, 1) };
        const es = countEqualShares(instance, one, opts).winners;
        const greedy = countGreedy(instance, one, opts).winners;
        expect([...es].sort()).toEqual([...greedy].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('treats voters with the same ballot the same, and grouping them changes nothing', () => {
    fc.assert(
      fc.property(smallElection(), options, ({ instance, profile }, opts) => {
        // Duplicate every ballot, so each ballot is cast by at least two voters.
        const doubled =
          profile.kind === 'approval'
            ? { kind: 'approval' as const, ballots: profile.ballots.flatMap((b) => [b, { ...b, voterId: `${b.voterId}-twin` }]) }
            : { kind: 'points' as const, ballots: profile.ballots.flatMap((b) => [b, { ...b, voterId: `${b.voterId}-twin` }]) };
        const separate = countEqualShares(instance, doubled, { ...opts, includeVoterDetails: true }, false);
        const grouped = countEqualShares(instance, doubled, opts, true);
        expect(separate.winners).toEqual(grouped.winners);
        expect(separate.sharePerVoter).toEqual(grouped.sharePerVoter);
        const paid = new Map(separate.voterDetails?.map((v) => [v.voterId, v.paid]));
        for (const b of profile.ballots) expect(paid.get(`${b.voterId}-twin`)).toBe(paid.get(b.voterId));
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the ballots', () => {
    fc.assert(
      fc.property(smallElection(), options, ({ instance, profile }, opts) => {
        const reversed =
          profile.kind === 'approval'
            ? { kind: 'approval' as const, ballots: [...profile.ballots].reverse() }
            : { kind: 'points' as const, ballots: [...profile.ballots].reverse() };
        expect(countEqualShares(instance, reversed, opts).winners).toEqual(countEqualShares(instance, profile, opts).winners);
      }),
      { numRuns: 150 },
    );
  });
});
