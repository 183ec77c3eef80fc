/**
 * How far the checking of an article has got: how many of its claims have a verdict. An
 * article still being checked says so in its page and its feed entries, in these words.
 */
import { PENDING, type ClaimStatus } from '../schemas/taxonomy';

export interface Progress {
  /** Claims with a status other than pending. */
  checked: number;
  total: number;
}

export function progressOf(claims: readonly { status: ClaimStatus }[]): Progress {
  return { checked: claims.filter((c) => c.status !== PENDING).length, total: claims.length };
}

/** "Analysis in progress: 12 of 17 claims checked". */
export function progressLine({ checked, total }: Progress): string {
  return `Analysis in progress: ${checked} of ${total} claim${total === 1 ? '' : 's'} checked`;
}

/**
 * The progress line for an article that is still being checked (it declares itself in progress,
 * or some claim is pending), else undefined.
 */
export function progressNotice(data: {
  inProgress?: boolean | undefined;
  claims: readonly { status: ClaimStatus }[];
}): string | undefined {
  const p = progressOf(data.claims);
  return data.inProgress || p.checked < p.total ? progressLine(p) : undefined;
}
