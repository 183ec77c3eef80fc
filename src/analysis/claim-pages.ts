/**
 * Which claims have a page of their own, and the address a claim is shared by. The site setting
 * (src/lib/site.ts) trades pages for files: a claim without a page is shared by its place in
 * the article.
 */
import { CLAIM_PAGES, type ClaimPagesSetting } from '../lib/site';
import { articleUrl, claimUrl } from '../lib/urls';
import { VERDICT_STATUSES, type ClaimStatus } from '../schemas/taxonomy';

export function hasClaimPage(status: ClaimStatus, setting: ClaimPagesSetting | undefined = CLAIM_PAGES): boolean {
  if (setting === 'all') return true;
  if (setting === 'none') return false;
  return VERDICT_STATUSES.includes(status);
}

/** The claim's page, or its place in the article when it has none; site-relative. */
export function claimAddress(
  slug: string,
  claim: { id: string; status: ClaimStatus },
  options: { setting?: ClaimPagesSetting | undefined; base?: string | undefined } = {},
): string {
  return hasClaimPage(claim.status, options.setting)
    ? claimUrl(slug, claim.id, options.base)
    : `${articleUrl(slug, options.base)}#claim-${claim.id}`;
}
