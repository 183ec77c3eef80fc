/**
 * Which articles are drafts: one rule for the pages (articles.ts), the validator and the
 * end-of-build check, which read the frontmatter in different forms.
 */

/** True for an article whose frontmatter says `status: draft`; absent means published. */
export const isDraft = (data: { status?: unknown } | null | undefined): boolean => data?.status === 'draft';
