// The rpc call every island makes (src/lib/supabase-rest.ts), in place of postgrest-js: the same
// request, and the same answer's shape, which api-call.ts reads (status 0 = never arrived).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeProblem } from '../../../src/lib/api-call.ts';
import { restClient } from '../../../src/lib/supabase-rest.ts';

const URL = 'http://api.test';
type Sent = { url: string; method: string; headers: Headers; body?: string };

function answer(status: number, body: string) {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (input: URL | string, init: RequestInit) => {
    sent.push({ url: String(input), method: init.method!, headers: new Headers(init.headers), body: init.body as string | undefined });
    return new Response(body === '' ? null : body, { status, statusText: status === 200 ? 'OK' : 'Conflict' });
  });
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe('an rpc call', () => {
  it('POSTs the arguments to schema api, signed with the person’s token and the anon key', async () => {
    const sent = answer(200, '{"ok":true}');
    const rest = restClient(URL, 'anon-key', async () => 'person-token');
    expect(await rest.rpc('pb_cast_ballot', { p_ids: ['a', 'b'] })).toEqual({
      data: { ok: true },
      error: null,
      status: 200,
      statusText: 'OK',
    });
    expect(sent[0]).toMatchObject({ url: `${URL}/rest/v1/rpc/pb_cast_ballot`, method: 'POST', body: '{"p_ids":["a","b"]}' });
    expect(sent[0]!.headers.get('Content-Profile')).toBe('api');
    expect(sent[0]!.headers.get('Content-Type')).toBe('application/json');
    expect(sent[0]!.headers.get('apikey')).toBe('anon-key');
    expect(sent[0]!.headers.get('Authorization')).toBe('Bearer person-token');
  });

  it('sends the anon key as the bearer when nobody is signed in', async () => {
    const sent = answer(200, 'null');
    await restClient(URL, 'anon-key', async () => null).rpc('pb_process', { p_slug: 'x' });
    expect(sent[0]!.headers.get('Authorization')).toBe('Bearer anon-key');
  });

  it('answers null for an empty body', async () => {
    answer(204, '');
    expect(await restClient(URL, 'k', async () => null).rpc('f')).toMatchObject({ data: null, error: null, status: 204 });
  });

  it('gives a refusal back as PostgREST sent it, keyed detail and all', async () => {
    answer(409, '{"code":"P0001","message":"Over budget.","details":"{\\"key\\":\\"over_budget\\"}","hint":null}');
    const result = await restClient(URL, 'k', async () => null).rpc('pb_cast_ballot');
    expect(result).toMatchObject({ data: null, status: 409, error: { code: 'P0001', message: 'Over budget.' } });
    expect(describeProblem(result.status, result.error)).toMatchObject({ key: 'over_budget', offline: false });
  });

  it('takes a body that is not JSON as the message', async () => {
    answer(502, 'Bad gateway');
    expect(await restClient(URL, 'k', async () => null).rpc('f')).toMatchObject({ status: 502, error: { message: 'Bad gateway' } });
  });

  it('says status 0 when the request never got an answer, which api-call.ts calls offline', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const result = await restClient(URL, 'k', async () => null).rpc('f');
    expect(result).toMatchObject({ data: null, status: 0, error: { message: 'TypeError: Failed to fetch' } });
    expect(describeProblem(result.status, result.error).offline).toBe(true);
  });

  it('with get, sends the arguments in the query string as postgrest-js does (arrays as {a,b})', async () => {
    const sent = answer(200, '1');
    await restClient(URL, 'k', async () => null).rpc('test_echo', { p_value: '{"a":1}', p_ids: [2, 3], p_none: undefined }, { get: true });
    const url = new globalThis.URL(sent[0]!.url);
    expect(sent[0]).toMatchObject({ method: 'GET', body: undefined });
    expect([...url.searchParams]).toEqual([
      ['p_value', '{"a":1}'],
      ['p_ids', '{2,3}'],
    ]);
    expect(sent[0]!.headers.get('Accept-Profile')).toBe('api');
  });
});
