/**
 * Checks a built site as a whole, after every page exists: every declared claim is on its
 * article's page exactly once, every internal link and fragment resolves, and no link falls
 * back to plain http:. Pure: the caller reads the files (see integrity-files.ts).
 */
import { Parser } from 'htmlparser2';
import { detached } from './detached-string';

export interface ArticleClaims {
  /** Article id, as in its URL: articles/<slug>/. */
  slug: string;
  /** Source file, relative to the repository, for messages. */
  file: string;
  /** Claim ids declared in its frontmatter. */
  claimIds: string[];
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

/** Attributes that hold a URL the browser follows or loads. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'cite'] as const;
/** Schemes that run code or smuggle documents; never acceptable in a built page. */
const UNSAFE_SCHEMES = new Set(['javascript:', 'vbscript:']);
const NAVIGATING = new Set(['a', 'area', 'form', 'button', 'input']);
const PLACEHOLDER_ORIGIN = 'https://site.invalid';

const withSlash = (b: string) => (b.endsWith('/') ? b : `${b}/`);

interface ParsedPage {
  ids: Set<string>;
  claimMarks: string[];
  links: { element: string; attribute: string; value: string }[];
}

/**
 * Reads the ids, claim marks and links of a page. A streaming tokenizer rather than a full tree:
 * this runs over every built page, tens of thousands at scale (docs/performance.md). Every
 * page's results are kept until all are read, so a link is kept once a page, and the same
 * address on many pages (navigation, methodology, glossary) shares one string through `intern`.
 */
function parsePage(html: string, intern: Map<string, string>): ParsedPage {
  const ids = new Set<string>();
  const claimMarks: string[] = [];
  const links: ParsedPage['links'] = [];
  const seen = new Set<string>();
  const shared = (s: string): string => {
    const known = intern.get(s);
    if (known !== undefined) return known;
    const own = detached(s);
    intern.set(own, own);
    return own;
  };
  const link = (element: string, attribute: string, value: string) => {
    const key = `${attribute}=${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    links.push({ element: shared(element), attribute: shared(attribute), value: shared(value) });
  };
  const parser = new Parser(
    {
      onopentag(element, attrs) {
        const id = attrs['id'] === undefined ? undefined : detached(attrs['id']);
        if (id) ids.add(id);
        if (element === 'a' && attrs['name'] !== undefined) ids.add(detached(attrs['name']));
        if (element === 'mark' && (attrs['class'] ?? '').split(/\s+/).includes('claim')) claimMarks.push(id ?? '');
        for (const attribute of URL_ATTRIBUTES) {
          const v = attrs[attribute]?.trim();
          if (v) link(element, attribute, v);
        }
        for (const candidate of (attrs['srcset'] ?? '').split(',')) {
          const u = candidate.trim().split(/\s+/)[0];
          if (u) link(element, 'srcset', u);
        }
        // Link previews (og:image, og:url) are fetched by other sites; they must resolve too.
        const property = attrs['property'] ?? attrs['name'] ?? '';
        const content = attrs['content'];
        if (element === 'meta' && /^(og|twitter):/.test(property) && content && /^https?:\/\//.test(content)) {
          link('meta', property, content);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { ids, claimMarks, links };
}

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

export function checkIntegrity(input: IntegrityInput): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const origin = input.site ? new URL(input.site).origin : PLACEHOLDER_ORIGIN;
  const httpOnly = input.httpOnlyHosts ?? new Set<string>();
  const parsed = new Map<string, ParsedPage>();
  const intern = new Map<string, string>();
  for (const [file, html] of input.pages) parsed.set(file, parsePage(html, intern));
  intern.clear();

  for (const article of input.articles) {
    const file = `articles/${article.slug}/index.html`;
    const page = parsed.get(file);
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
      if (targetPage && !targetPage.ids.has(id)) {
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
