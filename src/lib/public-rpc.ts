// A public (anon) API call with fetch alone, for page scripts on public pages, whose weight
// budget (tests/e2e/budget.spec.ts) has no room for React or supabase-js.
import { describeProblem, type ApiResult, type KeptWork } from './api-problem';

function post(fn: string, args: Record<string, unknown>): Promise<Response> {
  const url = import.meta.env.PUBLIC_SUPABASE_URL as string | undefined;
  const key = import.meta.env.PUBLIC_SUPABASE_ANON_KEY as string | undefined;
  return fetch(`${url}/rest/v1/rpc/${fn}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', apikey: key!, Authorization: `Bearer ${key}` },
    body: JSON.stringify(args),
  });
}

/** For lists a page can simply leave out when they fail: throws on any problem. */
export async function publicRpc<T>(fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const response = await post(fn, args);
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as T;
}

/**
 * For pages that explain a refusal: the same data-or-problem result as the typed API wrappers
 * (src/lib/api/), with the database's refusal key, for a function anyone may call.
 */
export async function publicApi<T>(fn: string, args: Record<string, unknown> = {}, kept: KeptWork = 'form'): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await post(fn, args);
  } catch (error) {
    return describeProblem(0, { message: String(error) }, kept);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: body as T };
  return describeProblem(response.status, body && typeof body === 'object' ? body : { message: response.statusText }, kept);
}
