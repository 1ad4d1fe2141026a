import { describe, expect, it } from 'vitest';
import { SignInThrottle } from '../../supabase/local/throttle.ts';

describe('sign-in throttle', () => {
  it('lets the first failures through, then doubles the wait', () => {
    let now = 0;
    const t = new SignInThrottle({ freeAttempts: 3, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(t.waitFor('a@example.org')).toBe(0);
      t.fail('a@example.org');
    }
    expect(t.waitFor('A@example.org')).toBe(2000);
    t.fail('a@example.org');
    expect(t.waitFor('a@example.org')).toBe(4000);
    now += 4000;
    expect(t.waitFor('a@example.org')).toBe(0);
  });

  it('caps the wait and forgets failures after a success', () => {
    let now = 0;
    const t = new SignInThrottle({ freeAttempts: 1, maxWaitMs: 10_000, now: () => now });
    for (let i = 0; i < 20; i++) t.fail('b@example.org');
    expect(t.waitFor('b@example.org')).toBe(10_000);
    t.succeed('b@example.org');
    expect(t.waitFor('b@example.org')).toBe(0);
    expect(t.waitFor('someone-else@example.org')).toBe(0);
  });
});
