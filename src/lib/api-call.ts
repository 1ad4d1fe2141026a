// One way for islands to call the API: every result is either data or a plain-English problem,
// and the few failures that need special handling are named (signed out, offline).
import { getSupabase } from './supabase';

export type ApiProblem = {
  ok: false;
  status: number;
  message: string;
  code?: string;
  hint?: string;
  /** PostgREST's "details": the database's extra facts, e.g. who is still to score. */
  details?: string;
  /** The request never reached the server: keep the work and try again later. */
  offline: boolean;
  /** The session ended: sign in again (typed work is kept on the device). */
  signedOut: boolean;
};

export type ApiResult<T> = { ok: true; data: T } | ApiProblem;

interface ErrorLike {
  message?: string;
  code?: string;
  hint?: string | null;
  details?: string | null;
}

export function describeProblem(status: number, error: ErrorLike | null): ApiProblem {
  const offline = status === 0 || /fetch|network|Failed to fetch|Load failed/i.test(error?.message ?? '') && status < 100;
  const signedOut = status === 401;
  let message = error?.message ?? '';
  if (offline) message = 'We could not reach the server. Check your internet connection. Your work is kept on this device.';
  else if (signedOut) message = 'You have been signed out. Sign in again to carry on: your typed work is kept on this device.';
  else if (status >= 500 || !message) message = 'Something went wrong on our side. Your work is kept on this device. Try again in a few minutes.';
  return { ok: false, status, message, code: error?.code, hint: error?.hint ?? undefined, details: error?.details ?? undefined, offline, signedOut };
}

export async function callApi<T>(fn: string, args: Record<string, unknown> = {}): Promise<ApiResult<T>> {
  try {
    const { data, error, status } = await getSupabase().rpc(fn, args);
    if (error) return describeProblem(status, error);
    return { ok: true, data: data as T };
  } catch (error) {
    return describeProblem(0, { message: String(error) });
  }
}
