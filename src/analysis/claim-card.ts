/**
 * A claim's details card: the popover its badge opens (who, channel, primary record, kind,
 * status, note, timeline, where it was checked, links). Built from the claim's frontmatter as a
 * hast tree, so the article page and the feeds share one definition.
 *
 * Cards are not part of the Markdown render: 25 cards are most of an article's HTML, and kept
 * there they went through every rehype step and were stored with each render
 * (docs/performance.md). The page adds them after the article body; a popover opens in the top
 * layer and is next in focus order after its badge wherever it sits in the document.
 */
import type { Element, ElementContent, Root } from 'hast';
import { formatDate, isoDay } from '../lib/dates';
import { channelPhrase, claimKindLabel, speakerName, statusLabel, verdictSentence, type ClaimLike } from './describe';
import { refId, type Lookup } from '../collections/lookup';
import { hasClaimPage } from './claim-pages';
import type { ClaimPagesSetting } from '../lib/site';
import { copyTree } from '../lib/copy-tree';
import { hastElement as el } from '../lib/hast-element';

/** What a cited document shows about a claim (the schema's `finding`); YAML may give a Date. */
export interface CardFinding {
  source: string;
  finding: string;
  accessed: string | Date;
}

/** A claim with what its card shows beyond the badge; raw YAML or a parsed entry. */
export interface CardClaim extends ClaimLike {
  note?: string | undefined;
  checked?: CardFinding[] | undefined;
  primaryWording?: string | undefined;
  timeline?: { date: string | Date; who: string; action: string; summary: string; cite?: string[] }[] | undefined;
}

export interface ClaimCardOptions {
  lookup: Lookup;
  /** Name of the outlet analysed, for claims in its own voice. */
  outletName: string;
  /** Address of the methodology page, where kinds and statuses are explained. */
  methodology: string;
  /**
   * The in-text citation for each key the card cites, as rehype-citation formats it for the
   * article (rehype-citations.ts stores them with the render).
   */
  citations: Readonly<Record<string, Element>>;
  /** Which claims have their own page to share (src/lib/site.ts); the site's setting by default. */
  claimPages?: ClaimPagesSetting | undefined;
}

/** What a card is called, on screen and as the dialog's name. */
const CARD_TITLE = 'About this claim';

/**
 * The id of a claim's card, which its badge's popovertarget names. Short, as a page writes it four
 * times a claim (the card, its two buttons, Close); no other id on a page starts with "card-".
 */
export const claimCardId = (claimId: string): string => `card-${claimId}`;

/** The claim id a card id (or a badge's popovertarget) names: the inverse of claimCardId. */
export const claimOfCard = (id: string): string => id.replace(/^card-/, '');

/** The keys a claim's card cites: where it was checked, then its timeline's sources. */
export const cardCitationKeys = (claim: Pick<CardClaim, 'checked' | 'timeline'>): string[] => [
  ...(claim.checked ?? []).map((f) => f.source),
  ...(claim.timeline ?? []).flatMap((e) => e.cite ?? []),
];

function citation(key: string, options: ClaimCardOptions): ElementContent[] {
  const formatted = options.citations[key];
  if (!formatted)
    throw new Error(`The citation [@${key}] on a claim card was not formatted with the article; see rehype-citations.`);
  // Each card its own copy: later steps may change a tree in place (the feeds make links absolute).
  const node = copyTree(formatted);
  // A bare <span> adds nothing: its contents stand alone, one element fewer per citation.
  return node.tagName === 'span' && Object.keys(node.properties).length === 0 ? node.children : [node];
}

/** Citations separated by spaces, as rehype-citation writes `[@a] [@b]`. */
function citations(keys: string[], options: ClaimCardOptions): ElementContent[] {
  return keys.flatMap((key, i): ElementContent[] =>
    i === 0 ? citation(key, options) : [{ type: 'text', value: ' ' }, ...citation(key, options)],
  );
}

/**
 * The verdict at a glance: icon, status and a sentence that fits the kind of claim. The status's
 * colour and icon come from the card's data-status; the icon is the line's ::before, nothing to
 * announce. The space after it stays, as it was after the span the icon once was.
 */
function verdictLine(claim: ClaimLike, lookup: Lookup, outletName: string): Element {
  return el('p', { className: ['claim-card-verdict'] }, [
    ' ',
    el('strong', {}, `${statusLabel(claim.status)}.`),
    ` ${verdictSentence(claim, lookup, outletName)}`,
  ]);
}

