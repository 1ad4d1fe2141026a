// /rest/v1: only /rpc/<function> is served. The API is functions, so table routes answer 404
// as PostgREST does for a table it does not expose.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database, Sql } from './database.ts';
import { fromDatabaseError, postgrestError, type ErrorReply, type PostgrestError } from './errors.ts';
import { BodyTooLarge, MAX_JSON_DEPTH, parseJson, readBody, sendJson } from './http.ts';
import type { Claims } from './jwt.ts';
import { identifyCaller, type ApiRole } from './request-role.ts';
import { buildCall, describeSignature, findFunction } from './rpc-call.ts';

export interface RestContext {
  db: Database;
  jwtSecret: string;
  exposedSchemas: readonly string[];
  maxRows?: number;
  log: (line: string) => void;
}

export async function handleRest(req: IncomingMessage, res: ServerResponse, url: URL, ctx: RestContext) {
  const outcome = await answer(req, url, ctx);
  if ('body' in outcome && typeof outcome.body === 'object') {
    sendJson(res, outcome.status, outcome.body);
    return;
  }
  const text = (outcome as { body?: string }).body;
  res.writeHead(outcome.status, text === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(text ?? '');
}

async function answer(req: IncomingMessage, url: URL, ctx: RestContext): Promise<RpcOutcome> {
  const match = url.pathname.match(/^\/rest\/v1\/rpc\/([^/]+)\/?$/);
  if (!match) {
    const name = url.pathname.replace(/^\/rest\/v1\/?/, '') || '(none)';
    return postgrestError(
      404,
      'PGRST205',
      `Could not find the table 'api.${name}' in the schema cache`,
      null,
      'The API offers functions only: call /rest/v1/rpc/<function>.',
    );
  }
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'POST' && method !== 'HEAD') {
    return postgrestError(405, 'PGRST101', 'For functions, only GET and POST verbs are allowed');
  }
  const caller = identifyCaller(req, ctx.jwtSecret);
  if (!caller.ok) return caller.error;

  const profileHeader = method === 'POST' ? req.headers['content-profile'] : req.headers['accept-profile'];
  const schema = typeof profileHeader === 'string' && profileHeader ? profileHeader : (ctx.exposedSchemas[0] ?? 'api');
  if (!ctx.exposedSchemas.includes(schema)) {
    return postgrestError(406, 'PGRST106', `The schema must be one of the following: ${ctx.exposedSchemas.join(', ')}`);
  }

  let args: Record<string, unknown>;
  if (method === 'POST') {
    let text: string;
    try {
      text = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLarge) return postgrestError(413, 'PGRST413', 'The request body is too large: the limit is 1 MB.');
      throw error;
    }
    const parsed = text.trim() ? parseJson(text) : { ok: true as const, value: {} };
    if (!parsed.ok && parsed.tooDeep) {
      return postgrestError(
        400,
        'PGRST102',
        `The JSON is nested too deeply: at most ${MAX_JSON_DEPTH} levels of arrays and objects.`,
        null,
        'Send a JSON object of named arguments.',
      );
    }
    if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
      return postgrestError(400, 'PGRST102', 'Empty or invalid json', null, 'Send a JSON object of named arguments.');
    }
    args = parsed.value as Record<string, unknown>;
  } else {
    args = Object.fromEntries(url.searchParams.entries());
  }

  const fnName = decodeName(match[1] ?? '');
  if (fnName === undefined)
    return postgrestError(
      404,
      'PGRST202',
      `Could not find the function ${schema}.${match[1]} in the schema cache`,
      null,
      'The function name in the address is not valid.',
    );
  return invokeRpc(ctx.db, caller, {
    schema,
    name: fnName,
    args,
    readOnly: method !== 'POST',
    maxRows: ctx.maxRows,
    path: url.pathname,
    headers: { 'x-forwarded-for': req.socket.remoteAddress ?? 'unknown' },
    log: ctx.log,
  });
}

