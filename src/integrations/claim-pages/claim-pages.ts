/**
 * Cuts an article's claims page into one page per claim.
 *
 * Rendering every claim's share page through Astro costs about a millisecond each, 25 an
 * article: more than a whole build's budget at a thousand articles (docs/performance.md). The
 * claims page renders them all once, each inside `<article data-claim-page="<id>" …>` with its
 * preview title, description and address (ClaimSummary.astro); a claim's page is that page with
 * the head's preview tags set to the claim's and only the claim's article in <main>, its h2
 * promoted to the page's h1. Everything else (stylesheet, scripts, the policy and its hashes)
 * is the claims page's own, byte for byte.
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
  if (!open || mainClose < open.index) throw new Error('The claims page has no <main> element.');
  const before = html.slice(0, open.index + open[0].length);
  const after = html.slice(mainClose);
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
      .replace(/<h2(\s[^>]*class="claim-page-heading[^"]*"[^>]*>[\s\S]*?)<\/h2>/, '<h1$1</h1>')
      // Its section headings move up a level with it, so the outline skips none.
      .replace(/<h3(\s[^>]*class="claim-page-subheading[^"]*"[^>]*>[\s\S]*?)<\/h3>/g, '<h2$1</h2>');

    let head = before;
    head = head.replace(/<title>[^<]*<\/title>/, () => `<title>${title} · Sourced</title>`);
    head = setTag(head, /<meta name="description" content="[^"]*">/, description, 'description');
    head = setTag(head, /<link rel="canonical" href="[^"]*">/, url, 'canonical link');
    head = setTag(head, /<meta property="og:title" content="[^"]*">/, title, 'og:title');
    head = setTag(head, /<meta property="og:description" content="[^"]*">/, description, 'og:description');
    head = setTag(head, /<meta property="og:url" content="[^"]*">/, url, 'og:url');
    head = setTag(head, /<meta name="twitter:title" content="[^"]*">/, title, 'twitter:title');
    head = setTag(head, /<meta name="twitter:description" content="[^"]*">/, description, 'twitter:description');
    pages.push({ id, html: `${head}${article}${after}` });
  }
  return pages;
}
