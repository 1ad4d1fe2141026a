// What a failed API call means for the person: every result is either data or a plain-English
// problem, and the few failures that need special handling are named (signed out, offline). Apart
// from the client (api-call.ts) so public page scripts can use it without supabase-js.
import { WORDS as SHARED_WORDS } from './refusals/shared';

export type ApiProblem = {
  ok: false;
  status: number;
  message: string;
  code?: string;
  hint?: string;
  /** PostgREST's "details": the database's extra facts, e.g. who is still to score. */
  details?: string;
  /** The refusal's stable key from the database (detail.key): screens choose words by it. */
  key?: string;
  /** What the refusal concerns (detail.field), e.g. "criterion:<id>". */
  field?: string;
  /** Everything else the database put in detail (e.g. the money left). */
  facts?: Record<string, unknown>;
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

/**
 * Where typed work is while a failed call waits: 'device' when the screen keeps a copy in the
 * browser's storage (the default, as the scoring form does), 'form' when it is only still in the
 * form on screen. Each message promises only what is true.
 */
export type KeptWork = 'device' | 'form';

const KEPT_WORDS: Record<KeptWork, { offline: string; signedOut: string; server: string }> = {
  device: {
    offline: 'We could not reach the server. Check your internet connection. Your work is kept on this device.',
    signedOut: 'You have been signed out. Sign in again to carry on: your typed work is kept on this device.',
    server: 'Something went wrong on our side. Your work is kept on this device. Try again in a few minutes.',
  },
  form: {
    offline: 'We could not reach the server. Check your internet connection, then try again. What you typed is still in the form.',
    signedOut: 'You have been signed out. Sign in again to carry on.',
    server: 'Something went wrong on our side. What you typed is still in the form. Try again in a few minutes.',
  },
};

/** The JSON detail every keyed refusal carries ({key, field, ...facts}); nothing for older ones. */
export function refusalDetail(details: string | null | undefined): Pick<ApiProblem, 'key' | 'field' | 'facts'> {
  if (!details || details[0] !== '{') return {};
  try {
    const { key, field, ...facts } = JSON.parse(details) as Record<string, unknown>;
    if (typeof key !== 'string') return {};
    return { key, field: typeof field === 'string' ? field : undefined, facts };
  } catch {
    return {};
  }
}

// PostgreSQL's data exceptions for an argument of the wrong type or form, which PostgREST answers
// with 400 before any function runs ('invalid input syntax for type uuid', a boolean given 2, a
// number too big, a date that is no date). They carry no key of ours, so they are given one.
const WRONG_TYPE_STATES = new Set(['22P02', '22023', '22003', '22007', '22008', '22004', '2202E', '22P03', '42804']);

/** The key of a refusal: the database's own, or `wrong_type` for an argument PostgreSQL could not take. */
function keyOf(status: number, error: ErrorLike | null): Pick<ApiProblem, 'key' | 'field' | 'facts'> {
  const keyed = refusalDetail(error?.details);
  if (keyed.key) return keyed;
  if (status >= 400 && status < 500 && error?.code && WRONG_TYPE_STATES.has(error.code)) return { key: 'wrong_type' };
  return {};
}

export function describeProblem(status: number, error: ErrorLike | null, kept: KeptWork = 'device'): ApiProblem {
  const offline = status === 0 || (/fetch|network|Failed to fetch|Load failed/i.test(error?.message ?? '') && status < 100);
  const signedOut = status === 401;
  const keyed = keyOf(status, error);
  let message = keyed.key === 'wrong_type' ? SHARED_WORDS.wrong_type! : (error?.message ?? '');
  if (offline) message = KEPT_WORDS[kept].offline;
  else if (signedOut) message = KEPT_WORDS[kept].signedOut;
  else if (status >= 500 || !message) message = KEPT_WORDS[kept].server;
  return {
    ok: false,
    status,
    message,
    code: error?.code,
    hint: error?.hint ?? undefined,
    details: error?.details ?? undefined,
    ...keyed,
    offline,
    signedOut,
  };
}