/** A broken %-escape in the address is the caller's mistake: undefined, never a thrown error. */
function decodeName(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

export interface RpcRequest {
  schema: string;
  name: string;
  args: Record<string, unknown>;
  /** GET calls run read-only, so a volatile function is refused as PostgREST refuses it. */
  readOnly?: boolean;
  /** api.max_rows: the most rows of a set-returning function's result that are sent. */
  maxRows?: number;
  path?: string;
  /** PostgREST's request.headers. The stand-in is the API's proxy, so it sets x-forwarded-for
   * itself (from the socket, never the client's), as Supabase's gateway does: the tree's and the
   * festival's rate limits read it. */
  headers?: Record<string, string>;
  log?: (line: string) => void;
}

export type RpcOutcome = { status: number; body?: string } | ErrorReply;

// The settings each API role carries (ALTER ROLE … SET), read once per database as PostgREST
// reads them into its cache. The connection's own role on Supabase is `authenticator`, whose
// settings apply underneath (its 8 s timeout is what service_role gets).
const settingsCache = new WeakMap<Database, Map<string, Record<string, string>>>();

async function roleSettings(db: Database, sql: Sql, role: string): Promise<Record<string, string>> {
  const known = settingsCache.get(db) ?? new Map<string, Record<string, string>>();
  settingsCache.set(db, known);
  const cached = known.get(role);
  if (cached) return cached;
  const rows = await sql.query<{ name: string; value: string }>(
    `select split_part(c, '=', 1) as name, substr(c, strpos(c, '=') + 1) as value
     from pg_db_role_setting s join pg_roles r on r.oid = s.setrole, unnest(s.setconfig) c
     where r.rolname in ('authenticator', $1)
       and s.setdatabase in (0, (select oid from pg_database where datname = current_database()))
     order by r.rolname = $1, s.setdatabase <> 0`,
    [role],
  );
  const settings = Object.fromEntries(rows.map((r) => [r.name, r.value]));
  known.set(role, settings);
  return settings;
}

/** One function call in its own transaction, as the caller's role with its JWT claims set.
 * The HTTP route and the database tests both come through here. */
export async function invokeRpc(db: Database, caller: { role: ApiRole; claims: Claims }, request: RpcRequest): Promise<RpcOutcome> {
  const { schema, name, args } = request;
  try {
    return await db.transaction(async (tx) => {
      if (request.readOnly) await tx.exec('set transaction read only');
      const fn = await findFunction(tx, schema, name, Object.keys(args));
      if (!fn) return postgrestError(404, 'PGRST202', describeSignature(schema, name, Object.keys(args)));
      // PostgREST runs a POST to a STABLE or IMMUTABLE function read-only too, so one that writes fails.
      if (!request.readOnly && fn.readOnly) await tx.exec('set transaction read only');
      const settings = await roleSettings(db, tx, caller.role);
      // set_config('role', …, true) is SET LOCAL ROLE, in one round trip with the claims and the
      // role's own settings (statement_timeout: anon 3 s, authenticated 8 s), as PostgREST does.
      await tx.query(
        `select set_config('request.jwt.claims', $1, true), set_config('request.method', $2, true),
                set_config('request.path', $3, true), set_config('role', $4, true),
                (select count(set_config(s.name, s.value, true)) from jsonb_each_text($5::jsonb) s(name, value)),
                set_config('request.headers', $6, true)`,
        [
          JSON.stringify(caller.claims),
          request.readOnly ? 'GET' : 'POST',
          request.path ?? `/rest/v1/rpc/${name}`,
          caller.role,
          JSON.stringify(settings),
          JSON.stringify(request.headers ?? {}),
        ],
        { prepared: true },
      );
      const { text, params } = buildCall(fn, args, request.readOnly === true, request.maxRows);
      const [row] = await tx.query<{ body?: string; status: string | null }>(withChosenStatus(text, fn.returnsVoid), params, {
        prepared: true,
      });
      const chosen = chosenStatus(row?.status ?? null);
      if (chosen === 'invalid') return postgrestError(500, 'PGRST112', 'response.status guc must be a valid status code');
      if (fn.returnsVoid) return { status: chosen ?? 204 };
      return answerWith(chosen ?? 200, row?.body ?? 'null');
    });
  } catch (error) {
    const reply = fromDatabaseError(error, caller.role !== 'anon');
    if (reply.status >= 500) request.log?.(`rpc ${name} failed: ${(error as Error).message}`);
    return reply;
  }
}

/** The call, and the status it chose with set_config('response.status', …, true), in one round
 * trip as PostgREST reads it: the aggregate takes in the call's one row before the setting is
 * read beside it, so the setting is the one the call left. */
function withChosenStatus(call: string, returnsVoid: boolean): string {
  const body = returnsVoid ? 'count(*)::text' : 'min(c.body)';
  return `select ${body} as body, nullif(current_setting('response.status', true), '') as status from (${call}) c`;
}

/** The status as PostgREST honours it: the transaction still commits and the function's own
 * result is the body, so a refusal can keep what the call wrote (a wrong voting code's attempt). */
function chosenStatus(text: string | null): number | 'invalid' | undefined {
  if (text == null) return undefined;
  const status = Number(text);
  return /^\d{3}$/.test(text) && status >= 100 && status <= 599 ? status : 'invalid';
}

/** A 4xx/5xx body shaped like PostgREST's error is handed on as one (callers read it as the
 * error, as supabase-js does); any other body goes out as the function returned it. */
function answerWith(status: number, body: string): RpcOutcome {
  if (status < 400) return { status, body };
  try {
    const parsed = JSON.parse(body) as Partial<PostgrestError> | null;
    if (parsed && typeof parsed === 'object' && typeof parsed.message === 'string') {
      return postgrestError(status, String(parsed.code ?? ''), parsed.message, parsed.details ?? null, parsed.hint ?? null);
    }
  } catch {
    // Not JSON: sent as it is.
  }
  return { status, body };
}
