/**
 * How an article's claims fared, counted from their statuses and worded from the taxonomy:
 * "1 inaccurate · 1 unsupported · 2 disputed of 32 claims". Feeds the preview image.
 */
import { CLAIM_STATUSES, PROBLEM_STATUSES, type ClaimStatus } from '../schemas/taxonomy';

export interface VerdictTally {
  /** Each problem status with at least one claim, worst first. */
  problems: { status: ClaimStatus; label: string; count: number }[];
  /** All claims, whatever their status. */
  total: number;
  /** The tally in words. */
  text: string;
}

const claimsWord = (n: number) => `${n} claim${n === 1 ? '' : 's'}`;

/** Lists "a, b or c". */
const orList = (words: string[]) =>
  words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`;

export function verdictTally(claims: readonly { status: ClaimStatus }[]): VerdictTally {
  const total = claims.length;
  const problems = PROBLEM_STATUSES.map((status) => ({
    status,
    label: CLAIM_STATUSES[status].label.toLowerCase(),
    count: claims.filter((c) => c.status === status).length,
  })).filter((p) => p.count > 0);
  const text =
    problems.length > 0
      ? `${problems.map((p) => `${p.count} ${p.label}`).join(' · ')} of ${claimsWord(total)}`
      : `None of ${claimsWord(total)} found ${orList(PROBLEM_STATUSES.map((s) => CLAIM_STATUSES[s].label.toLowerCase()))}`;
  return { problems, total, text };
}
