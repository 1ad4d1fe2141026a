// The tree's leaves as a plain list: what the picture shows, for screen readers and small screens.
// Built as text for the page script on /tree/ (no React there: the page's weight budget).
import type { TreeLeaf } from '../api/tree';
import { escapeHtml } from '../html.ts';

export function leafListHtml(leaves: TreeLeaf[]): string {
  if (leaves.length === 0) {
    return '<p class="govuk-body">There are no leaves on the tree yet. Be the first to add one.</p>';
  }
  const items = leaves
    .map((l) => {
      const who = l.who ? `<p class="govuk-body-s"><strong>Who was involved:</strong> ${escapeHtml(l.who)}</p>` : '';
      return (
        `<li class="wt-tree__leaf" id="leaf-${escapeHtml(l.id)}"><h3 class="govuk-heading-s">${escapeHtml(l.what)}</h3>${who}` +
        `<p class="govuk-body-s"><strong>What changed:</strong> ${escapeHtml(l.what_changed)}</p>` +
        `<p class="govuk-body-s wt-tree__from">From ${l.name ? escapeHtml(l.name) : 'someone who did not give their name'}</p></li>`
      );
    })
    .join('');
  const count = leaves.length === 1 ? '1 leaf' : `${leaves.length} leaves`;
  return `<p class="govuk-body">The tree has ${count}.</p><ol class="govuk-list wt-tree__leaves">${items}</ol>`;
}
