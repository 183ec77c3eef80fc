/**
 * Cuts an article's claims page into one page per claim.
 *
 * Rendering every claim's share page through Astro costs about a millisecond each, 25 an
 * article: more than a whole build's budget at a thousand articles (docs/performance.md). The
 * claims page renders them all once, each claim that has a page of its own (claimPages) inside
 * `<article data-claim-page="<id>" …>` with its preview title, description and address
 * (ClaimSummary.astro). A claim's page is a lean document: the head's preview tags (PAGE_TAGS,
 * which Base.astro writes) set to the claim's, and in <body> only <main> with the claim's
 * article, its heading (the article's own h2) promoted to the page's h1. The site's header and footer,
 * and the head tags that repeat what Open Graph or the structured data say (LEFT_OUT), are dropped:
 * they are most of a small page's bytes, and hosts count every byte and file. The stylesheet
 * and the share script (a file of its own, astro.config.mjs) stay as they are; the policy keeps
 * only the hashes of inline code the page still has (narrowPolicy).
 *
 * htmlparser2 finds the elements and their positions; the page is then cut at those positions,
 * so nothing is re-serialised. Attribute values are kept as the page has them, already escaped.
 */
import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';
import { applyEdits, inPageOrder, type Edit } from '../../lib/html-edits';
import { SITE_NAME } from '../../lib/site';

export interface ClaimPage {
  id: string;
  html: string;
}

/** What a claim page changes in the head: each tag Base.astro writes, found by its identity. */
const PAGE_TAGS = [
  { what: 'description', tag: 'meta', key: 'name', value: 'description', attr: 'content', field: 'description' },
  { what: 'canonical link', tag: 'link', key: 'rel', value: 'canonical', attr: 'href', field: 'url' },
  { what: 'og:title', tag: 'meta', key: 'property', value: 'og:title', attr: 'content', field: 'title' },
  {
    what: 'og:description',
    tag: 'meta',
    key: 'property',
    value: 'og:description',
    attr: 'content',
    field: 'description',
  },
  { what: 'og:url', tag: 'meta', key: 'property', value: 'og:url', attr: 'content', field: 'url' },
] as const;

/**
 * What a claim page leaves out of the head: the Twitter tags that repeat Open Graph ones, for
 * which X reads og:title, og:description, og:image and og:image:alt (twitter:card stays, as X
 * has no Open Graph tag for the card's kind); the article's dates, which the page's ClaimReview
 * states (datePublished, dateModified) and which Open Graph makes optional; and the image's
 * type, optional too and said by the image's own address (og.png) and Content-Type. The feed
 * links stay: every page lets a reader find the feeds.
 */
const LEFT_OUT = [
  { tag: 'meta', key: 'name', value: 'twitter:title' },
  { tag: 'meta', key: 'name', value: 'twitter:description' },
  { tag: 'meta', key: 'name', value: 'twitter:image' },
  { tag: 'meta', key: 'name', value: 'twitter:image:alt' },
  { tag: 'meta', key: 'property', value: 'article:published_time' },
  { tag: 'meta', key: 'property', value: 'article:modified_time' },
  { tag: 'meta', key: 'property', value: 'og:image:type' },
] as const;

/** Script types a browser runs; a policy's hashes matter only for these (JSON-LD is data). */
const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript']);
/** The directives whose hashes allow inline code; a claim page keeps only the hashes it uses. */
const HASHED = new Set(['script-src', 'style-src']);

type Field = 'title' | 'description' | 'url';
const DATA_ATTRIBUTE: Record<Field, string> = {
  title: 'data-page-title',
  description: 'data-page-description',
  url: 'data-page-url',
};

interface Node {
  name: string;
  /** Raw attribute values, as written in the page (entities not decoded). */
  attribs: Record<string, string>;
  parent: Node | undefined;
  /** Offsets: the start tag's "<" and one past its ">"; the end tag's "<" and one past its ">". */
  start: number;
  openEnd: number;
  closeStart?: number;
  end?: number;
}

