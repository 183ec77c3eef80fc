/**
 * The one order of articles the site shows: newest first, and articles of the same day by id,
 * so the home page, the feeds and the glossary never disagree.
 */
export interface Dated {
  id: string;
  data: { published: string };
}

export const newestFirst = (a: Dated, b: Dated): number =>
  b.data.published.localeCompare(a.data.published) || a.id.localeCompare(b.id);
