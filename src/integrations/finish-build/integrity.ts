/**
 * Checks a built site as a whole, after every page exists: every declared claim is on its
 * article's page exactly once, every internal link and fragment resolves, and no link falls
 * back to plain http:. Pure: the caller reads the files (see built-site.ts).
 */
import { scanPage, type PageScan } from './page-scan.mjs';

export interface ArticleClaims {
  /** Article id, as in its URL: articles/<slug>/. */
  slug: string;
  /** Source file, relative to the repository, for messages. */
  file: string;
  /** Claim ids declared in its frontmatter. */
  claimIds: string[];
  /** A draft (`status: draft`) must have no page in a production build. */
  draft?: boolean | undefined;
}

export interface IntegrityInput {
  /** Site base path, e.g. "/" or "/sourced/". */
  base: string;
  /** Site origin, e.g. "https://sourced.example"; absolute links to it count as internal. */
  site?: string | undefined;
  /**
   * Built HTML pages as [file path relative to the output folder, HTML], e.g.
   * "articles/x/index.html". Read once, in order; a build's pages need not all be in memory.
   */
  pages: Iterable<readonly [string, string]>;
  /** Every built file (HTML or not), relative to the output folder, with "/" separators. */
  files: ReadonlySet<string>;
  articles: readonly ArticleClaims[];
  /** Hosts known to serve no https, where an http: link is accepted. */
  httpOnlyHosts?: ReadonlySet<string>;
}

export interface IntegrityProblem {
  /** Built file the problem is on, e.g. "articles/x/index.html". */
  page: string;
  message: string;
  fix: string;
}

/** Schemes that run code or smuggle documents; never acceptable in a built page. */
const UNSAFE_SCHEMES = new Set(['javascript:', 'vbscript:']);
const NAVIGATING = new Set(['a', 'area', 'form', 'button', 'input']);
const PLACEHOLDER_ORIGIN = 'https://site.invalid';

const withSlash = (b: string) => (b.endsWith('/') ? b : `${b}/`);

