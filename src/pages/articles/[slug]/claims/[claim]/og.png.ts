import type { APIRoute } from 'astro';
import { claimCard, pngResponse } from '../../../../../lib/og-image';
import { claimShare, hostLabel } from '../../../../../lib/sharing';
import { url } from '../../../../../lib/urls';
import { claimPaths, type ClaimPageProps } from '../_paths';

export const getStaticPaths = claimPaths;

/** The claim's quote card: its words, the speaker, the channel and the badge. */
export const GET: APIRoute<ClaimPageProps> = ({ props, site }) => {
  const { entry, claim, quote, lookup, outletName } = props;
  const share = claimShare(claim, quote, {
    lookup,
    outletName,
    articleTitle: entry.data.title,
    host: hostLabel(new URL(url(''), site).href),
  });
  return pngResponse(claimCard(share.card));
};
