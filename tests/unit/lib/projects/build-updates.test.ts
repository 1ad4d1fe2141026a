// The build reads approved updates from the database when it can, and goes on without them
// (saying why) when it cannot: a build must never fail because the API is down.
import { describe, expect, it, vi } from 'vitest';
import { fetchApprovedUpdates } from '../../../../src/lib/projects/build-updates.ts';

const published = [
  {
    id: '7f0c1a52-0000-4000-8000-000000000001',
    project_slug: 'community-transport',
    project_title: 'Community Transport',
    month: '2026-11-01',
    title: 'Riders chose the routes',
    text: 'Twelve riders came.',
    we_asked: null,
    you_said: 'Tuesday matters most.',
    we_did: null,
    next: 'Another meeting.',
    approved_at: '2026-12-01T10:00:00Z',
  },
];

describe('fetchApprovedUpdates', () => {
  it('asks api.published_project_updates with the anon key and gives updates in the Markdown shape', async () => {
    const fetchFn = vi.fn(async () => new Response(JSON.stringify(published), { status: 200 }));
    const updates = await fetchApprovedUpdates('http://api.test', 'anon-key', fetchFn as unknown as typeof fetch, vi.fn());
    expect(fetchFn).toHaveBeenCalledWith(
      'http://api.test/rest/v1/rpc/published_project_updates',
      expect.objectContaining({ method: 'POST' }),
    );
    expect(updates).toEqual([
      {
        id: published[0]!.id,
        projectSlug: 'community-transport',
        projectTitle: 'Community Transport',
        date: new Date('2026-11-01T00:00:00Z'),
        title: 'Riders chose the routes',
        text: 'Twelve riders came.',
        weAsked: undefined,
        youSaid: 'Tuesday matters most.',
        weDid: undefined,
        next: 'Another meeting.',
      },
    ]);
  });

  it('gives none, with a warning, when the API answers an error, cannot be reached, or is not set', async () => {
    for (const fetchFn of [async () => new Response('{}', { status: 503 }), async () => Promise.reject(new Error('ECONNREFUSED'))]) {
      const warn = vi.fn();
      expect(await fetchApprovedUpdates('http://api.test', 'k', fetchFn as unknown as typeof fetch, warn)).toEqual([]);
      expect(warn).toHaveBeenCalledOnce();
    }
    const warn = vi.fn();
    expect(await fetchApprovedUpdates(undefined, undefined, vi.fn() as unknown as typeof fetch, warn)).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
  });
});