export function claimCard(claim: CardClaim, options: ClaimCardOptions): Element {
  const { lookup, outletName, methodology } = options;
  const id = claimCardId(claim.id);
  const rows: ElementContent[] = [
    el('dt', {}, 'Who'),
    el('dd', {}, speakerName(claim, lookup, outletName)),
    el('dt', {}, 'Channel'),
    el('dd', {}, channelPhrase(claim, lookup)),
  ];
  if (claim.primary) {
    const src = lookup.sources.get(refId(claim.primary));
    rows.push(
      el('dt', {}, 'Primary record'),
      el('dd', {}, src?.url ? el('a', { href: src.url }, src.name) : (src?.name ?? refId(claim.primary))),
    );
  }
  rows.push(
    el('dt', {}, 'Kind'),
    el('dd', {}, el('a', { href: `${methodology}#kind-${claim.kind}` }, claimKindLabel(claim.kind))),
    el('dt', {}, 'Status'),
    el('dd', {}, el('a', { href: `${methodology}#status-${claim.status}` }, statusLabel(claim.status))),
  );
  const body: ElementContent[] = [
    el('p', { className: ['claim-card-title'] }, CARD_TITLE),
    verdictLine(claim, lookup, outletName),
    el('dl', {}, rows),
  ];
  // The parts below carry no class unless the stylesheet, a script or the feed needs one: every
  // article page repeats them for each claim (docs/performance.md, "Issue 17", sixth pass).
  if (claim.note) body.push(el('p', {}, claim.note));
  if (claim.primaryWording) {
    body.push(el('p', {}, [el('strong', {}, 'Primary record’s wording: '), el('q', {}, claim.primaryWording)]));
  }
  if (claim.timeline?.length) {
    body.push(
      el(
        'ol',
        { ariaLabel: 'Timeline of the report' },
        claim.timeline.map((e) =>
          el('li', {}, [
            el('time', { dateTime: isoDay(e.date) }, formatDate(isoDay(e.date))),
            ` — ${e.who} ${e.action}: ${e.summary} `,
            ...citations(e.cite ?? [], options),
          ]),
        ),
      ),
    );
  }
  if (claim.checked?.length) {
    // The evidence trail: each document, what it shows, and when we read it; said once in the
    // heading when every document was read the same day, as is usual. The heading is the
    // paragraph just before the list (styled so in global.css); the day read is a side note,
    // <small>.
    const read = (day: string) => el('time', { dateTime: day }, formatDate(day));
    const days = new Set(claim.checked.map((f) => isoDay(f.accessed)));
    const oneDay = days.size === 1 ? [...days][0] : undefined;
    body.push(
      el('p', {}, oneDay ? ['How we checked ', el('small', {}, ['(all read ', read(oneDay), ')'])] : 'How we checked'),
      el(
        'ul',
        {},
        claim.checked.map((f) =>
          el('li', {}, [
            ...citation(f.source, options),
            `: ${f.finding}`,
            ...(oneDay ? [] : [' ', el('small', {}, ['(read ', read(isoDay(f.accessed)), ')'])]),
          ]),
        ),
      ),
    );
  }
  body.push(
    el('p', { className: ['claim-card-actions'] }, [
      el('a', { href: `#claim-${claim.id}` }, 'Link to this claim'),
      ' ',
      // The claim's own shareable page, relative to the article page, or its place here when it
      // has no page (claimPages); a small script turns it into a Share (or Copy link) button.
      hasClaimPage(claim.status, options.claimPages)
        ? el('a', { href: `claims/${claim.id}/` }, 'Share this claim')
        : el('a', { href: `#claim-${claim.id}`, dataShare: '' }, 'Share this claim'),
      ' ',
      el(
        'button',
        // No type: the card is in no form. No action: inside its open card, the default toggle hides it.
        { popoverTarget: id },
        'Close',
      ),
    ]),
  );
  return el(
    'div',
    {
      id,
      popover: 'auto',
      role: 'dialog',
      // Named by its visible title's words, without an id on the title for every card.
      ariaLabel: CARD_TITLE,
      className: ['claim-card'],
      // The status's colour and icon for the whole card.
      dataStatus: claim.status,
    },
    body,
  );
}

/** Every claim's card in one container, in the order given. */
export const claimCards = (claims: readonly CardClaim[], options: ClaimCardOptions): Root => ({
  type: 'root',
  children: [
    el(
      'div',
      { className: ['claim-cards'] },
      claims.map((c) => claimCard(c, options)),
    ),
  ],
});
