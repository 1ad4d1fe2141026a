// Every project's summary, for the filter island to combine filters in the browser.
import type { APIRoute } from 'astro';
import { projectSummaries } from '../../lib/projects/collection';
import { sortProjects } from '../../lib/projects/listing';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(sortProjects(await projectSummaries(), 'latest')), { headers: { 'Content-Type': 'application/json' } });
