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

const ATTR = (name: string) => new RegExp(`\\s${name}="([^"]*)"`);

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
  const mainOpen = /<main\b[^>]*>/.exec(html);
  const mainClose = html.lastIndexOf('</main>');
  if (!mainOpen || mainClose < 0) throw new Error('The claims page has no <main> element.');
  const before = html.slice(0, mainOpen.index + mainOpen[0].length);
  const after = html.slice(mainClose);
  const main = html.slice(mainOpen.index + mainOpen[0].length, mainClose);

  const pages: ClaimPage[] = [];
  const open = /<article\b[^>]*\sdata-claim-page="([^"]+)"[^>]*>/g;
  for (const m of main.matchAll(open)) {
    const id = m[1]!;
    const end = main.indexOf('</article>', m.index);
    if (end < 0) throw new Error(`The claim "${id}" on the claims page has no closing </article>.`);
    const tag = m[0];
    const [title, description, url] = ['data-page-title', 'data-page-description', 'data-page-url'].map((a) => {
      const v = ATTR(a).exec(tag)?.[1];
      if (v === undefined) throw new Error(`The claim "${id}" on the claims page has no ${a}.`);
      return v;
    }) as [string, string, string];
    const body = main
      .slice(m.index, end + '</article>'.length)
      .replace(/<h2(\s[^>]*class="claim-page-heading[^"]*"[^>]*>[\s\S]*?)<\/h2>/, '<h1$1</h1>');

    let head = before;
    head = head.replace(/<title>[^<]*<\/title>/, () => `<title>${title} · Sourced</title>`);
    head = setTag(head, /<meta name="description" content="[^"]*">/, description, 'description');
    head = setTag(head, /<link rel="canonical" href="[^"]*">/, url, 'canonical link');
    head = setTag(head, /<meta property="og:title" content="[^"]*">/, title, 'og:title');
    head = setTag(head, /<meta property="og:description" content="[^"]*">/, description, 'og:description');
    head = setTag(head, /<meta property="og:url" content="[^"]*">/, url, 'og:url');
    head = setTag(head, /<meta name="twitter:title" content="[^"]*">/, title, 'twitter:title');
    head = setTag(head, /<meta name="twitter:description" content="[^"]*">/, description, 'twitter:description');
    pages.push({ id, html: `${head}${body}${after}` });
  }
  return pages;
}
