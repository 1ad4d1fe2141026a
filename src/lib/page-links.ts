// Where a page sits (breadcrumbs) and its other version (easy read ↔ standard).
import type { Crumb } from './navigation';

interface PageLike {
  id: string;
  data: { section?: string; easyRead?: boolean; standardVersion?: string; easyReadVersion?: string };
}

const SECTIONS: Record<string, Crumb> = {
  about: { href: '/what-is-co-production/', label: 'What is co-production?' },
  'get-involved': { href: '/get-involved/', label: 'Get involved' },
};

/**
 * Standard pages made by their own .astro file rather than the pages collection, by the web name
 * an easy-read page gives as its standardVersion. The content check accepts these names too.
 */
export const BUILT_PAGES = ['home', 'festival', 'budgeting', 'budgeting/how-votes-are-counted'];

/** The URL of a page by its slug; "home" is the home page. */
export const pageUrl = (slug: string) => (slug === 'home' ? '/' : `/${slug}/`);

export function breadcrumbsFor(page: PageLike): Crumb[] {
  if (page.data.easyRead) return page.id === 'easy-read/home' ? [] : [{ href: '/easy-read/home/', label: 'Easy read' }];
  const section = page.data.section ? SECTIONS[page.data.section] : undefined;
  return section && section.href !== pageUrl(page.id) ? [section] : [];
}

export function alternateLink(data: PageLike['data']): { href: string; label: string } | undefined {
  if (data.easyReadVersion) return { href: pageUrl(data.easyReadVersion), label: 'Read this page in easy read' };
  if (data.standardVersion) return { href: pageUrl(data.standardVersion), label: 'Read the standard version of this page' };
  return undefined;
}
