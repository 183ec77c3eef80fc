import { describe, expect, it } from 'vitest';
import { absolute, entryFeedUrl, entryUrl, siteUrls, url } from '../../src/lib/urls';

describe('site addresses', () => {
  it('builds site-relative addresses under the base path, with or without its trailing slash', () => {
    expect(url('methodology/', '/')).toBe('/methodology/');
    expect(url('/methodology/', '/sourced')).toBe('/sourced/methodology/');
    expect(entryUrl('iran', '/')).toBe('/glossary/iran/');
    expect(entryUrl('iran', '/sourced')).toBe('/sourced/glossary/iran/');
    expect(entryFeedUrl('iran', '/sourced/')).toBe('/sourced/glossary/iran/rss.xml');
  });

  it('builds absolute URLs under the base path for every kind of page, image and feed', () => {
    const urls = siteUrls('https://news.example.org', '/sourced/');
    expect(urls.home).toBe('https://news.example.org/sourced/');
    expect(urls.article('a')).toBe('https://news.example.org/sourced/articles/a/');
    expect(urls.annotations('a')).toBe('https://news.example.org/sourced/articles/a/annotations.jsonld');
    expect(urls.claim('a', 'c')).toBe('https://news.example.org/sourced/articles/a/claims/c/');
    expect(urls.articleImage('a')).toBe('https://news.example.org/sourced/articles/a/og.png');
    expect(urls.glossary('g')).toBe('https://news.example.org/sourced/glossary/g/');
    expect(urls.glossaryIndex).toBe('https://news.example.org/sourced/glossary/');
    expect(urls.rss).toBe('https://news.example.org/sourced/rss.xml');
    expect(urls.atom).toBe('https://news.example.org/sourced/atom.xml');
    expect(urls.sitemap).toBe('https://news.example.org/sourced/sitemap-index.xml');
  });

  it('makes a site-relative address absolute against the site, keeping the site’s own path out', () => {
    expect(absolute('/sourced/x/', 'https://news.example.org/other/')).toBe('https://news.example.org/sourced/x/');
  });
});
