// Turns database errors into PostgREST's reply: the same {code, message, details, hint} body and
// the same HTTP status PostgREST chooses for each SQLSTATE, so supabase-js behaves identically.

export interface PostgrestError {
  code: string;
  message: string;
  details: string | null;
  hint: string | null;
}

export interface ErrorReply {
  status: number;
  body: PostgrestError;
}

export function postgrestError(status: number, code: string, message: string, details: string | null = null, hint: string | null = null): ErrorReply {
  return { status, body: { code, message, details, hint } };
}

interface DatabaseErrorLike {
  code?: string;
  message?: string;
  detail?: string;
  hint?: string;
}

/** PostgREST's table of SQLSTATE to HTTP status (https://postgrest.org, "Errors"). */
export function statusForSqlState(code: string, signedIn: boolean): number {
  if (/^PT\d{3}$/.test(code)) return Number(code.slice(2)); // raise ... using errcode = 'PT403'
  if (code === '42501') return signedIn ? 403 : 401; // insufficient privilege
  if (code === 'P0001') return 400; // raise exception
  if (code === '23503' || code === '23505') return 409; // foreign key, unique
  if (code === '25006') return 405; // read-only transaction (GET on a volatile function)
  if (code === '42883' || code === '42P01') return 404; // undefined function / table
  if (code === '57014') return 504; // statement timeout
  if (code === '40001' || code === '40P01') return 409; // serialization failure, deadlock: retry
  if (code === 'P0002' || code === 'P0003') return 404; // no data found / too many rows
  if (code === '53400') return 500;
  const family = code.slice(0, 2);
  if (family === '08') return 503;
  if (family === '22' || family === '23' || family === '2B' || family === '42') return 400;
  if (family === '28') return 403;
  return 500;
}

export function fromDatabaseError(error: unknown, signedIn: boolean): ErrorReply {
  const e = (error ?? {}) as DatabaseErrorLike;
  if (typeof e.code !== 'string') {
    return postgrestError(500, 'PGRST000', 'The server could not complete this request. Please try again later.');
  }
  return postgrestError(statusForSqlState(e.code, signedIn), e.code, e.message ?? 'Database error', e.detail ?? null, e.hint ?? null);
}
