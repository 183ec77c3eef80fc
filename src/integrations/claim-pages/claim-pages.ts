/**
 * Cuts an article's claims page into one small page per claim.
 *
 * Rendering every claim's share page through Astro costs about a millisecond each, 25 an
 * article: more than a whole build's budget at a thousand articles (docs/performance.md). The
 * claims page renders them all once, each claim that has a page of its own (claimPages) inside
 * `<article data-claim-page="<id>" …>` with its preview title, description and address
 * (ClaimSummary.astro). A claim's page is a lean document: the head's preview tags set to the
 * claim's, and in <body> only <main> with the claim's article, its h2 promoted to the page's h1.
 * The site's header and footer, the feed links and the Twitter tags that repeat the Open Graph
 * ones are left out: they are most of a small page's bytes, and hosts count every byte and
 * file. The stylesheet, the share script and the policy with its hashes stay byte for byte.
 */

export interface ClaimPage {
  id: string;
  html: string;
}

/** A start tag's attributes, read in order, so text inside one value cannot pass for another. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.replace(/^<[^\s>]+/, '').matchAll(/\s+([^\s"'=<>/]+)(?:="([^"]*)")?/g))
    out.set(m[1]!, m[2] ?? '');
  return out;
}
/**
 * A start tag, attribute by attribute: values are always double-quoted in Astro's output and
 * may hold ">" (text from the content), so "[^>]*" would stop inside one.
 */
const startTag = (name: string, flags = '') => new RegExp(`<${name}(?:\\s+[^\\s"'=<>/]+(?:="[^"]*")?)*\\s*>`, flags);

/** Replaces the content="…" (or href="…") of the one tag `pattern` matches; it must exist. */
function setTag(html: string, pattern: RegExp, value: string, what: string): string {
  if (!pattern.test(html)) throw new Error(`The claims page has no ${what} to set.`);
  return html.replace(pattern, (tag) =>
    tag.replace(/(content|href)="[^"]*"/, (_, attr: string) => `${attr}="${value}"`),
  );
}

/**
 * The claims page's head without what a claim's page does not need: links to the site's feeds,
 * and twitter:title and twitter:description, for which X reads og:title and og:description.
 */
function leanHead(head: string): string {
  return head
    .replace(/<link rel="alternate"(?:\s+[^\s"'=<>/]+(?:="[^"]*")?)*\s*>/g, '')
    .replace(/<meta name="twitter:(?:title|description)" content="[^"]*">/g, '');
}

/**
 * The claim pages in `html` (a built claims page). Attribute values are copied as the page has
 * them, already escaped, so nothing is decoded and re-encoded on the way.
 */
export function claimPagesFrom(html: string): ClaimPage[] {
  // Searched from <body>, so a "<main" in the head's attribute values cannot match.
  const body = startTag('body').exec(html);
  const mainOpen = body ? startTag('main', 'g') : undefined;
  if (mainOpen && body) mainOpen.lastIndex = body.index + body[0].length;
  const open = mainOpen?.exec(html);
  const mainClose = html.lastIndexOf('</main>');
  if (!body || !open || mainClose < open.index) throw new Error('The claims page has no <main> element.');
  // The lean shell: everything up to <body>, then <body> and <main> with nothing between.
  const before = leanHead(html.slice(0, body.index)) + body[0] + open[0];
  const after = '</main></body></html>';
  const main = html.slice(open.index + open[0].length, mainClose);

  const pages: ClaimPage[] = [];
  for (const m of main.matchAll(startTag('article', 'g'))) {
    const attrs = attributes(m[0]);
    const id = attrs.get('data-claim-page');
    if (id === undefined) continue;
    const end = main.indexOf('</article>', m.index);
    if (end < 0) throw new Error(`The claim "${id}" on the claims page has no closing </article>.`);
    const [title, description, url] = ['data-page-title', 'data-page-description', 'data-page-url'].map((a) => {
      const v = attrs.get(a);
      if (v === undefined) throw new Error(`The claim "${id}" on the claims page has no ${a}.`);
      return v;
    }) as [string, string, string];
    const article = main
      .slice(m.index, end + '</article>'.length)
      .replace(/<h2(\s[^>]*class="claim-page-heading[^"]*"[^>]*>[\s\S]*?)<\/h2>/, '<h1$1</h1>');

    let head = before;
    head = head.replace(/<title>[^<]*<\/title>/, () => `<title>${title} · Sourced</title>`);
    head = setTag(head, /<meta name="description" content="[^"]*">/, description, 'description');
    head = setTag(head, /<link rel="canonical" href="[^"]*">/, url, 'canonical link');
    head = setTag(head, /<meta property="og:title" content="[^"]*">/, title, 'og:title');
    head = setTag(head, /<meta property="og:description" content="[^"]*">/, description, 'og:description');
    head = setTag(head, /<meta property="og:url" content="[^"]*">/, url, 'og:url');
    pages.push({ id, html: `${head}${article}${after}` });
  }
  return pages;
}
