/**
 * Which site navigation link stands for the page being read, for aria-current: "page" on the
 * link's own page, "true" on a page inside its section (a glossary entry under Glossary, an
 * article under Articles).
 */
export interface NavLink {
  label: string;
  href: string;
  /** Path prefix of the pages in the link's section, if it has any beyond its own page. */
  section?: string | undefined;
}

export function navCurrent(pathname: string, link: NavLink): 'page' | 'true' | undefined {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  if (path === link.href) return 'page';
  if (link.section && path.startsWith(link.section)) return 'true';
  return undefined;
}
