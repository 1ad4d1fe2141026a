// Wrappers called as the signed-in person (or anon when nobody is), through supabase-js.
import { callApi } from '../api-call';
import { registerApi, type ApiFunction } from './registry';

export { registry, type ApiFunction } from './registry';

/**
 * Declares the wrapper of api.<name>. `argNames` lists every argument the wrapper may send,
 * optional ones included; a call sends only those given.
 */
export function defineApi<Result, Args extends Record<string, unknown> = Record<string, never>>(
  name: string,
  argNames: readonly (keyof Args & string)[],
): ApiFunction<Args, Result> {
  return registerApi<Result, Args>(name, argNames, callApi, false);
}
