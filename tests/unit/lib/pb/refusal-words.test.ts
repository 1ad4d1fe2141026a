import { describe, expect, it } from 'vitest';
import type { ApiProblem } from '../../../../src/lib/api-call.ts';
import { pbProblemWords } from '../../../../src/lib/pb/refusal-words.ts';

const problem = (over: Partial<ApiProblem>): ApiProblem => ({
  ok: false,
  status: 400,
  message: 'database words',
  offline: false,
  signedOut: false,
  ...over,
});

describe('the words a PB screen shows for a failed call', () => {
  it('come from the topic by key, then from the shared list', () => {
    expect(pbProblemWords(problem({ key: 'code_used' }))).toBe('This voting code has already been used.');
    expect(pbProblemWords(problem({ key: 'over_budget' }))).toMatch(/cost more than the budget/);
    expect(pbProblemWords(problem({ key: 'method_not_allowed' }), 'results')).toBe('The count could not be started. Try again.');
  });

  it('keep the call’s own words when offline, signed out, unkeyed or unknown', () => {
    expect(pbProblemWords(problem({ key: 'code_used', offline: true, message: 'offline words' }))).toBe('offline words');
    expect(pbProblemWords(problem({ signedOut: true, message: 'signed out words' }))).toBe('signed out words');
    expect(pbProblemWords(problem({}))).toBe('database words');
    expect(pbProblemWords(problem({ key: 'no_such_key' }))).toBe('database words');
  });
});
