// Which festival edition is "current": the next one to happen, or if none is planned, the latest.
import { getCollection, type CollectionEntry } from 'astro:content';

export type Edition = CollectionEntry<'festival'>;

export function isPast(edition: Edition, today = new Date()): boolean {
  return (edition.data.endDate ?? edition.data.date).getTime() < today.getTime() - 86_400_000;
}

export async function festivalEditions(): Promise<{ current: Edition | undefined; others: Edition[] }> {
  const all = (await getCollection('festival')).sort((a, b) => a.data.date.getTime() - b.data.date.getTime());
  const festivals = all.filter((e) => e.data.kind === 'festival');
  const current = festivals.find((e) => !isPast(e)) ?? festivals.at(-1);
  return { current, others: all.filter((e) => e !== current).reverse() };
}
