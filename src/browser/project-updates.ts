// A project page's updates, kept current: the page was built with the approved updates the
// database had then; this asks for them again and puts in those approved since (and takes out
// any an officer has hidden since), in month order among the Markdown ones. If the API cannot be
// reached the page stays as built, which reads in full.
import type { PublishedUpdate } from '../lib/api/project-updates';
import { publicRpc } from '../lib/public-rpc.ts';
import { fromPublished, newestFirst, updateItemHtml } from '../lib/projects/timeline.ts';

const list = document.getElementById('project-updates');
const slug = list?.dataset.project;
if (list && slug) {
  publicRpc<PublishedUpdate[]>('published_project_updates', { p_project_slug: slug })
    .then((published) => {
      for (const item of list.querySelectorAll('[data-update-id]')) item.remove();
      for (const update of newestFirst(published.map(fromPublished))) {
        const template = document.createElement('template');
        template.innerHTML = updateItemHtml(update);
        const item = template.content.firstElementChild as HTMLElement;
        const month = item.dataset.month!;
        // Before the first update from an earlier month, so months stay newest first.
        const later = [...list.children].find((li) => ((li as HTMLElement).dataset.month ?? '') < month);
        list.insertBefore(item, later ?? null);
      }
    })
    .catch(() => undefined);
}
