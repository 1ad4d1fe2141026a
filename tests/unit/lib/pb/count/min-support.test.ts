import { describe, expect, it } from 'vitest';
import { count, PbCountError } from '../../../../../src/lib/pb/index.ts';
import { approvalElection } from '../helpers.ts';

describe('minimum-support rules', () => {
  // Budget 100, 4 voters. a (50) has 2 votes, b (60) has 2 votes, c (10) has 1 vote.
  const election = approvalElection(100, { a: 50, b: 60, c: 10 }, ['ab', 'ab', 'c', '']);

  it('leaves out projects with too few votes, before counting', () => {
    const result = count(election.instance, election.profile, { rule: 'greedy', minVotes: 2 });
    expect(result.winners).toEqual(['a']); // a (50) then b (60) does not fit; c is left out
    expect(result.projects.find((p) => p.projectId === 'c')).toMatchObject({
      status: 'excluded',
      reason: 'It needed at least 2 votes and had 1.',
    });
  });

  it('leaves out projects supported by too small a share of voters: cost ÷ (k × budget)', () => {
    // k = 1: a needs 50/100 = 50% of voters and has 2/4 = 50% (exactly enough);
    // b needs 60% and has 50%: left out. c needs 10% and has 25%.
    const k1 = count(election.instance, election.profile, { rule: 'greedy', minShareK: 1 });
    expect(k1.projects.find((p) => p.projectId === 'a')?.status).toBe('funded');
    expect(k1.projects.find((p) => p.projectId === 'b')).toMatchObject({ status: 'excluded' });
    expect(k1.projects.find((p) => p.projectId === 'b')?.reason).toContain('60.0% of voters');
    // k = 2 halves the bar: b needs 30% and is back in.
    const k2 = count(election.instance, election.profile, { rule: 'greedy', minShareK: 2 });
    expect(k2.projects.every((p) => p.status !== 'excluded')).toBe(true);
  });

  it('applies to Equal Shares too, and keeps every voter’s share', () => {
    // Share stays 100 / 4 = 25 although the fourth voter supports nothing left in the running.
    const result = count(election.instance, election.profile, { completion: 'none', minVotes: 2 });
    expect(result.sharePerVoter.exact).toBe('25');
    expect(result.winners).not.toContain('c');
  });

  it('explains options that make no sense', () => {
    expect(() => count(election.instance, election.profile, { minVotes: -1 })).toThrow(PbCountError);
    expect(() => count(election.instance, election.profile, { minShareK: 0 })).toThrow(/k must be a number above 0/);
  });
});
