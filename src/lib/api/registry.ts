// One typed wrapper per api function, made here for both ways of calling: signed in as the
// person (define.ts, supabase-js) or anonymously with fetch alone (define-public.ts, for public
// pages' scripts). Each wrapper names its function and its arguments once; the registry lets a
// test check every name against the database (tests/db/api-wrappers.test.ts), so a renamed
// function or argument fails a test instead of a resident's click.
import type { ApiResult, KeptWork } from '../api-problem';

export interface ApiFunction<Args extends Record<string, unknown>, Result> {
  /** The function's name in schema api. */
  readonly name: string;
  /** Its argument names, as the database declares them (p_…). */
  readonly argNames: readonly (keyof Args & string)[];
  /** Called without the person's session (anon), so only for functions anon may call. */
  readonly anonymous: boolean;
  (args: Args, kept?: KeptWork): Promise<ApiResult<Result>>;
}

type Transport = <T>(fn: string, args: Record<string, unknown>, kept?: KeptWork) => Promise<ApiResult<T>>;

export const registry: ApiFunction<Record<string, unknown>, unknown>[] = [];

/** A wrapper of api.<name> that sends only the arguments given, through `transport`. */
export function registerApi<Result, Args extends Record<string, unknown>>(
  name: string,
  argNames: readonly (keyof Args & string)[],
  transport: Transport,
  anonymous: boolean,
): ApiFunction<Args, Result> {
  const call = (args: Args, kept?: KeptWork) => {
    const sent: Record<string, unknown> = {};
    for (const key of argNames) if (args[key] !== undefined) sent[key] = args[key];
    return transport<Result>(name, sent, kept);
  };
  const fn = Object.assign(call, { argNames, anonymous }) as unknown as ApiFunction<Args, Result>;
  Object.defineProperty(fn, 'name', { value: name });
  registry.push(fn as unknown as ApiFunction<Record<string, unknown>, unknown>);
  return fn;
}
