// Search page behaviour: mounts Pagefind's own UI (pagefind/pagefind-ui.js, loaded before this
// file) on #search. Results come as the reader types; a match inside a claim is a sub-result
// linking to the claim (the indexer gives each claim a title, src/integrations/search-index);
// each result says whether it is an analysis or a glossary entry (its "type" metadata). This
// file is served from the site's base, so the bundle is found whatever BASE_PATH is. The query
// is kept in the address (?q=), so a search can be linked to.
const base = new URL('./', import.meta.url);

/**
 * Pagefind shows the three sub-results with the most matches; a section such as the
 * bibliography nearly always has more than a claim. When words match inside claims, those
 * claims are offered first, and other sections only fill the places left.
 */
function claimsFirst(result) {
  // A claim's words and its card's note are indexed under the same id: one sub-result each.
  const byUrl = new Map();
  for (const s of result.sub_results ?? []) {
    const seen = byUrl.get(s.url);
    if (!seen) byUrl.set(s.url, s);
    else {
      const [more, less] = seen.locations.length >= s.locations.length ? [seen, s] : [s, seen];
      byUrl.set(s.url, { ...more, locations: [...more.locations, ...less.locations] });
    }
  }
  const subs = [...byUrl.values()];
  const claims = subs.filter((s) => s.anchor?.id?.startsWith('claim-'));
  if (claims.length > 0) {
    const others = subs.filter((s) => !claims.includes(s) && s.url !== result.url);
    result.sub_results = [...claims, ...others.slice(0, Math.max(0, 3 - claims.length))];
  } else result.sub_results = subs;
  return result;
}
// The index is split into shards (src/integrations/search-index/shards.ts): the main bundle
// holds the first, and shards.json lists the others, which Pagefind joins into one search.
const bundle = new URL('pagefind/', base);
const shards = await fetch(new URL('shards.json', bundle)).then((r) => {
  if (!r.ok) throw new Error(`Search: ${r.url} answered ${r.status}; only part of the site would be searched.`);
  return r.json();
});
const ui = new window.PagefindUI({
  element: '#search',
  bundlePath: bundle.pathname,
  baseUrl: base.pathname,
  mergeIndex: shards.merge.map((dir) => ({ bundlePath: new URL(dir, bundle).pathname, baseUrl: base.pathname })),
  showSubResults: true,
  showImages: false,
  excerptLength: 24,
  resetStyles: false,
  processResult: claimsFirst,
  translations: {
    placeholder: 'For example, a name or a place',
    search_label: 'Search Sourced',
    clear_search: 'Clear',
    zero_results: 'No results for “[SEARCH_TERM]”.',
    one_result: '1 result for “[SEARCH_TERM]”.',
    many_results: '[COUNT] results for “[SEARCH_TERM]”.',
    alt_search: 'No results for “[SEARCH_TERM]”. Showing results for “[DIFFERENT_TERM]” instead.',
    search_suggestion: 'No results for “[SEARCH_TERM]”. Try one of these searches:',
    searching: 'Searching for “[SEARCH_TERM]”…',
    filters_label: 'Show only',
    load_more: 'More results',
  },
});

const input = () => document.querySelector('#search .pagefind-ui__search-input');

// Pagefind names its box with a title only; the page's visible label names it instead.
const box = input();
if (box) {
  box.id = 'search-query';
  document.getElementById('search-label').htmlFor = box.id;
}
const initial = new URLSearchParams(location.search).get('q');
if (initial) ui.triggerSearch(initial);

// Keep ?q= in step with the box, so the address can be shared and Back returns to the results.
let timer;
document.querySelector('#search').addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const q = input()?.value.trim() ?? '';
    history.replaceState(null, '', q ? `?q=${encodeURIComponent(q)}` : location.pathname);
  }, 300);
});
