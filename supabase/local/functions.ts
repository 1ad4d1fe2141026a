// /functions/v1/<name>: the stand-in runs the Edge Function's own module,
// supabase/functions/<name>/handler.ts, whose `handle(request, env)` is what index.ts hands to
// Deno.serve on Supabase. The function gets the environment Supabase gives it (SUPABASE_URL,
// the anon and service-role keys) plus the stand-in's own environment, and makes its database
// calls back through this server's /rest/v1, so it meets exactly the checks it meets there.
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BodyTooLarge, bearerToken, readBody, sendJson } from './http.ts';
import { verifyJwt } from './jwt.ts';
import type { ApiKeys } from './keys.ts';

export interface FunctionsContext {
  /** The supabase/ folder holding functions/. */
  supabaseDir: string;
  /** This server's own address: the function's SUPABASE_URL. */
  baseUrl: string;
  keys: ApiKeys;
  now?: () => number;
  /** Variables besides Supabase's own (default: process.env). */
  env?: Record<string, string | undefined>;
}

export type Handle = (req: Request, env: (name: string) => string | undefined) => Promise<Response>;

// Supabase's function names: a letter, then letters, digits, '-' or '_'.
const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
// Edge Functions accept larger bodies than the REST API; 10 MB keeps a mistake from filling memory.
const MAX_FUNCTION_BODY = 10 * 1024 * 1024;

const modules = new Map<string, Promise<Handle | undefined>>();

/** The function's handle, or undefined when there is no such function (Supabase's 404). */
export async function loadFunction(supabaseDir: string, name: string): Promise<Handle | undefined> {
  if (!NAME.test(name)) return undefined;
  const file = resolve(join(supabaseDir, 'functions', name, 'handler.ts'));
  let found = modules.get(file);
  if (!found) {
    found = stat(file).then(
      async (s) => {
        if (!s.isFile()) return undefined;
        const mod = (await import(pathToFileURL(file).href)) as { handle?: Handle };
        if (typeof mod.handle !== 'function') throw new Error(`${file} does not export handle(req, env).`);
        return mod.handle;
      },
      () => undefined,
    );
    modules.set(file, found);
  }
  return found;
}

/** What the function reads with Deno.env.get on Supabase: Supabase's own variables win. */
export function functionEnv(ctx: FunctionsContext): (name: string) => string | undefined {
  const own: Record<string, string> = {
    SUPABASE_URL: ctx.baseUrl,
    SUPABASE_ANON_KEY: ctx.keys.anonKey,
    SUPABASE_SERVICE_ROLE_KEY: ctx.keys.serviceRoleKey,
  };
  const rest = ctx.env ?? process.env;
  return (name) => (Object.hasOwn(own, name) ? own[name] : rest[name]);
}

export async function handleFunctions(req: IncomingMessage, res: ServerResponse, url: URL, ctx: FunctionsContext): Promise<void> {
  let name = '';
  try {
    name = decodeURIComponent(url.pathname.slice('/functions/v1/'.length).split('/')[0] ?? '');
  } catch {
    // A broken %-escape names no function.
  }
  const handle = await loadFunction(ctx.supabaseDir, name);
  if (!handle) {
    sendJson(res, 404, { code: 'NOT_FOUND', message: 'Requested function was not found' });
    return;
  }
  // As on Supabase with verify_jwt on (the default): the gateway lets through only a valid
  // token (the anon key is one); who the caller is, the function asks the database itself.
  const token = bearerToken(req);
  if (!token) {
    sendJson(res, 401, { code: 401, message: 'Missing authorization header' });
    return;
  }
  if (!verifyJwt(token, ctx.keys.jwtSecret, (ctx.now ?? Date.now)()).ok) {
    sendJson(res, 401, { code: 401, message: 'Invalid JWT' });
    return;
  }
  let body: string | undefined;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    try {
      body = await readBody(req, MAX_FUNCTION_BODY);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendJson(res, 413, { code: 413, message: 'The request body is too large.' });
        return;
      }
      throw error;
    }
  }
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const request = new Request(new URL(url.pathname + url.search, ctx.baseUrl), { method: req.method, headers, body });
  const response = await handle(request, functionEnv(ctx));
  // The stand-in answers CORS for the site's own origins, as it does for /rest/v1; the
  // function's own (open) CORS headers are for Supabase, where nothing sits in front of it.
  const out: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    if (!key.startsWith('access-control-')) out[key] = value;
  });
  res.writeHead(response.status, out);
  res.end(Buffer.from(await response.arrayBuffer()));
}