/** Every element of the page with its offsets. Void elements have no end tag offsets. */
function elements(html: string): Node[] {
  const all: Node[] = [];
  const open: Node[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const node: Node = {
          name,
          attribs,
          parent: open.at(-1),
          start: parser.startIndex,
          openEnd: parser.endIndex + 1,
        };
        all.push(node);
        open.push(node);
      },
      onclosetag(_name, implied) {
        const node = open.pop();
        if (node && !implied) {
          node.closeStart = parser.startIndex;
          node.end = parser.endIndex + 1;
        }
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
  return all;
}

const inside = (node: Node, ancestor: Node): boolean => {
  for (let p = node.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
};
const hasClass = (node: Node, name: string) => (node.attribs['class'] ?? '').split(/\s+/).includes(name);

/** The edit that sets one attribute of a start tag to `value`, found by its exact raw text. */
function setAttribute(html: string, node: Node, attr: string, value: string, what: string): Edit {
  const raw = ` ${attr}="${node.attribs[attr] ?? ''}"`;
  const at = html.slice(node.start, node.openEnd).indexOf(raw);
  if (node.attribs[attr] === undefined || at < 0)
    throw new Error(`The claims page's ${what} has no double-quoted ${attr} attribute to set.`);
  const start = node.start + at + ` ${attr}="`.length;
  return { start, end: start + node.attribs[attr].length, text: value };
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The policy with only the hashes of `inline` (the inline scripts and styles a page has) in
 * script-src and style-src. Astro writes every hash of the whole site into every page; a claim
 * page has few or no inline scripts, so the rest only weigh on it and allow code it never runs.
 * Directives and other sources stay as written, so the site's header policy is unchanged.
 */
export function narrowPolicy(policy: string, inline: ReadonlySet<string>): string {
  return policy
    .split(';')
    .map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      if (!name || !HASHED.has(name.toLowerCase())) return part;
      const kept = sources.filter((s) => !/^'sha(256|384|512)-/.test(s) || inline.has(s));
      return `${part.slice(0, part.length - part.trimStart().length)}${[name, ...kept].join(' ')}`;
    })
    .join(';');
}

/** The edit that removes one attribute (and the space before it) from a start tag. */
function removeAttribute(html: string, node: Node, attr: string): Edit {
  const { start, end } = setAttribute(html, node, attr, '', attr);
  return { start: start - ` ${attr}="`.length, end: end + 1, text: '' };
}

/** The claim pages in `html` (a built claims page). */
export function claimPagesFrom(html: string): ClaimPage[] {
  return cutClaimsPage(html).pages;
}

export interface ClaimsPageCut {
  /** Each claim's own page. */
  pages: ClaimPage[];
  /**
   * The claims page as it ships: without the element marked data-claim-sources, the full
   * summaries the pages were cut from, which would otherwise be a second copy of every claim,
   * and with only the policy hashes of the inline code it keeps.
   */
  claimsPage: string;
}

/** Cuts the claim pages from a built claims page, and the claims page without their sources. */
export function cutClaimsPage(html: string): ClaimsPageCut {
  const all = elements(html);
  const head = all.find((n) => n.name === 'head');
  const body = all.find((n) => n.name === 'body');
  const main = body && all.find((n) => n.name === 'main' && inside(n, body));
  if (!head || !body || !main || main.closeStart === undefined)
    throw new Error('The claims page has no <main> element.');
  const inHead = all.filter((n) => inside(n, head));
  const title = inHead.find((n) => n.name === 'title');
  if (!title || title.closeStart === undefined) throw new Error('The claims page has no <title> to set.');
  const tags = PAGE_TAGS.map((t) => {
    const node = inHead.find((n) => n.name === t.tag && n.attribs[t.key] === t.value);
    if (!node) throw new Error(`The claims page has no ${t.what} to set.`);
    return { ...t, node };
  });
  const code = (n: Node) =>
    n.closeStart !== undefined &&
    ((n.name === 'script' &&
      n.attribs['src'] === undefined &&
      EXECUTABLE.has((n.attribs['type'] ?? '').toLowerCase())) ||
      n.name === 'style');
  const hashOf = (n: Node) => sha256(html.slice(n.openEnd, n.closeStart));
  const headCode = inHead.filter(code).map(hashOf);
  const policy = inHead.find(
    (n) => n.name === 'meta' && (n.attribs['http-equiv'] ?? '').toLowerCase() === 'content-security-policy',
  );
  const dropped: Edit[] = inHead
    .filter((n) => LEFT_OUT.some((t) => n.name === t.tag && n.attribs[t.key] === t.value))
    .map((n) => ({ start: n.start, end: n.end ?? n.openEnd, text: '' }));

  const pages: ClaimPage[] = [];
  const sources = all.filter((n) => n.attribs['data-claim-sources'] !== undefined && inside(n, main));
  for (const article of all.filter((n) => n.name === 'article' && inside(n, main))) {
    const id = article.attribs['data-claim-page'];
    if (id === undefined) continue;
    if (article.end === undefined) throw new Error(`The claim "${id}" on the claims page has no closing </article>.`);
    const fields = Object.fromEntries(
      (Object.entries(DATA_ATTRIBUTE) as [Field, string][]).map(([field, attr]) => {
        const v = article.attribs[attr];
        if (v === undefined) throw new Error(`The claim "${id}" on the claims page has no ${attr}.`);
        return [field, v];
      }),
    ) as Record<Field, string>;

    const within = all.filter((n) => inside(n, article));
    const inline = new Set([...headCode, ...within.filter(code).map(hashOf)]);
    const headEdits: Edit[] = [
      { start: title.openEnd, end: title.closeStart, text: `${fields.title} · ${SITE_NAME}` },
      ...tags.map((t) => setAttribute(html, t.node, t.attr, fields[t.field], t.what)),
      ...(policy
        ? [setAttribute(html, policy, 'content', narrowPolicy(policy.attribs['content'] ?? '', inline), 'policy')]
        : []),
      ...dropped,
    ];
    // The claim's heading (the article's own h2) becomes the page's h1, and its sections'
    // headings (each section's own h3) move up a level with it, so the outline skips none. They
    // are found by their place, as they carry no class (ClaimSummary.astro).
    const promote = (node: Node, to: string): Edit[] =>
      node.closeStart === undefined
        ? []
        : [
            { start: node.start + 1, end: node.start + 3, text: to },
            { start: node.closeStart + 2, end: node.closeStart + 4, text: to },
          ];
    const heading = within.find((n) => n.name === 'h2' && n.parent === article);
    const sectionHeadings = within.filter(
      (n) => n.name === 'h3' && n.parent?.name === 'section' && n.parent.parent === article,
    );
    // The preview fields and the claim's id were for this cut; the page says them in its head.
    // The share link's title is the page's own (ShareClaim.astro falls back to document.title).
    const shareTitles = within.filter(
      (n) => n.name === 'a' && hasClass(n, 'claim-share') && n.attribs['data-title'] !== undefined,
    );
    const articleEdits: Edit[] = [
      ...[...Object.values(DATA_ATTRIBUTE), 'data-claim-page'].map((attr) => removeAttribute(html, article, attr)),
      ...shareTitles.map((n) => removeAttribute(html, n, 'data-title')),
      ...(heading ? promote(heading, 'h1') : []),
      ...sectionHeadings.flatMap((n) => promote(n, 'h2')),
    ];
    pages.push({
      id,
      // Everything up to <body>, then <body> and <main> with nothing between them.
      html:
        applyEdits(html, inPageOrder(headEdits), 0, body.openEnd) +
        html.slice(main.start, main.openEnd) +
        applyEdits(html, inPageOrder(articleEdits), article.start, article.end) +
        '</main></body></html>',
    });
  }
  for (const s of sources)
    if (s.end === undefined) throw new Error('The claims page’s data-claim-sources element has no closing tag.');
  const removed = sources.filter((s) => !sources.some((o) => inside(s, o)));
  // The list keeps the hashes of the inline code it still has, as each claim page does.
  const kept = new Set(all.filter((n) => code(n) && !removed.some((s) => inside(n, s))).map(hashOf));
  const claimsPage = applyEdits(
    html,
    inPageOrder([
      ...removed.map((s) => ({ start: s.start, end: s.end!, text: '' })),
      ...(policy
        ? [setAttribute(html, policy, 'content', narrowPolicy(policy.attribs['content'] ?? '', kept), 'policy')]
        : []),
    ]),
  );
  return { pages, claimsPage };
}
