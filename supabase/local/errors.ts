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

export function postgrestError(
  status: number,
  code: string,
  message: string,
  details: string | null = null,
  hint: string | null = null,
): ErrorReply {
  return { status, body: { code, message, details, hint } };
}

interface DatabaseErrorLike {
  code?: string;
  message?: string;
  detail?: string;
  hint?: string;
}

/** PostgREST's table of SQLSTATE to HTTP status, exactly as PostgREST applies it
 * (docs.postgrest.org, "Errors"; mapSQLtoHTTP in src/PostgREST/Error.hs, whose few special
 * cases by message are followed too). Anything not listed is a 400. */
export function statusForSqlState(code: string, signedIn: boolean, message = ''): number {
  const family = code.slice(0, 2);
  if (family === '08') return 503; // connection error
  if (family === '09') return 500; // triggered action exception
  if (family === '0L' || family === '0P') return 403; // invalid grantor, invalid role specification
  if (code === '23503' || code === '23505') return 409; // foreign key, unique
  if (code === '25006') return 405; // read-only transaction (GET, or POST to a stable function, that writes)
  // cardinality violation: pg-safeupdate's refusal is the caller's, anything else the function's
  if (code === '21000') return message.endsWith('requires a WHERE clause') ? 400 : 500;
  // invalid parameter value: a JWT naming a role that does not exist is an authentication problem
  if (code === '22023') return message.startsWith('role') && message.endsWith('does not exist') ? 401 : 400;
  if (family === '25') return 500; // invalid transaction state
  if (family === '28') return 403; // invalid authorization specification
  if (family === '2D' || family === '38' || family === '39' || family === '3B') return 500;
  if (family === '40') return 500; // transaction rollback: serialization failure, deadlock
  if (code === '53400') return 500; // configuration limit exceeded
  if (family === '53') return 503; // insufficient resources
  if (family === '54' || family === '55') return 500; // too complex, object not in prerequisite state
  if (code === '57P01') return 503; // terminating connection due to administrator command
  if (family === '57' || family === '58' || family === 'F0' || family === 'HV') return 500; // 57014 statement timeout included
  if (code === 'P0001') return 400; // raise exception
  if (family === 'P0' || family === 'XX') return 500; // other PL/pgSQL errors (P0002, P0003), internal error
  if (code === '42883') return message.startsWith('function xmlagg(') ? 406 : 404; // undefined function
  if (code === '42P01') return 404; // undefined table
  if (code === '42P17') return 500; // infinite recursion
  if (code === '42501') return signedIn ? 403 : 401; // insufficient privilege
  if (family === 'PT') {
    // raise ... using errcode = 'PT403': the digits are the status
    const status = Number(code.slice(2));
    return /^\d+$/.test(code.slice(2)) && status >= 100 && status <= 999 ? status : 500;
  }
  return 400;
}

export function fromDatabaseError(error: unknown, signedIn: boolean): ErrorReply {
  const e = (error ?? {}) as DatabaseErrorLike;
  if (typeof e.code !== 'string') {
    return postgrestError(500, 'PGRST000', 'The server could not complete this request. Please try again later.');
  }
  return postgrestError(
    statusForSqlState(e.code, signedIn, e.message ?? ''),
    e.code,
    e.message ?? 'Database error',
    e.detail ?? null,
    e.hint ?? null,
  );
}
