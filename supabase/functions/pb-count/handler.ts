// The pb-count Edge Function: an officer asks for a process's votes to be counted. The same
// module runs on Supabase (Deno, through index.ts) and in the local stand-in (Node, through
// supabase/local/functions.ts), so it uses only Web APIs, supabase-js and relative .ts files.
//
//   1. api.pb_start_count with the caller's own token: only the process's officers, only while
//      it is being counted (a resident, anonymous or signed-out caller gets that refusal);
//   2. api.pb_count_input with the service role: the rule, options and the ballot file with its
//      sha256, both made by the database;
//   3. the engine of src/lib/pb/ counts the file exactly as `npm run pb -- count` would;
//   4. api.pb_store_result with the service role stores the result with the file's sha256
//      (refused if a ballot came in meanwhile).
// Answers JSON: the winners, the sha256 and the time each step took; refusals as {key, message}.
import { createClient } from '@supabase/supabase-js';
import { count, parsePb, pbToElection, PbCountError, type CountOptions, type CountResult } from '../../../src/lib/pb/index.ts';

export type Env = (name: string) => string | undefined;

/** What a successful count answers. */
export interface CountAnswer {
  process_id: string;
  result_id: string;
  sha256: string;
  ballots: number;
  winners: readonly string[];
  counted_at: string;
  /** Checking the caller, reading the ballot file, counting it, storing the result; and all of it. */
  timings: { checking_ms: number; reading_ms: number; counting_ms: number; storing_ms: number; total_ms: number };
}

/** What a refused or failed count answers. */
export interface CountRefusal {
  key: string;
  message: string;
  field?: string;
}

// supabase-js from a browser sends these; the function must allow them in its preflight answer.
export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'authorization, x-client-info, apikey, content-type, x-region, x-supabase-api-version',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Max-Age': '600',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...CORS_HEADERS, 'Content-Type': 'application/json; charset=utf-8' } });
}

function refuse(status: number, key: string, message: string, field?: string): Response {
  return json(status, { key, message, ...(field ? { field } : {}) } satisfies CountRefusal);
}

type RpcError = { message?: string; details?: string | null; code?: string };

/** A database refusal passed on with its own status and key; a refusal without one keeps PostgREST's words. */
function passOn(status: number, error: RpcError): Response {
  let detail: { key?: unknown; field?: unknown } = {};
  try {
    if (error.details?.startsWith('{')) detail = JSON.parse(error.details) as typeof detail;
  } catch {
    // Not a keyed refusal: answered below by status.
  }
  const key =
    typeof detail.key === 'string' ? detail.key : status === 401 ? 'sign_in_needed' : status === 403 ? 'not_allowed' : 'count_failed';
  const message =
    typeof detail.key === 'string' && error.message
      ? error.message
      : status === 401
        ? 'Sign in to do this.'
        : error.message || 'The count could not be completed.';
  const answer = status >= 400 && status < 500 ? status : 502;
  return refuse(answer, key, message, typeof detail.field === 'string' ? detail.field : undefined);
}

// A request that never got an answer (a kept-alive connection closed just as it was reused:
// the count keeps the event loop busy for seconds, which is when that happens) is sent once
// more. Only a network failure is retried, never an answer.
const fetchRetryingOnce: typeof fetch = (input, init) =>
  fetch(input, init).catch((error: unknown) => {
    if (error instanceof TypeError) return fetch(input, init);
    throw error;
  });

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function readProcessId(req: Request): Promise<string | undefined> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return undefined;
  }
  const id = body && typeof body === 'object' ? (body as { process_id?: unknown }).process_id : undefined;
  return typeof id === 'string' && UUID.test(id) ? id : undefined;
}

/** api.pb_count_input's answer (the tests of the database functions read it too). */
export type CountInput = {
  process_id: string;
  rule: CountOptions['rule'];
  rule_options: Omit<CountOptions, 'rule'>;
  ballot_file: string;
  sha256: string;
  ballots: number;
};

