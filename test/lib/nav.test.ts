import { describe, expect, it } from 'vitest';
import { navCurrent, type NavLink } from '../../src/lib/nav';

const articles: NavLink = { label: 'Articles', href: '/sourced/', section: '/sourced/articles/' };
const glossary: NavLink = { label: 'Glossary', href: '/sourced/glossary/', section: '/sourced/glossary/' };
const search: NavLink = { label: 'Search', href: '/sourced/search/' };

describe('the current navigation item', () => {
  it('is the link’s own page', () => {
    expect(navCurrent('/sourced/glossary/', glossary)).toBe('page');
    expect(navCurrent('/sourced/', articles)).toBe('page');
    expect(navCurrent('/sourced/search', search)).toBe('page');
  });

  it('covers the pages of its section', () => {
    expect(navCurrent('/sourced/glossary/iran/', glossary)).toBe('true');
    expect(navCurrent('/sourced/articles/a/claims/c/', articles)).toBe('true');
  });

  it('marks nothing elsewhere: the home page is not a section of every page', () => {
    expect(navCurrent('/sourced/glossary/iran/', articles)).toBeUndefined();
    expect(navCurrent('/sourced/methodology/', search)).toBeUndefined();
    expect(navCurrent('/sourced/search/x/', search)).toBeUndefined();
  });
});
