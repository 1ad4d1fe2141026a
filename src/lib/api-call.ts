// One way for islands to call the API: every result is either data or a plain-English problem
// (api-problem.ts), and the few failures that need special handling are named (signed out, offline).
import { getRest } from './api-rest';
import { describeProblem, type ApiResult, type KeptWork } from './api-problem';

export * from './api-problem';

export async function callApi<T>(fn: string, args: Record<string, unknown> = {}, kept: KeptWork = 'device'): Promise<ApiResult<T>> {
  try {
    const { data, error, status } = await getRest().rpc(fn, args);
    if (error) return describeProblem(status, error, kept);
    return { ok: true, data: data as T };
  } catch (error) {
    return describeProblem(0, { message: String(error) }, kept);
  }
}
