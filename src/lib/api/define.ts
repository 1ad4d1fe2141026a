// One typed wrapper per api function. Each wrapper names its function and its arguments once;
// the registry lets a test check every name against the database (tests/db/api-wrappers.test.ts),
// so a renamed function or argument fails a test instead of a resident's click.
import { callApi, type ApiResult, type KeptWork } from '../api-call';

export interface ApiFunction<Args extends Record<string, unknown>, Result> {
  /** The function's name in schema api. */
  readonly name: string;
  /** Its argument names, as the database declares them (p_…). */
  readonly argNames: readonly (keyof Args & string)[];
  (args: Args, kept?: KeptWork): Promise<ApiResult<Result>>;
}

export const registry: ApiFunction<Record<string, unknown>, unknown>[] = [];

/**
 * Declares the wrapper of api.<name>. `argNames` lists every argument the wrapper may send,
 * optional ones included; a call sends only those given.
 */
export function defineApi<Result, Args extends Record<string, unknown> = Record<string, never>>(
  name: string,
  argNames: readonly (keyof Args & string)[],
): ApiFunction<Args, Result> {
  const call = (args: Args, kept?: KeptWork) => {
    const sent: Record<string, unknown> = {};
    for (const key of argNames) if (args[key] !== undefined) sent[key] = args[key];
    return callApi<Result>(name, sent, kept);
  };
  const fn = Object.assign(call, { argNames }) as unknown as ApiFunction<Args, Result>;
  Object.defineProperty(fn, 'name', { value: name });
  registry.push(fn as unknown as ApiFunction<Record<string, unknown>, unknown>);
  return fn;
}