type Started = { counted_by: string };
/** api.pb_store_result's answer. */
export type Stored = { result_id: string; sha256: string; ballots: number; counted_at: string };

/** The count of a ballot file with the process's rule and options, or the reason it cannot be counted. */
export function countBallotFile(file: string, options: CountOptions): { ok: true; result: CountResult } | { ok: false; message: string } {
  const parsed = parsePb(file);
  if (!parsed.ok) return { ok: false, message: `The ballot file could not be read: ${parsed.problems[0]?.message ?? 'unknown problem'}` };
  const election = pbToElection(parsed.value);
  if (!election.ok) return { ok: false, message: election.problems.join(' ') };
  try {
    return { ok: true, result: count(election.value.instance, election.value.profile, options) };
  } catch (error) {
    if (error instanceof PbCountError) return { ok: false, message: error.problems.join(' ') };
    throw error;
  }
}

export async function handle(req: Request, env: Env): Promise<Response> {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: CORS_HEADERS });
  if (req.method !== 'POST') return refuse(405, 'method_not_allowed', 'Send the count request as a POST.');
  const url = env('SUPABASE_URL');
  const anonKey = env('SUPABASE_ANON_KEY');
  const serviceKey = env('SUPABASE_SERVICE_ROLE_KEY');
  if (!url || !anonKey || !serviceKey) {
    return refuse(
      500,
      'not_configured',
      'The counting service is not set up: SUPABASE_URL, SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY are needed.',
    );
  }
  const authorization = req.headers.get('Authorization');
  if (!authorization) return refuse(401, 'sign_in_needed', 'Sign in to do this.');
  const processId = await readProcessId(req);
  if (!processId) return refuse(400, 'process_id_required', 'Say which process to count: {"process_id": "<uuid>"}.', 'process_id');

  const started = performance.now();
  const options = { db: { schema: 'api' }, auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } } as const;
  const asCaller = createClient(url, anonKey, {
    ...options,
    global: { headers: { Authorization: authorization }, fetch: fetchRetryingOnce },
  });
  const asService = createClient(url, serviceKey, { ...options, global: { fetch: fetchRetryingOnce } });

  const start = await asCaller.rpc('pb_start_count', { p_process_id: processId });
  if (start.error) return passOn(start.status, start.error);
  const { counted_by: countedBy } = start.data as Started;
  const checkDone = performance.now();

  const input = await asService.rpc('pb_count_input', { p_process_id: processId });
  if (input.error) return passOn(input.status, input.error);
  const read = input.data as CountInput;
  if ((await sha256Hex(read.ballot_file)) !== read.sha256) {
    return refuse(502, 'count_failed', 'The ballot file arrived damaged (its sha256 does not match). Try again.');
  }
  const readDone = performance.now();

  const counted = countBallotFile(read.ballot_file, { ...read.rule_options, rule: read.rule });
  if (!counted.ok) return refuse(422, 'count_failed', counted.message);
  const countDone = performance.now();

  const store = await asService.rpc('pb_store_result', {
    p_process_id: processId,
    p_sha256: read.sha256,
    p_result: counted.result,
    p_counted_by: countedBy,
  });
  if (store.error) return passOn(store.status, store.error);
  const stored = store.data as Stored;
  const done = performance.now();

  const ms = (x: number) => Math.round(x * 10) / 10;
  return json(200, {
    process_id: processId,
    result_id: stored.result_id,
    sha256: stored.sha256,
    ballots: stored.ballots,
    winners: counted.result.winners,
    counted_at: stored.counted_at,
    timings: {
      checking_ms: ms(checkDone - started),
      reading_ms: ms(readDone - checkDone),
      counting_ms: ms(countDone - readDone),
      storing_ms: ms(done - countDone),
      total_ms: ms(done - started),
    },
  } satisfies CountAnswer);
}
