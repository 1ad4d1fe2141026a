import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../supabase/local/database.ts';
import { SignInThrottle } from '../../../../supabase/local/throttle.ts';
import { openTestDatabase } from '../../../support/db.ts';

// The counts are kept in the database, so these run against one (in memory, from the snapshot).
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

describe('sign-in throttle', () => {
  it('lets the first failures through, then doubles the wait', async () => {
    let now = 0;
    const t = new SignInThrottle({ scope: 'one', freeAttempts: 3, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(await t.waitFor(db, 'a@example.org')).toBe(0);
      await t.fail(db, 'a@example.org');
    }
    expect(await t.waitFor(db, 'A@example.org')).toBe(2000);
    await t.fail(db, 'a@example.org');
    expect(await t.waitFor(db, 'a@example.org')).toBe(4000);
    now += 4000;
    expect(await t.waitFor(db, 'a@example.org')).toBe(0);
  });

  it('caps the wait and forgets failures after a success', async () => {
    const now = 0;
    const t = new SignInThrottle({ scope: 'two', freeAttempts: 1, maxWaitMs: 10_000, now: () => now });
    for (let i = 0; i < 20; i++) await t.fail(db, 'b@example.org');
    expect(await t.waitFor(db, 'b@example.org')).toBe(10_000);
    await t.succeed(db, 'b@example.org');
    expect(await t.waitFor(db, 'b@example.org')).toBe(0);
    expect(await t.waitFor(db, 'someone-else@example.org')).toBe(0);
  });
});

describe('the per-address allowance', () => {
  it('a success takes back only its own attempt, not the failures of others at the same address', async () => {
    let now = 0;
    const t = new SignInThrottle({ scope: 'three', freeAttempts: 3, now: () => now });
    for (let i = 0; i < 3; i++) await t.fail(db, 'ip:10.0.0.1');
    expect(await t.waitFor(db, 'ip:10.0.0.1')).toBe(2000);
    now += 2000;
    // An attempt is counted while it is being checked …
    await t.fail(db, 'ip:10.0.0.1');
    expect(await t.waitFor(db, 'ip:10.0.0.1')).toBe(4000);
    // … and a success takes it back: the wait is the one the earlier failures earned, no longer.
    await t.forgiveOne(db, 'ip:10.0.0.1');
    expect(await t.waitFor(db, 'ip:10.0.0.1')).toBe(2000);
    await t.forgiveOne(db, 'ip:10.0.0.9');
    expect(await t.waitFor(db, 'ip:10.0.0.9')).toBe(0);
  });
});
