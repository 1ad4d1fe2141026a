// The site's main sections, shared by the header and the footer.
export interface NavItem {
  href: string;
  label: string;
}

/** One step of a breadcrumb trail. */
export type Crumb = NavItem;

export const mainNavigation: NavItem[] = [
  { href: '/projects/', label: 'Projects' },
  { href: '/case-studies/', label: 'Case studies' },
  { href: '/festival/', label: 'Festival' },
  { href: '/what-is-co-production/', label: 'What is co-production?' },
  { href: '/get-involved/', label: 'Get involved' },
  { href: '/grants/', label: 'Grants' },
  { href: '/budgeting/', label: 'Have your say on spending' },
  { href: '/search/', label: 'Search' },
];

export const footerLinks: NavItem[] = [
  { href: '/accessibility-statement/', label: 'Accessibility statement' },
  { href: '/privacy/', label: 'Privacy' },
  { href: '/contact/', label: 'Contact us' },
  { href: '/glossary/', label: 'Hard words explained' },
  { href: '/easy-read/home/', label: 'Easy read' },
  { href: '/site-map/', label: 'Site map' },
];

/** The nav item a path belongs to, so the header can mark it as the current section. */
export function currentSection(pathname: string): string | undefined {
  return mainNavigation.find((item) => pathname === item.href || pathname.startsWith(item.href))?.href;
}
