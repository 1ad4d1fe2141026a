// Projects from the content collection, with the facts the list and the feed need.
import { getCollection, type CollectionEntry } from 'astro:content';
import { isoDay } from '../dates.ts';
import type { ProjectSummary } from './listing.ts';

export type Project = CollectionEntry<'projects'>;

export function latestUpdate(project: Project): Date {
  return project.data.updates.reduce((latest, u) => (u.date > latest ? u.date : latest), project.data.updates[0]!.date);
}

export function summarise(project: Project): ProjectSummary {
  const { title, summary, leadArea, stage, staircaseStep } = project.data;
  return { slug: project.id, title, summary, leadArea, stage, staircaseStep, latest: isoDay(latestUpdate(project)) };
}

export async function projectSummaries(): Promise<ProjectSummary[]> {
  return (await getCollection('projects')).map(summarise);
}
