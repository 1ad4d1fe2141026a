// Cross-check against an independent, deliberately simple Equal Shares: the textbook loop
// (as on equalshares.net) with supporters sorted by what they have left. Costs are distinct so
// the random tie order never matters, and shares are whole numbers so floats stay accurate.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countEqualShares, type Instance } from '../../../../../src/lib/pb/index.ts';

function textbookEqualShares(instance: Instance, ballots: readonly string[][]): string[] {
  const left = ballots.map(() => instance.budget / ballots.length);
  const cost = new Map(instance.projects.map((p) => [p.id, p.cost]));
  const approvers = new Map(instance.projects.map((p) => [p.id, ballots.flatMap((b, i) => (b.includes(p.id) ? [i] : []))]));
  const remaining = new Set(instance.projects.filter((p) => (approvers.get(p.id)?.length ?? 0) > 0).map((p) => p.id));
  const winners: string[] = [];
  for (;;) {
    let best: string | null = null;
    let bestEff = 0;
    let bestPay = 0;
    for (const c of [...remaining].sort((a, b) => (cost.get(a) ?? 0) - (cost.get(b) ?? 0))) {
      const ap = [...(approvers.get(c) ?? [])].sort((a, b) => (left[a] ?? 0) - (left[b] ?? 0));
      const price = cost.get(c) ?? 0;
      if (ap.reduce((s, i) => s + (left[i] ?? 0), 0) < price - 1e-9) {
        remaining.delete(c);
        continue;
      }
      let paid = 0;
      let payers = ap.length;
      for (const i of ap) {
        const maxPayment = (price - paid) / payers;
        if (maxPayment > (left[i] ?? 0) + 1e-9) {
          paid += left[i] ?? 0;
          payers--;
          continue;
        }
        const eff = price / maxPayment;
        if (eff > bestEff + 1e-9) [best, bestEff, bestPay] = [c, eff, maxPayment];
        break;
      }
    }
    if (best === null) return winners;
    winners.push(best);
    remaining.delete(best);
    for (const i of approvers.get(best) ?? []) left[i] = Math.max(0, (left[i] ?? 0) - bestPay);
  }
}

describe('Equal Shares against a textbook implementation', () => {
  it('funds the same projects in the same order', () => {
    const election = fc.record({
      costs: fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { minLength: 2, maxLength: 7 }),
      share: fc.integer({ min: 1, max: 100 }),
      ballots: fc.array(fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 12 }),
    });
    fc.assert(
      fc.property(election, ({ costs, share, ballots }) => {
        const ids = costs.map((_, i) => `p${i}`);
        const instance: Instance = {
          budget: share * ballots.length,
          currency: 'GBP',
          projects: ids.map((id, i) => ({ id, cost: costs[i] as number })),
        };
        const approved = ballots.map((row) => ids.filter((_, i) => row[i]));
        const ours = countEqualShares(
          instance,
          { kind: 'approval', ballots: approved.map((a, v) => ({ voterId: `v${v}`, approved: a })) },
          { completion: 'none' },
        );
        expect(ours.winners).toEqual(textbookEqualShares(instance, approved));
      }),
      { numRuns: 1000 },
    );
  });
});
