// Slows down guessing: after a few failed sign-ins for one key (an email address, or a client
// address with a larger allowance), each further attempt must wait twice as long as the one
// before (capped), as Supabase Auth rate-limits sign-ins. The counts live in the database
// (stand_in.sign_in_failures, made by bootstrap.sql), so restarting the stand-in does not
// unlock an account; on Supabase, Auth keeps its own.
import type { Sql } from './database.ts';

export interface ThrottleOptions {
  /** Which allowance this is ("email", "address"): each keeps its own counts. */
  scope: string;
  freeAttempts?: number;
  maxWaitMs?: number;
  now?: () => number;
}

type FailureRow = { count: number; last_at: Date };

export class SignInThrottle {
  private readonly scope: string;
  private readonly freeAttempts: number;
  private readonly maxWaitMs: number;
  private readonly now: () => number;

  constructor(options: ThrottleOptions) {
    this.scope = options.scope;
    this.freeAttempts = options.freeAttempts ?? 5;
    this.maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds the caller must still wait before trying this key again (0 = go ahead). In a
   * transaction, the key's row stays locked until it ends, so attempts sent at once queue up. */
  async waitFor(sql: Sql, key: string): Promise<number> {
    const [f] = await sql.query<FailureRow>(
      'select count, last_at from stand_in.sign_in_failures where scope = $1 and key = $2 for update',
      [this.scope, key.toLowerCase()],
    );
    if (!f || f.count < this.freeAttempts) return 0;
    const wait = Math.min(this.maxWaitMs, 1000 * 2 ** (f.count - this.freeAttempts + 1));
    return Math.max(0, new Date(f.last_at).getTime() + wait - this.now());
  }

  async fail(sql: Sql, key: string): Promise<void> {
    await sql.query(
      `insert into stand_in.sign_in_failures as f (scope, key, count, last_at) values ($1, $2, 1, $3)
       on conflict (scope, key) do update set count = f.count + 1, last_at = excluded.last_at`,
      [this.scope, key.toLowerCase(), new Date(this.now()).toISOString()],
    );
  }

  async succeed(sql: Sql, key: string): Promise<void> {
    await sql.query('delete from stand_in.sign_in_failures where scope = $1 and key = $2', [this.scope, key.toLowerCase()]);
  }

  /** Takes back one counted failure: a success from a shared address (an office, a library) must
   * not wipe out others' failures, but must not count against it either. */
  async forgiveOne(sql: Sql, key: string): Promise<void> {
    await sql.query('update stand_in.sign_in_failures set count = count - 1 where scope = $1 and key = $2', [
      this.scope,
      key.toLowerCase(),
    ]);
    await sql.query('delete from stand_in.sign_in_failures where scope = $1 and key = $2 and count <= 0', [this.scope, key.toLowerCase()]);
  }
}
