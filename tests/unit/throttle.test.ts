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

describe('the per-address allowance', () => {
  it('a success takes back only its own attempt, not the failures of others at the same address', () => {
    let now = 0;
    const t = new SignInThrottle({ freeAttempts: 3, now: () => now });
    for (let i = 0; i < 3; i++) t.fail('ip:10.0.0.1');
    expect(t.waitFor('ip:10.0.0.1')).toBe(2000);
    now += 2000;
    // An attempt is counted while it is being checked …
    t.fail('ip:10.0.0.1');
    expect(t.waitFor('ip:10.0.0.1')).toBe(4000);
    // … and a success takes it back: the wait is the one the earlier failures earned, no longer.
    t.forgiveOne('ip:10.0.0.1');
    expect(t.waitFor('ip:10.0.0.1')).toBe(2000);
    t.forgiveOne('ip:10.0.0.9');
    expect(t.waitFor('ip:10.0.0.9')).toBe(0);
  });
});
