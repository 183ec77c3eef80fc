/**
 * Turns each `:claim[exact words]{#id}` mark into a highlighted span with its attribution buttons,
 * ties it to its frontmatter entry, and reports marks and entries that do not match. The badge
 * opens the claim's card, which the page adds from the frontmatter (src/analysis/claim-card.ts).
 */
import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from '../lib/visit';
import type { VFile } from 'vfile';
import { claimCardId } from '../analysis/claim-card';
import { badgeSentence, markerLabel, noteLine, statusLabel, type ClaimLike } from '../analysis/describe';
import { channelClass } from '../analysis/sourcing';
import { reportProblem, throwIfProblems } from '../lib/vfile-problems';
import { suggestion } from '../lib/suggest';
import { outletOf } from '../collections/lookup';
import type { Registry } from '../collections/registry';
import { isProblemStatus } from '../schemas/taxonomy';

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

    const found: { node: TextDirective; id: string }[] = [];
    const seen = new Set<string>();
    visit(tree, 'textDirective', (node) => {
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
          message: `The mark :claim[…]{#${id}} has no entry in the frontmatter "claims".${suggestion(id, declared.keys())}`,
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
      found.push({ node, id });
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
    for (const { node, id } of found) {
      const claim = declared.get(id)!;
      const status = claim.status;
      marked.push({ id, text: toString(node), line: node.position?.start.line });
      node.data = {
        hName: 'mark',
        hProperties: {
          id: `claim-${id}`,
          className: ['claim'],
          // Its status, for the colour and icons of the claim and its buttons. (The kind is said
          // in the marker's label and the card; nothing styles or reads it here.)
          dataStatus: status,
          // For the reading views: by kind of channel, and problems only.
          dataChannel: channelClass(claim, options.registry).kind,
          dataProblem: isProblemStatus(status) ? '' : undefined,
        },
      };
      // Both buttons open the claim's card; their words come from CSS (data-*), so the article's
      // sentences stay verbatim in the page text. They take their status's colour and icon from the
      // mark's data-status (the marker's icon is its ::before; the note's ::before is its label, so
      // its icon is a span), and need no type: they are in no form. The marker ending the claim is the one keyboards
      // and screen readers use at every width; the margin note that starts it is for the eye and
      // the pointer on wide screens (rehype-claim-ends.ts keeps each with its word).
      const note = {
        type: 'claimNote',
        data: {
          hName: 'button',
          hProperties: {
            className: ['claim-note'],
            popoverTarget: claimCardId(id),
            tabIndex: -1,
            ariaHidden: 'true',
            dataStatusLabel: statusLabel(status),
            dataChip: noteLine(claim, options.registry, outletName),
          },
          hChildren: [{ type: 'element', tagName: 'span', properties: { className: ['status-icon'] }, children: [] }],
        },
      };
      const badge = {
        type: 'claimBadge',
        data: {
          hName: 'button',
          hProperties: {
            className: ['badge'],
            popoverTarget: claimCardId(id),
            dataChip: markerLabel(claim, options.registry, outletName),
            ariaLabel: `About this claim: ${badgeSentence(claim, options.registry, outletName)}`,
          },
          hChildren: [],
        },
      };
      node.children.unshift(note as never);
      node.children.push(badge as never);
    }
    file.data.claims = marked;
  };
}
