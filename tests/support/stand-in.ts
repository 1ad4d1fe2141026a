// A stand-in per test file: in memory, from the snapshot, on a free port, with a known secret
// and an adjustable clock; or, for the DATABASE_URL tests, on a new database of a real server.
import pg from 'pg';
import { createApiClient, type ApiClient } from '../../src/lib/supabase.ts';
import { startStandIn, type StandIn } from '../../supabase/local/server.ts';
import { dropWhenIdle } from './db.ts';
import { loadSnapshot } from './snapshot.ts';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TestStandIn extends StandIn {
  clock: { offsetMs: number };
  client(): ApiClient;
}

export async function startTestStandIn(): Promise<TestStandIn> {
  const clock = { offsetMs: 0 };
  const standIn = await startStandIn({
    snapshot: await loadSnapshot(),
    supabaseDir: 'supabase',
    port: 0,
    jwtSecret: TEST_JWT_SECRET,
    allowedOrigins: ['http://localhost:4321'],
    now: () => Date.now() + clock.offsetMs,
    log: () => undefined,
    otpResendAfterMs: 0,
  });
  return {
    ...standIn,
    clock,
    client: () => createApiClient(standIn.url, standIn.keys.anonKey, { persistSession: false, autoRefreshToken: false }),
  };
}

/** A stand-in on a new database of the PostgreSQL server at serverUrl (TEST_DATABASE_URL), built
 * from the migrations and the seed as `npm start` would; close() also drops the database. */
export async function startServerStandIn(serverUrl: string, prefix: string): Promise<StandIn & { databaseUrl: string }> {
  const database = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${database}`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const standIn = await startStandIn({
    databaseUrl: url.toString(),
    supabaseDir: 'supabase',
    port: 0,
    jwtSecret: TEST_JWT_SECRET,
    log: () => undefined,
  });
  return {
    ...standIn,
    databaseUrl: url.toString(),
    async close() {
      await standIn.close();
      // Waits for the pool's connections to close, so a forced drop does not kill them mid-goodbye.
      await dropWhenIdle(admin, database);
    },
  };
}
