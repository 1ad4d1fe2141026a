// The words for too_many_code_attempts say when the resident can try again, from retry_after
// (seconds, rounded up to whole minutes), and whose codes caused the pause.
import { describe, expect, it } from 'vitest';
import { tooManyCodeAttemptsWords, WORDS } from '../../../../src/lib/refusals/pb-residents.ts';

describe('too_many_code_attempts words', () => {
  it('say in how many minutes, rounded up', () => {
    expect(tooManyCodeAttemptsWords({ retry_after: 3600, scope: 'person' })).toContain('try again in 60 minutes');
    expect(tooManyCodeAttemptsWords({ retry_after: 61, scope: 'person' })).toContain('try again in 2 minutes');
    expect(tooManyCodeAttemptsWords({ retry_after: 5, scope: 'person' })).toContain('try again in 1 minute.');
  });

  it('say when everyone is paused rather than blaming the resident', () => {
    const words = tooManyCodeAttemptsWords({ retry_after: 540, scope: 'process' });
    expect(words).toContain('paused checking codes');
    expect(words).toContain('Try again in 9 minutes');
    expect(words).not.toContain('You have entered');
  });

  it('fall back to the plain words without a usable retry_after', () => {
    expect(tooManyCodeAttemptsWords(undefined)).toBe(WORDS.too_many_code_attempts);
    expect(tooManyCodeAttemptsWords({ retry_after: 'soon' })).toBe(WORDS.too_many_code_attempts);
  });
});
