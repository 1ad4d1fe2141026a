// Slows down guessing: after a few failed sign-ins for one email address, each further attempt
// must wait twice as long as the one before (capped), as Supabase Auth rate-limits sign-ins.

export interface ThrottleOptions {
  freeAttempts?: number;
  maxWaitMs?: number;
  now?: () => number;
}

export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; last: number }>();
  private readonly freeAttempts: number;
  private readonly maxWaitMs: number;
  private readonly now: () => number;

  constructor(options: ThrottleOptions = {}) {
    this.freeAttempts = options.freeAttempts ?? 5;
    this.maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds the caller must still wait before trying this email again (0 = go ahead). */
  waitFor(email: string): number {
    const f = this.failures.get(email.toLowerCase());
    if (!f || f.count < this.freeAttempts) return 0;
    const wait = Math.min(this.maxWaitMs, 1000 * 2 ** (f.count - this.freeAttempts + 1));
    return Math.max(0, f.last + wait - this.now());
  }

  fail(email: string) {
    const key = email.toLowerCase();
    const f = this.failures.get(key) ?? { count: 0, last: 0 };
    this.failures.set(key, { count: f.count + 1, last: this.now() });
  }

  succeed(email: string) {
    this.failures.delete(email.toLowerCase());
  }
}
