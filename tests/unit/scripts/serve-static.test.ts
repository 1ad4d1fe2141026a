import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../../scripts/serve-static.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'wt-static-'));
  await mkdir(join(dir, 'about'));
  await writeFile(join(dir, 'index.html'), 'home');
  await writeFile(join(dir, 'about', 'index.html'), 'about');
  await writeFile(join(dir, '404.html'), 'not found page');
  server = await serveStatic(dir, 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the static server for the built site', () => {
  it('serves folders through index.html', async () => {
    const res = await fetch(`${base}/about/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('about');
    expect(res.headers.get('content-type')).toContain('text/html');
  });

  it('redirects a folder without its slash', async () => {
    const res = await fetch(`${base}/about`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/about/');
  });

  it('answers the site 404 page for missing paths', async () => {
    const res = await fetch(`${base}/missing/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('not found page');
  });

  it('never serves files outside the folder', async () => {
    const res = await fetch(`${base}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('not found page');
  });

  it('gzips text for a browser that asks, and only then', async () => {
    const { request } = await import('node:http');
    const encodingOf = (acceptEncoding?: string) =>
      new Promise<string | undefined>((ok, fail) => {
        request(`${base}/about/`, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} }, (res) => {
          res.resume();
          ok(res.headers['content-encoding']);
        })
          .on('error', fail)
          .end();
      });
    expect(await encodingOf('gzip, deflate, br')).toBe('gzip');
    expect(await encodingOf()).toBeUndefined();
    expect(await (await fetch(`${base}/about/`)).text()).toBe('about'); // fetch asks for gzip and unpacks it
  });

  it('treats a broken %-escape as a missing page, not an error', async () => {
    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(404);
  });
});
