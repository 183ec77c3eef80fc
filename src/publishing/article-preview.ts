/**
 * An article's preview card (og.png): its title, the outlet analysed, how its claims fared and
 * who is speaking in it.
 * Built from the frontmatter alone: it needs nothing from the rendered Markdown.
 */
import { type ClaimLike } from '../analysis/describe';
import { outletOf, refId, type Lookup, type Ref } from '../collections/lookup';
import { articleCard, type ArticleCardInput, type OgNode } from './og-image';
import { hostLabel } from './sharing';
import { sourcingSummary } from '../analysis/sourcing';
import { verdictTally } from '../analysis/verdicts';
import { siteUrls } from '../lib/urls';

/** What the card shows of an article: a collection entry's data, or the same with plain ids. */
export interface PreviewArticle {
  title: string;
  original: { outlet: Ref };
  claims: ClaimLike[];
}

/** The words on the card, which are also its alt text (articleImageAlt). */
export function previewWords(article: PreviewArticle, lookup: Lookup): Omit<ArticleCardInput, 'host'> {
  const outlet = refId(article.original.outlet);
  return {
    title: article.title,
    outlet: outletOf(lookup, outlet).name,
    tally: verdictTally(article.claims).text,
    summary: sourcingSummary(article.claims, lookup),
  };
}

export function articlePreview(article: PreviewArticle, lookup: Lookup, site: URL | string, base?: string): OgNode {
  return articleCard({ ...previewWords(article, lookup), host: hostLabel(siteUrls(site, base).home) });
}
