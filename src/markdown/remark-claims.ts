/**
 * Turns each `:claim[exact words]{#id}` mark into a highlighted span with an attribution badge,
 * ties it to its frontmatter entry, and reports marks and entries that do not match. The badge
 * opens the claim's card, which the page adds from the frontmatter (src/analysis/claim-card.ts).
 */
import type { Parent, Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { claimCardId } from '../analysis/claim-card';
import { badgeChip, badgeSentence, type ClaimLike } from '../analysis/describe';
import { reportProblem, throwIfProblems } from '../lib/vfile-problems';
import { outletOf } from '../collections/lookup';
import type { Registry } from '../collections/registry';

export interface RemarkClaimsOptions {
  /** Sources and glossary, for the names and channel types on badges. */
  registry: Pick<Registry, 'sources' | 'glossary'>;
}

export interface MarkedClaim {
  /** Claim id. */
  id: string;
  /** The exact words marked, as plain text. */
  text: string;
  /** 1-based line of the mark in the Markdown file. */
  line: number | undefined;
}

declare module 'vfile' {
  interface DataMap {
    /** Claims marked in the body, in document order. */
    claims: MarkedClaim[];
  }
}

export function remarkClaims(options: RemarkClaimsOptions) {
  return (tree: Root, file: VFile): void => {
    const frontmatter = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ??
      {}) as { claims?: ClaimLike[]; original?: { outlet?: string } };
    const declared = new Map<string, ClaimLike>();
    for (const c of frontmatter.claims ?? []) if (c && typeof c.id === 'string') declared.set(c.id, c);
    const outletId = frontmatter.original?.outlet;
    const outletName = outletOf(options.registry, outletId || undefined).name;

    const found: { node: TextDirective; ancestors: Parent[]; id: string }[] = [];
    const seen = new Set<string>();
    visitParents(tree, 'textDirective', (node, ancestors) => {
      if (node.name !== 'claim') return;
      const id = node.attributes?.id ?? '';
      if (!id) {
        reportProblem(file, node, {
          message: `A claim mark :claim[${toString(node).slice(0, 40)}] has no id.`,
          fix: 'Give it the id of its frontmatter entry: :claim[exact words]{#claim-id}.',
        });
        return;
      }
      if (!declared.has(id)) {
        reportProblem(file, node, {
          id,
          message: `The mark :claim[…]{#${id}} has no entry in the frontmatter "claims".`,
          fix: `Add a claim with "id: ${id}" to the frontmatter, or correct the id in the mark.`,
        });
        return;
      }
      if (seen.has(id)) {
        reportProblem(file, node, {
          id,
          message: `The claim "${id}" is marked more than once.`,
          fix: 'Mark each claim once; give a repeated statement its own claim and id.',
        });
        return;
      }
      seen.add(id);
      found.push({ node, ancestors, id });
    });

    for (const id of declared.keys()) {
      if (!seen.has(id)) {
        reportProblem(file, undefined, {
          id,
          frontmatterPath: ['claims', [...declared.keys()].indexOf(id), 'id'],
          message: `The claim "${id}" is in the frontmatter but not marked in the text.`,
          fix: `Wrap its exact words in the body as :claim[…]{#${id}}, or remove the entry.`,
        });
      }
    }
    throwIfProblems(file);

    const marked: MarkedClaim[] = [];
    for (const { node, ancestors, id } of found) {
      const claim = declared.get(id)!;
      const chip = badgeChip(claim, options.registry, outletName);
      const sentence = badgeSentence(claim, options.registry, outletName);
      marked.push({ id, text: toString(node), line: node.position?.start.line });
      node.data = {
        hName: 'mark',
        hProperties: {
          id: `claim-${id}`,
          className: ['claim', `claim-${claim.kind}`],
          dataKind: claim.kind,
          dataStatus: claim.status,
        },
      };
      const parent = ancestors[ancestors.length - 1]!;
      const index = parent.children.indexOf(node);
      // The chip's words come from CSS (data-chip), so the article's sentences stay verbatim
      // in the page text while sighted readers still see who said it at a glance.
      const badge = {
        type: 'claimBadge',
        data: {
          hName: 'button',
          hProperties: {
            type: 'button',
            className: ['badge', `status-${claim.status}`],
            popoverTarget: claimCardId(id),
            dataChip: chip,
            ariaLabel: `About this claim: ${sentence}`,
          },
        },
      };
      parent.children.splice(index + 1, 0, badge as never);
    }
    file.data.claims = marked;
  };
}
