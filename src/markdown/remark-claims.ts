/**
 * Turns each `:claim[exact words]{#id}` mark into a highlighted span with an attribution badge,
 * ties it to its frontmatter entry, and reports marks and entries that do not match.
 */
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { Parent, Root, RootContent } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import {
  badgeChip,
  badgeSentence,
  channelPhrase,
  kindLabel,
  speakerName,
  statusLabel,
  type ClaimLike,
} from '../lib/describe';
import { formatDate } from '../lib/dates';
import { reportProblem, throwIfProblems } from '../lib/vfile-problems';
import type { Registry } from '../lib/registry';
import type { ClaimKind, ClaimStatus } from '../schemas/taxonomy';

export interface RemarkClaimsOptions {
  /** Sources and glossary, for the names and channel types on badges. */
  registry: Pick<Registry, 'sources' | 'glossary'>;
  /** Site base path, for links to the methodology page. */
  base?: string;
}

/** A claim as it stands in raw frontmatter (ids are plain strings there). */
interface FrontmatterClaim extends ClaimLike {
  note?: string;
  checked?: string[];
  primaryWording?: string;
  timeline?: { date: string; who: string; action: string; summary: string; cite?: string[] }[];
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

/** Astro's YAML loader turns unquoted days into Dates; cards print them as days again. */
const isoDay = (d: unknown): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

const withSlash = (base: string) => (base.endsWith('/') ? base : `${base}/`);

function detailsCard(claim: FrontmatterClaim, options: RemarkClaimsOptions, outletName: string): ElementContent {
  const { registry } = options;
  const methodology = `${withSlash(options.base ?? '/')}methodology/`;
  const cardId = `claim-${claim.id}-details`;
  const rows: ElementContent[] = [
    h('dt', 'Who'),
    h('dd', speakerName(claim, registry, outletName)),
    h('dt', 'Channel'),
    h('dd', channelPhrase(claim, registry)),
  ];
  if (claim.primary) {
    const id = typeof claim.primary === 'string' ? claim.primary : claim.primary.id;
    const src = registry.sources.get(id);
    rows.push(h('dt', 'Primary record'), h('dd', src?.url ? h('a', { href: src.url }, src.name) : id));
  }
  rows.push(
    h('dt', 'Kind'),
    h('dd', h('a', { href: `${methodology}#kind-${claim.kind}` }, kindLabel(claim.kind))),
    h('dt', 'Status'),
    h(
      'dd',
      h(
        'a',
        { href: `${methodology}#status-${claim.status}`, className: ['status', `status-${claim.status}`] },
        statusLabel(claim.status),
      ),
    ),
  );
  const body: ElementContent[] = [
    h('p', { className: ['claim-card-title'], id: `${cardId}-title` }, `About this claim`),
    h('dl', rows),
  ];
  if (claim.note) body.push(h('p', { className: ['claim-card-note'] }, claim.note));
  if (claim.primaryWording) {
    body.push(
      h('p', { className: ['claim-card-wording'] }, [
        h('strong', 'Primary record’s wording: '),
        h('q', claim.primaryWording),
      ]),
    );
  }
  if (claim.timeline?.length) {
    body.push(
      h(
        'ol',
        { className: ['claim-card-timeline'], 'aria-label': 'Timeline of the report' },
        claim.timeline.map((e) =>
          h('li', [
            h('time', { dateTime: isoDay(e.date) }, formatDate(isoDay(e.date))),
            ` — ${e.who} ${e.action}: ${e.summary} `,
            ...(e.cite ?? []).map((k) => ({ type: 'text' as const, value: `[@${k}]` })),
          ]),
        ),
      ),
    );
  }
  if (claim.checked?.length) {
    body.push(
      h('p', { className: ['claim-card-checked'] }, [
        'Checked against: ',
        // rehype-citation turns these into citations linked to the bibliography.
        { type: 'text', value: claim.checked.map((k) => `[@${k}]`).join(' ') },
      ]),
    );
  }
  body.push(
    h('p', { className: ['claim-card-actions'] }, [
      h('a', { href: `#claim-${claim.id}` }, 'Link to this claim'),
      ' ',
      // The claim's own shareable page, relative to the article page; a small script turns it
      // into a Share (or Copy link) button where it can.
      h('a', { href: `claims/${claim.id}/` }, 'Share this claim'),
      ' ',
      h(
        'button',
        { type: 'button', popoverTarget: cardId, popoverTargetAction: 'hide', className: ['claim-card-close'] },
        'Close',
      ),
    ]),
  );
  return h(
    'div',
    {
      id: cardId,
      popover: 'auto',
      role: 'dialog',
      ariaLabelledBy: `${cardId}-title`,
      className: ['claim-card'],
      dataKind: claim.kind,
      dataStatus: claim.status,
    },
    body,
  );
}

export function remarkClaims(options: RemarkClaimsOptions) {
  return (tree: Root, file: VFile): void => {
    const frontmatter = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ??
      {}) as { claims?: FrontmatterClaim[]; original?: { outlet?: string } };
    const declared = new Map<string, FrontmatterClaim>();
    for (const c of frontmatter.claims ?? []) if (c && typeof c.id === 'string') declared.set(c.id, c);
    const outletId = frontmatter.original?.outlet;
    const outletName = (outletId && options.registry.sources.get(outletId)?.name) || 'The outlet';

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
      found.push({ node, ancestors: ancestors as Parent[], id });
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

    const cardsAfter = new Map<RootContent, ElementContent[]>();
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
          dataKind: claim.kind as ClaimKind,
          dataStatus: claim.status as ClaimStatus,
        },
      };
      const parent = ancestors[ancestors.length - 1]!;
      const index = parent.children.indexOf(node as never);
      // The chip's words come from CSS (data-chip), so the article's sentences stay verbatim
      // in the page text while sighted readers still see who said it at a glance.
      const badge = {
        type: 'claimBadge',
        data: {
          hName: 'button',
          hProperties: {
            type: 'button',
            className: ['badge', `status-${claim.status}`],
            popoverTarget: `claim-${id}-details`,
            dataChip: chip,
            ariaLabel: `About this claim: ${sentence}`,
          },
        },
      };
      parent.children.splice(index + 1, 0, badge as never);
      const block = (ancestors[1] ?? node) as RootContent;
      const list = cardsAfter.get(block) ?? [];
      list.push(detailsCard(claim, options, outletName));
      cardsAfter.set(block, list);
    }

    // Cards go after the block that holds their claims: a popover card holds lists and
    // paragraphs, which may not sit inside a paragraph.
    for (const [block, cards] of cardsAfter) {
      const index = tree.children.indexOf(block);
      tree.children.splice(index + 1, 0, {
        type: 'claimCards',
        data: { hName: 'div', hProperties: { className: ['claim-cards'] }, hChildren: cards },
      } as never);
    }
    file.data.claims = marked;
  };
}
