import { describe, expect, it } from 'vitest';
import { countGreedy } from '../../../../../src/lib/pb/index.ts';
import { approvalElection, pointsElection } from '../helpers.ts';

describe('greedy', () => {
  it('takes the most-voted first and breaks equal votes by lowest cost', () => {
    // Votes: a 3, b 2, c 2, d 1. Budget 100.
    // a (60) fits, 40 left. b and c both have 2 votes: the cheaper c (30) goes first, 10 left.
    // b (50) no longer fits: skipped. d (10) fits exactly.
    const { instance, profile } = approvalElection(100, { a: 60, b: 50, c: 30, d: 10 }, ['ab', 'ac', 'a', 'bd', 'c']);
    const result = countGreedy(instance, profile);
    expect(result.winners).toEqual(['a', 'c', 'd']);
    expect(result.spent).toEqual({ value: 100, exact: '100' });
    expect(result.leftOver.value).toBe(0);
    expect(result.projects.find((p) => p.projectId === 'b')?.status).toBe('not-funded');
  });

  it('skips a project that does not fit and carries on', () => {
    // a (80, 3 votes) fits, 20 left; b (30, 2 votes) does not; c (20, 1 vote) does.
    const { instance, profile } = approvalElection(100, { a: 80, b: 30, c: 20 }, ['ab', 'ab', 'ac']);
    expect(countGreedy(instance, profile).winners).toEqual(['a', 'c']);
  });

  it('never funds a project nobody voted for, even if money is left', () => {
    const { instance, profile } = approvalElection(100, { a: 10, z: 5 }, ['a']);
    const result = countGreedy(instance, profile);
    expect(result.winners).toEqual(['a']);
    expect(result.leftOver.value).toBe(90);
  });

  it('orders points ballots by total points', () => {
    // a: 5 points from one voter; b: 1 + 1 points. Budget fits one project: a wins.
    const { instance, profile } = pointsElection(50, { a: 50, b: 50 }, [{ a: 5 }, { b: 1 }, { b: 1 }]);
    const result = countGreedy(instance, profile);
    expect(result.winners).toEqual(['a']);
    expect(result.projects.find((p) => p.projectId === 'b')).toMatchObject({ votes: 2, support: 2, status: 'not-funded' });
  });

  it('adds exactly when costs have pence', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; in exact arithmetic both fit in 0.3.
    const { instance, profile } = approvalElection(0.3, { a: 0.1, b: 0.2 }, ['ab', 'a']);
    expect(countGreedy(instance, profile).winners).toEqual(['a', 'b']);
  });
});
