/**
 * The Markdown pipeline, assembled once for the site (astro.config.mjs), the validator
 * and the tests. Order matters; each entry says why it is there.
 */
import { fileURLToPath } from 'node:url';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import { rehypeArticleFacts } from './rehype-article-facts';
import { rehypeCitations } from './rehype-citations';
import { loadHttpOnlyHosts } from '../lib/http-only-hosts';
import type { Registry } from '../collections/registry';
import { remarkEscapeHtml } from './remark-escape-html';
import { remarkDirectiveGuard } from './remark-directive-guard';
import { remarkUnclosedMarks } from './remark-unclosed-marks';
import { remarkDirectiveIds } from './remark-directive-ids';
import { remarkSafeUrls } from './remark-safe-urls';
import { remarkCitationKeys } from './remark-citation-keys';
import { remarkDates } from './remark-dates';
import { remarkDateExpressions } from './remark-date-expressions';
import { remarkClaims } from './remark-claims';
import { remarkGlossaryLinks } from './remark-glossary-links';
import { rehypeBibliography } from './rehype-bibliography';
import { rehypeSafeHtml } from './rehype-safe-html';
import { rehypeClaimEnds } from './rehype-claim-ends';

export interface PipelineOptions {
  registry: Registry;
  /** Site base path, e.g. "/" or "/sourced/". */
  base?: string;
  /** Astro's cache directory; the formatted bibliography is kept there between builds. */
  cacheDir?: string;
}

const NEWS_STYLE = fileURLToPath(new URL('./news-citation.csl', import.meta.url));

/** Remark plugins: they read marks and report problems, so the validator runs them alone. */
export function remarkPlugins({ registry, base = '/' }: PipelineOptions): RemarkPlugins {
  return [
    // Raw HTML becomes text first, so nothing later can be tricked into emitting it.
    remarkEscapeHtml,
    // Parses :claim[…]{#id}, :date[…]{value=…} and :term[…]{#entry} (or {.nolink}).
    remarkDirective,
    // A mark opened in one paragraph and closed in another gets its own message, before the
    // checks below misread its halves.
    [remarkUnclosedMarks, { names: ['claim', 'date', 'term'] }],
    // Puts stray ":word" back as text and rejects directives we do not know.
    [remarkDirectiveGuard, { known: ['claim', 'date', 'term'] }],
    // Ids with pasted-in bidi controls or zero-width characters fail here, shown spelled out.
    remarkDirectiveIds,
    // Links: https, mailto or relative only; images: local files only (no outside resources).
    [remarkSafeUrls, { httpOnlyHosts: loadHttpOnlyHosts(registry.root) }],
    // Unknown citation keys fail here, with a line number, before rehype-citation sees them.
    [remarkCitationKeys, { keys: new Set(registry.bibliography.keys()) }],
    // Marks the absolute dates editors left unmarked ("February 2022") and refuses unmarked
    // relative ones ("last month"), which only an editor can resolve.
    remarkDateExpressions,
    // Turns every date mark into <time datetime>, and checks that a weekday in the words falls on
    // the date; before claims, so a date inside a claim is kept in its mark.
    remarkDates,
    // Marks claims and adds their badges; needs the registry for names and types. The cards the
    // badges open are added by the page, from the frontmatter (src/analysis/claim-card.ts).
    [remarkClaims, { registry }],
    // Links the first mention of each glossary entry per section and marks repeats, after claims
    // so a claim's words stay in its mark (a link inside <mark> changes none of its text).
    [remarkGlossaryLinks, { registry, base }],
  ];
}

/** Rehype plugins, after Markdown has become HTML. */
export function rehypePlugins({ registry, cacheDir }: PipelineOptions): RehypePlugins {
  return [
    // Renders [@key] in the text, formats the keys the claim cards cite, and appends the
    // bibliography; rehype-citation formats it once per build and articles reuse it (see the plugin).
    // The style (news-citation.csl) prints headline, outlet and date, and "date unknown" for a
    // date the bibliography marks unknown.
    [rehypeCitations, { bibliography: registry.bibliographyPath, csl: NEWS_STYLE, ...(cacheDir ? { cacheDir } : {}) }],
    // Gives the bibliography a heading, and links each address under its short domain.
    rehypeBibliography,
    // Holds each claim's note and marker to the word beside them, once glossary links are in place.
    rehypeClaimEnds,
    // An allow-list, whatever the steps above let through.
    rehypeSafeHtml,
    // Last, on the finished tree: the text, claim spans and mentions pages need, stored with
    // the render so pages never parse the article's HTML again.
    rehypeArticleFacts,
  ];
}
