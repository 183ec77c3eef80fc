/**
 * An article's preview card (og.png): its title, the outlet analysed and who is speaking in it.
 * Built from the frontmatter alone: it needs nothing from the rendered Markdown.
 */
import { type ClaimLike } from '../analysis/describe';
import { outletOf, refId, type Lookup, type Ref } from '../collections/lookup';
import { articleCard, type OgNode } from './og-image';
import { hostLabel } from './sharing';
import { sourcingSummary } from '../analysis/sourcing';
import { siteUrls } from '../lib/urls';

/** What the card shows of an article: a collection entry's data, or the same with plain ids. */
export interface PreviewArticle {
  title: string;
  original: { outlet: Ref };
  claims: ClaimLike[];
}

export function articlePreview(article: PreviewArticle, lookup: Lookup, site: URL | string, base?: string): OgNode {
  const outlet = refId(article.original.outlet);
  return articleCard({
    title: article.title,
    outlet: outletOf(lookup, outlet).name,
    summary: sourcingSummary(article.claims, lookup),
    host: hostLabel(siteUrls(site, base).home),
  });
}
