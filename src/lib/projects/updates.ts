// Where each project update lives on its project page (#update-2019-07-a-co-design-group-of-seven).
// The month and the title together, not the date alone: a project can have several updates in
// one month, and the anchor must not change when an update is added before or after it.
import { isoMonth } from '../dates.ts';

export function updateAnchor(update: { date: Date; title: string }): string {
  const words = update.title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `update-${isoMonth(update.date)}-${words}`;
}
