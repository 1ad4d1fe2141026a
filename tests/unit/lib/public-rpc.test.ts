// The anonymous fetch-only call public page scripts use gives the same data-or-problem result as
// the signed-in client: refusal keys kept, a dropped connection named, a server fault in plain words.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publicApi, publicRpc } from '../../../src/lib/public-rpc.ts';

const reply = (status: number, body: unknown) =>
  vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));

afterEach(() => vi.unstubAllGlobals());

describe('publicApi', () => {
  it('returns the data of a successful call, sending the arguments as JSON with the anon key', async () => {
    const fetch = reply(200, { id: 'p1' });
    vi.stubGlobal('fetch', fetch);
    expect(await publicApi('pb_process', { p_slug: 'x' })).toEqual({ ok: true, data: { id: 'p1' } });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toMatch(/\/rest\/v1\/rpc\/pb_process$/);
    expect(JSON.parse(init.body as string)).toEqual({ p_slug: 'x' });
    expect((init.headers as Record<string, string>).Authorization).toMatch(/^Bearer /);
  });

  it("keeps the database's refusal key and facts", async () => {
    vi.stubGlobal(
      'fetch',
      reply(400, { code: 'P0001', message: 'Not published', details: '{"key":"pb_not_published","field":"process"}' }),
    );
    const r = await publicApi('pb_result', { p_process_id: 'x' });
    expect(r).toMatchObject({ ok: false, status: 400, key: 'pb_not_published', field: 'process', offline: false });
  });

  it('names a dropped connection as offline, and promises only what the form keeps', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const r = await publicApi('pb_result', {}, 'form');
    expect(r).toMatchObject({ ok: false, offline: true });
    expect(r.ok ? '' : r.message).toMatch(/still in the form/);
  });

  it('answers a server fault that is not JSON in plain words', async () => {
    vi.stubGlobal('fetch', reply(502, '<html>Bad gateway</html>'));
    const r = await publicApi('pb_result', {});
    expect(r).toMatchObject({ ok: false, status: 502, offline: false });
    expect(r.ok ? '' : r.message).toMatch(/went wrong on our side/);
  });
});

describe('publicRpc', () => {
  it('throws on a refusal, for lists a page leaves out when they fail', async () => {
    vi.stubGlobal('fetch', reply(404, { message: 'no' }));
    await expect(publicRpc('open_rounds')).rejects.toThrow('404');
  });
});
