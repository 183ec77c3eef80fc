// The pages that list across articles (glossary index, entry pages, mention archives, entry
// feeds) share one read of each article's facts file per build.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FACTS_KEY, PARTS_DIR_VARIABLE, keepPartsApart, partNames } from '../../src/collections/article-parts';
import { factsOf, type ArticleFacts } from '../../src/analysis/article-facts';
import { articleDigest, factsAndDigestOf } from '../../src/analysis/article-digest';
import { articleMentions, mentionGroupsByEntry } from '../../src/analysis/article-mentions';

const work = mkdtempSync(path.join(tmpdir(), 'sourced-article-digest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let folders = 0;
beforeEach(() => {
  vi.stubEnv(PARTS_DIR_VARIABLE, path.join(work, `parts-${++folders}`));
  return () => vi.unstubAllEnvs();
});
const dir = () => process.env[PARTS_DIR_VARIABLE]!;

/** An article rendered from `text` mentioning `entry`, its facts kept in a file as the loader keeps them. */
function article(text: string, entry = 'tehran') {
  const facts: ArticleFacts = {
    text,
    spans: { 'claim-a': { start: 0, end: 6, blockStart: 0, blockEnd: text.length } },
    mentions: [
      { entry, elementId: 'm-1', text: text.slice(0, 6), before: '', after: text.slice(6), linked: true, block: 0 },
    ],
    citations: {},
  };
  const rendered = keepPartsApart(dir(), {
    html: `<p>${text}</p>`,
    metadata: { frontmatter: { [FACTS_KEY]: facts } },
  });
  return {
    id: 'a',
    filePath: 'content/articles/a.md',
    rendered,
    data: { title: 'A title', original: { outlet: { id: 'wire' } } },
  };
}
const glossary = [
  { id: 'tehran', data: { name: 'Tehran', aliases: [] } },
  { id: 'moscow', data: { name: 'Moscow', aliases: [] } },
];
const sources = [{ id: 'wire', data: { name: 'Wire' } }];

/** factsOf, counting its calls. */
const countingReader = () => vi.fn(factsOf);

describe('one read of each article’s facts for all the pages listing articles', () => {
  it('gives a second page the mentions and quotes the first read, without reading the file again', () => {
    const a = article('Tehran said so, first.');
    // The glossary index reads every article's mentions…
    expect(articleMentions([a], glossary, sources)[0]!.mentions.map((m) => m.entry)).toEqual(['tehran']);
    // …and the entry pages, archives and feeds, and the entry pages' claim quotes, read none again.
    rmSync(path.join(dir(), partNames(a)!.facts!));
    expect(mentionGroupsByEntry([a], glossary, sources).groups.get('tehran')?.[0]?.mentions).toHaveLength(1);
    const read = countingReader();
    expect(articleDigest(a, read).quotes.get('a')).toBe('Tehran');
    expect(read).not.toHaveBeenCalled();
  });

  it('reads a changed article’s facts, which are under a new name', () => {
    const read = countingReader();
    const before = article('Tehran said so, second.');
    expect(articleDigest(before, read).mentions.map((m) => m.entry)).toEqual(['tehran']);
    const after = article('Moscow said so, second.', 'moscow');
    expect(partNames(after)!.facts).not.toBe(partNames(before)!.facts);
    const digest = articleDigest(after, read);
    expect(digest.mentions.map((m) => m.entry)).toEqual(['moscow']);
    expect(digest.quotes.get('a')).toBe('Moscow');
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('keeps the text, spans, mentions, quotes and sentences, not the citations', () => {
    const digest = articleDigest(article('Tehran said so, third.'));
    expect(Object.keys(digest).sort()).toEqual(['mentions', 'quotes', 'sentences', 'spans', 'text']);
    expect(digest.sentences.get('a')).toEqual({ before: '', words: 'Tehran', after: ' said so, third.' });
  });
});

describe('the whole facts for a page, with the digest kept on the way', () => {
  it('gives the other pages the digest of the article page’s read, without reading again', () => {
    const a = article('Tehran said so, fourth.');
    const { facts, digest } = factsAndDigestOf(a);
    expect(facts.text).toBe('Tehran said so, fourth.');
    expect(digest.quotes.get('a')).toBe('Tehran');
    const read = countingReader();
    expect(articleDigest(a, read)).toBe(digest);
    expect(read).not.toHaveBeenCalled();
  });

  it('reads the whole facts each time a page asks for them, and keeps the first digest', () => {
    const a = article('Tehran said so, fifth.');
    const read = countingReader();
    const first = factsAndDigestOf(a, read);
    const second = factsAndDigestOf(a, read);
    expect(read).toHaveBeenCalledTimes(2);
    expect(second.facts).toEqual(first.facts);
    expect(second.digest).toBe(first.digest);
  });
});
