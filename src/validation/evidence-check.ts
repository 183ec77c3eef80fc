/**
 * Holds each claim's status to the evidence rule the taxonomy gives it: at least one finding,
 * or, for a corroborated claim, a finding from a primary record or from two independent outlets
 * (src/analysis/evidence.ts says how both are read from the data).
 */
import { corroborates, summariseEvidence } from '../analysis/evidence';
import type { Registry } from '../collections/registry';
import type { ContentProblem, YamlLocator } from '../lib/problems';
import { CLAIM_STATUSES, SOURCE_TYPES, type ClaimStatus } from '../schemas/taxonomy';

export interface RawEvidenceClaim {
  id?: unknown;
  status?: unknown;
  primary?: unknown;
  checked?: unknown;
}

const RECORD_TYPES = Object.values(SOURCE_TYPES)
  .filter((t) => t.primaryRecord)
  .map((t) => t.label)
  .join(' or ');

const FINDING_EXAMPLE = '"- source: <bibliography key>, finding: what it shows in our words, accessed: YYYY-MM-DD"';

export function checkEvidence(
  claims: readonly RawEvidenceClaim[],
  registry: Registry,
  file: string,
  locator: YamlLocator,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  claims.forEach((c, i) => {
    if (typeof c?.status !== 'string' || !(c.status in CLAIM_STATUSES)) return; // the schema reports it
    const status = c.status as ClaimStatus;
    const rule = CLAIM_STATUSES[status].evidence;
    if (rule === 'none') return;
    const id = typeof c.id === 'string' ? c.id : `claims[${i}]`;
    const checked = (Array.isArray(c.checked) ? c.checked : []).filter(
      (f): f is { source: string } => typeof (f as { source?: unknown })?.source === 'string',
    );
    // Located only for a problem: locating parses the whole frontmatter again with positions.
    const add = (message: string, fix: string) => {
      const at = locator.locate(['claims', i, 'status']);
      problems.push({ file, line: at?.line, column: at?.column, id, message, fix });
    };
    if (checked.length === 0) {
      add(
        `has the status "${status}", which needs at least one finding in "checked", and has none.`,
        `Add what a source shows under "checked" (${FINDING_EXAMPLE}), or use "unverified" if nothing was found.`,
      );
      return;
    }
    if (rule !== 'corroboration') return;
    const evidence = summariseEvidence(
      { primary: typeof c.primary === 'string' ? c.primary : undefined, checked },
      registry,
    );
    if (corroborates(evidence)) return;
    add(
      `is "${status}", but its findings come from one outlet (${evidence.outlets.join(', ') || 'none'}) and none from a primary record.`,
      `Add a finding from a second outlet that does not relay the first, or from a primary record (a ${RECORD_TYPES}, or the claim's "primary"); otherwise use "single-source".`,
    );
  });
  return problems;
}
