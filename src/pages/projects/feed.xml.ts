// /projects/feed.xml: the latest project updates as an Atom feed: the Markdown ones and those
// leads wrote online that officers approved before this build.
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { atomFeed } from '../../lib/projects/atom';
import { approvedUpdatesAtBuild } from '../../lib/projects/build-updates';

export const GET: APIRoute = async ({ site }) => {
  const projects = await getCollection('projects');
  const updates = [
    ...projects.flatMap((p) => p.data.updates.map((u) => ({ ...u, projectSlug: p.id, projectTitle: p.data.title }))),
    ...(await approvedUpdatesAtBuild()),
  ];
  return new Response(atomFeed(updates, site ?? new URL('http://localhost:4321')), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
