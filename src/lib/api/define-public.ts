// Wrappers for public pages' scripts: called anonymously with fetch alone (src/lib/public-rpc.ts),
// so the page loads no supabase-js. Only for functions anyone may call: a test checks that anon
// is granted each one (tests/db/api-wrappers.test.ts).
import { publicApi } from '../public-rpc';
import { registerApi, type ApiFunction } from './registry';

export function definePublicApi<Result, Args extends Record<string, unknown> = Record<string, never>>(
  name: string,
  argNames: readonly (keyof Args & string)[],
): ApiFunction<Args, Result> {
  return registerApi<Result, Args>(name, argNames, publicApi, true);
}
