// Slows down guessing: after a few failed sign-ins for one key (an email address, or a client
// address with a larger allowance), each further attempt
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

  /** Milliseconds the caller must still wait before trying this key again (0 = go ahead). */
  waitFor(key: string): number {
    const f = this.failures.get(key.toLowerCase());
    if (!f || f.count < this.freeAttempts) return 0;
    const wait = Math.min(this.maxWaitMs, 1000 * 2 ** (f.count - this.freeAttempts + 1));
    return Math.max(0, f.last + wait - this.now());
  }

  fail(key: string) {
    const k = key.toLowerCase();
    const f = this.failures.get(k) ?? { count: 0, last: 0 };
    this.failures.set(k, { count: f.count + 1, last: this.now() });
  }

  succeed(key: string) {
    this.failures.delete(key.toLowerCase());
  }

  /** Takes back one counted failure: a success from a shared address (an office, a library) must
   * not wipe out others' failures, but must not count against it either. */
  forgiveOne(key: string) {
    const k = key.toLowerCase();
    const f = this.failures.get(k);
    if (!f) return;
    if (f.count <= 1) this.failures.delete(k);
    else this.failures.set(k, { count: f.count - 1, last: f.last });
  }
}
