// The PostgREST half of the API client and the fetch that signs each request as supabase-js does:
// the anon key as `apikey`, the person's access token (or, signed out, the anon key) as the
// bearer. Kept apart from Auth so a page that only calls functions need not load auth-js before
// the person can act (src/lib/auth/session-token.ts).
//
// Every call the app makes is an rpc to a function in schema `api` (tables are private), so this
// is that one request, answered in postgrest-js's shape ({data, error, status, statusText}, status
// 0 when the request never arrived) rather than postgrest-js itself, whose query builder is 5 kB
// gzipped of the ballot page's budget for calls it never makes.

/** The access token to send, or null to send the anon key (nobody signed in). */
export type TokenSource = () => Promise<string | null>;

export function signedFetch(anonKey: string, token: TokenSource): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (!headers.has('apikey')) headers.set('apikey', anonKey);
    if (!headers.has('Authorization')) headers.set('Authorization', `Bearer ${(await token()) ?? anonKey}`);
    return fetch(input, { ...init, headers });
  };
}

/** PostgREST's error body (or, for a body that is not JSON, its text as the message). */
export type RpcError = { message: string; code?: string; details?: string | null; hint?: string | null };

// `any` by default, as postgrest-js without generated types: each function's result type is
// declared once, in its typed wrapper (src/lib/api/*.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RpcResponse<T = any> = { data: T | null; error: RpcError | null; status: number; statusText: string };

const parse = (body: string): unknown => (body === '' ? null : JSON.parse(body));

export function restClient(url: string, anonKey: string, token: TokenSource) {
  const send = signedFetch(anonKey, token);
  return {
    /**
     * POST /rest/v1/rpc/<fn> in schema api, as postgrest-js's rpc() sends it; with `get`, a GET
     * with the arguments in the query string (arrays as {a,b}), for a stable function.
     */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see RpcResponse
    async rpc<T = any>(fn: string, args: Record<string, unknown> = {}, { get = false } = {}): Promise<RpcResponse<T>> {
      try {
        const target = new URL(`${url}/rest/v1/rpc/${fn}`);
        if (get) {
          for (const [name, value] of Object.entries(args)) {
            if (value !== undefined) target.searchParams.append(name, Array.isArray(value) ? `{${value.join(',')}}` : `${value}`);
          }
        }
        const response = await send(
          target,
          get
            ? { method: 'GET', headers: { 'Accept-Profile': 'api' } }
            : { method: 'POST', headers: { 'Content-Profile': 'api', 'Content-Type': 'application/json' }, body: JSON.stringify(args) },
        );
        const { status, statusText } = response;
        const body = await response.text();
        let data: unknown = null;
        let error: RpcError | null = null;
        try {
          if (response.ok) data = parse(body);
          else error = parse(body) as RpcError | null;
        } catch {
          error = { message: body };
        }
        if (!response.ok && !error) error = { message: statusText };
        return { data: data as T | null, error, status, statusText };
      } catch (thrown) {
        // As postgrest-js: a request that never got an answer has status 0 (api-call.ts: offline).
        const e = thrown as { name?: string; message?: string; stack?: string } | undefined;
        return {
          data: null,
          error: { message: `${e?.name ?? 'FetchError'}: ${e?.message}`, details: e?.stack ?? '', hint: '', code: '' },
          status: 0,
          statusText: '',
        };
      }
    },
  };
}

export type RestClient = ReturnType<typeof restClient>;