/** The site path a built file is served at, e.g. "articles/x/index.html" → "/sourced/articles/x/". */
export function servedPath(file: string, base: string): string {
  return `${withSlash(base)}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The built file a site path maps to, or undefined when the path is outside the base. */
export function fileForPath(pathname: string, base: string): string | undefined {
  const b = withSlash(base);
  if (!pathname.startsWith(b)) return undefined;
  let rest: string;
  try {
    rest = decodeURIComponent(pathname.slice(b.length));
  } catch {
    rest = pathname.slice(b.length);
  }
  return rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
}

export function checkIntegrity({ pages, ...input }: IntegrityInput): IntegrityProblem[] {
  const scans = new Map<string, PageScan>();
  for (const [file, html] of pages) scans.set(file, structuredClone(scanPage(html)));
  return checkScannedSite({ ...input, pages: scans });
}

export interface ScannedSiteInput extends Omit<IntegrityInput, 'pages'> {
  /** Each built page's scan (page-scan.mjs), by file path relative to the output folder. */
  pages: ReadonlyMap<string, PageScan>;
}

/** The same check over pages already scanned, as a build does (built-site.ts scanBuiltSite). */
export function checkScannedSite(input: ScannedSiteInput): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const origin = input.site ? new URL(input.site).origin : PLACEHOLDER_ORIGIN;
  const httpOnly = input.httpOnlyHosts ?? new Set<string>();
  const parsed = input.pages;
  // Only pages that fragments point to need a set of their ids; tens of thousands do not.
  const idsOf = new Map<string, Set<string>>();
  const ids = (file: string, page: PageScan) => {
    let set = idsOf.get(file);
    if (!set) idsOf.set(file, (set = new Set(page.ids)));
    return set;
  };

  for (const article of input.articles) {
    const file = `articles/${article.slug}/index.html`;
    const page = parsed.get(file);
    if (article.draft) {
      if (page || input.files.has(file))
        problems.push({
          page: file,
          message: `${article.file} is a draft (status: draft) but the build published a page for it.`,
          fix: 'Pages must read articles through articles() in src/collections/routes.ts, which leaves drafts out.',
        });
      continue;
    }
    if (!page) {
      problems.push({
        page: file,
        message: `${article.file} has no built page (expected ${file}).`,
        fix: 'See the build log for the error that stopped the page from rendering.',
      });
      continue;
    }
    const expected = article.claimIds.map((id) => `claim-${id}`);
    const counts = new Map<string, number>();
    for (const id of page.claimMarks) counts.set(id, (counts.get(id) ?? 0) + 1);
    const missing = expected.filter((id) => !counts.has(id));
    const repeated = [...counts].filter(([id, n]) => n > 1 && expected.includes(id)).map(([id]) => id);
    const extra = [...counts.keys()].filter((id) => !expected.includes(id));
    if (page.claimMarks.length !== expected.length || missing.length || repeated.length || extra.length) {
      const detail = [
        missing.length ? `missing ${missing.join(', ')}` : '',
        repeated.length ? `repeated ${repeated.join(', ')}` : '',
        extra.length ? `unexpected ${extra.map((id) => id || '(no id)').join(', ')}` : '',
      ].filter(Boolean);
      problems.push({
        page: file,
        message: `${article.file} declares ${expected.length} claim${expected.length === 1 ? '' : 's'} but its page has ${page.claimMarks.length} mark.claim element${page.claimMarks.length === 1 ? '' : 's'}${detail.length ? ` (${detail.join('; ')})` : ''}.`,
        fix: 'Every claim must be marked once in the body as :claim[…]{#id}; if the source is right, a plugin or layout dropped or duplicated a mark.',
      });
    }
  }

  for (const [file, page] of parsed) {
    const pageUrl = new URL(servedPath(file, input.base), origin);
    for (const link of page.links) {
      const where = `<${link.element} ${link.attribute}="${link.value}">`;
      let target: URL;
      try {
        target = new URL(link.value, pageUrl);
      } catch {
        problems.push({ page: file, message: `${where} is not a valid URL.`, fix: 'Correct the address.' });
        continue;
      }
      if (UNSAFE_SCHEMES.has(target.protocol) || (target.protocol === 'data:' && NAVIGATING.has(link.element))) {
        problems.push({
          page: file,
          message: `${where} uses the ${target.protocol} scheme, which can run code.`,
          fix: 'Link to an http(s) address instead.',
        });
        continue;
      }
      if (target.protocol === 'http:' && target.origin !== origin) {
        if (!httpOnly.has(target.hostname.toLowerCase())) {
          problems.push({
            page: file,
            message: `${where} uses plain http:.`,
            fix: `Use https://${target.host}${target.pathname}${target.search}${target.hash} if the host serves it; if it does not, add "${target.hostname}" to content/http-only-hosts.txt.`,
          });
        }
        continue;
      }
      if (target.origin !== origin) continue;
      const targetFile = fileForPath(target.pathname, input.base);
      if (targetFile === undefined) {
        problems.push({
          page: file,
          message: `${where} points outside the site's base path ${withSlash(input.base)}.`,
          fix: 'Build the address with url() from src/lib/urls.ts (or import.meta.env.BASE_URL) instead of a leading "/".',
        });
        continue;
      }
      if (!input.files.has(targetFile)) {
        problems.push({
          page: file,
          message: `${where} points to ${target.pathname}, which is not in the build (no ${targetFile}).`,
          fix: targetFile.endsWith('index.html')
            ? 'Correct the address, or create the page it names.'
            : 'Correct the address (pages end with "/"), or add the file.',
        });
        continue;
      }
      const fragment = target.hash.slice(1);
      if (!fragment || !targetFile.endsWith('.html')) continue;
      let id = fragment;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        // A malformed escape is checked as written.
      }
      const targetPage = parsed.get(targetFile);
      if (targetPage && !ids(targetFile, targetPage).has(id)) {
        problems.push({
          page: file,
          message: `${where} points to #${id}, but ${targetFile === file ? 'this page' : targetFile} has no element with that id.`,
          fix: 'Correct the fragment, or give the target element that id.',
        });
      }
    }
  }
  return problems;
}

export function formatIntegrityProblems(problems: readonly IntegrityProblem[]): string {
  const n = problems.length;
  return (
    `Integrity check of the built site failed with ${n} problem${n === 1 ? '' : 's'}:\n\n` +
    problems.map((p) => `${p.page}: ${p.message}\n    Fix: ${p.fix}`).join('\n\n')
  );
}
