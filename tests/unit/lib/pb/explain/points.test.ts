// Points ballots: a project's support is points, not people, so its effective votes are
// "effective points", and the supporters are still counted as people.

import { describe, expect, it } from 'vitest';
import { countEqualShares } from '../../../../../src/lib/pb/index.ts';
import { explainResult } from '../../../../../src/lib/pb/explain/index.ts';
import { pointsElection } from '../helpers.ts';

describe('a points vote', () => {
  // Budget £90, 3 voters, £30 each. A (£30): 2 points from v1, 1 from v2. B (£60): 1 point from
  // v1, 2 from v2, 3 from v3.
  const { instance, profile } = pointsElection(90, { A: 30, B: 60 }, [{ A: 2, B: 1 }, { A: 1, B: 2 }, { B: 3 }]);
  const result = countEqualShares(instance, profile, { completion: 'none', includeVoterDetails: true });
  const explained = explainResult({ result, names: { A: 'Allotments', B: 'Bus shelter' } });

  it('counts supporters as people and speaks of effective points', () => {
    const lines = explained.payments.flatMap((p) => p.sentences);
    expect(lines.some((l) => l.startsWith('Its "effective points" were'))).toBe(true);
    expect(lines.some((l) => l.includes('effective votes'))).toBe(false);
    expect(explained.payments.find((p) => p.name === 'Bus shelter')?.sentences[0]).toBe('It cost £60. 3 people voted for it.');
    expect(explained.share).toContain('All 3 voters paid towards at least one project.');
  });
});
