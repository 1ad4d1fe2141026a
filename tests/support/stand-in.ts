// A stand-in per test file: in memory, from the snapshot, on a free port, with a known secret
// and an adjustable clock.
import { createApiClient, type ApiClient } from '../../src/lib/supabase.ts';
import { startStandIn, type StandIn } from '../../supabase/local/server.ts';
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
