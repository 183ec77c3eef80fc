import { describe, expect, it } from 'vitest';
import { annotationCollection, textQuotes } from '../../src/publishing/annotations';
import { textWithSpans } from '../../src/analysis/claim-spans';
import { fixtureRegistry as registry } from '../support/claims';

const html =
  '<p>Before the claim, <mark id="claim-one" class="claim">the exact words</mark><button class="badge"></button> and after it.</p>' +
  '<div class="claim-cards"><div popover id="card-one"><p>Card text</p></div></div>';

type CollectionInput = Parameters<typeof annotationCollection>[0];

/** The annotations of the page `html` with `claims`; the rest of the input is the same in every test. */
const collection = (input: Pick<CollectionInput, 'claims'> & Partial<CollectionInput>) =>
  annotationCollection({
    pageUrl: 'https://s.example/articles/x/',
    collectionUrl: 'https://s.example/articles/x/annotations.jsonld',
    siteUrl: 'https://s.example/',
    title: 'X',
    published: '2024-10-12',
    updated: '2024-10-12',
    outletName: 'Paper C',
    text: textWithSpans(html),
    lookup: registry,
    bibliography: registry.bibliography,
    ...input,
  });

/** One corroborated direct quote by person-a, through agency-b. */
const oneClaim: CollectionInput['claims'] = [
  {
    id: 'one',
    kind: 'direct-quote',
    status: 'corroborated',
    speaker: 'person-a',
    via: ['agency-b'],
    note: 'Checked.',
  },
];

describe('web annotations', () => {
  it('takes the exact words of each claim mark with context that stays inside its paragraph', () => {
    const q = textQuotes(html).get('one')!;
    expect(q.exact).toBe('the exact words');
    expect(q.prefix).toBe('Before the claim, ');
    expect(q.suffix).toBe(' and after it.');
  });

  it('limits the context to 32 characters either side', () => {
    const long = `<p>${'a'.repeat(50)} <mark id="claim-x">words</mark> ${'b'.repeat(50)}</p>`;
    const q = textQuotes(long).get('x')!;
    expect(q.prefix).toBe(`${'a'.repeat(31)} `);
    expect(q.suffix).toBe(` ${'b'.repeat(31)}`);
  });

  it('makes one annotation per claim, targeting the page with a TextQuoteSelector', () => {
    const c = collection({ claims: oneClaim });
    expect(c.total).toBe(1);
    const a = c.first.items[0]!;
    expect(a.target).toEqual({
      source: 'https://s.example/articles/x/',
      selector: {
        type: 'TextQuoteSelector',
        exact: 'the exact words',
        prefix: 'Before the claim, ',
        suffix: ' and after it.',
      },
    });
    expect(JSON.stringify(a.body)).toContain('Agency B');
    expect(JSON.stringify(a.body)).toContain('https://agency-b.example');
  });

  it('refuses to publish a claim that has no mark in the page', () => {
    expect(() =>
      collection({
        claims: [{ id: 'missing', kind: 'paraphrase', status: 'unverified', speaker: 'outlet', note: 'n' }],
      }),
    ).toThrow(/missing/);
  });

  it('carries the claim’s findings, its “since publication” notes and its corrections, and no other claim’s', () => {
    const c = collection({
      updated: '2024-11-02',
      claims: [
        {
          id: 'one',
          kind: 'direct-quote',
          status: 'corroborated',
          speaker: 'person-a',
          note: 'Checked.',
          checked: [{ source: 'ref-two', finding: 'shows the same words', accessed: '2024-10-12' }],
        },
      ],
      since: [
        { date: '2024-11-01', claims: ['one'], text: 'It happened.', cite: ['ref-one'] },
        { date: '2024-11-02', claims: ['other'], text: 'Something else.', cite: ['ref-one'] },
      ],
      corrections: [
        { date: '2024-11-02', type: 'correction', claims: ['one'], text: 'We fixed the status.' },
        { date: '2024-11-02', type: 'update', claims: [], text: 'Whole-article update.' },
      ],
    });
    const body = c.first.items[0]!.body as { purpose?: string; value?: string; id?: string; created?: string }[];
    const values = body.map((b) => b.value ?? '');
    expect(values).toContain(
      'How we checked: Land X Government, date unknown <https://gov.example/2>: shows the same words (read 12 October 2024)',
    );
    expect(body).toContainEqual(
      expect.objectContaining({
        purpose: 'commenting',
        created: '2024-11-01T00:00:00Z',
        value: 'Since publication, 1 November 2024: It happened. Sources: Wire A, 11 October 2024.',
      }),
    );
    expect(values).toContain('Correction, 2 November 2024: We fixed the status.');
    expect(values.join('\n')).not.toContain('Something else.');
    expect(values.join('\n')).not.toContain('Whole-article update.');
    // The cited documents are linked, each once.
    expect(body.filter((b) => b.id === 'https://gov.example/2')).toHaveLength(1);
    expect(body.filter((b) => b.id === 'https://wire-a.example/1')).toHaveLength(1);
  });

  it('links each address as a resource with its type and without a purpose, which the model gives only to text bodies and specific resources', () => {
    const bodies = collection({ claims: oneClaim }).first.items[0]!.body as Record<string, unknown>[];
    const linked = bodies.filter((b) => b['type'] !== 'TextualBody');
    expect(linked).toEqual([{ id: 'https://agency-b.example', type: 'Text' }]);
    // The text body that names the source still says why it is there.
    expect(bodies).toContainEqual({
      type: 'TextualBody',
      purpose: 'linking',
      value: 'Source: Agency B <https://agency-b.example>',
    });
  });

  it('describes its creator once, on the collection, and names it by that IRI in every annotation', () => {
    const c = collection({ claims: oneClaim });
    expect(c.creator).toEqual({ id: 'https://s.example/', type: 'Organization', name: 'Sourced' });
    expect(c.first.items.map((a) => a.creator)).toEqual(['https://s.example/']);
  });

  it('writes created as a UTC date-time and leaves modified out until the article is updated', () => {
    const unchanged = collection({ claims: oneClaim }).first.items[0]!;
    expect(unchanged.created).toBe('2024-10-12T00:00:00Z');
    expect(unchanged).not.toHaveProperty('modified');
    const updated = collection({ claims: oneClaim, updated: '2024-11-02' }).first.items[0]!;
    expect(updated.modified).toBe('2024-11-02T00:00:00Z');
  });

  it('gives every plain-text body its type, purpose and value and no format', () => {
    const bodies = collection({ claims: oneClaim }).first.items[0]!.body as Record<string, unknown>[];
    const textual = bodies.filter((b) => b['type'] === 'TextualBody');
    expect(textual.length).toBeGreaterThan(4);
    for (const b of textual) {
      expect(Object.keys(b).sort()).toEqual(['purpose', 'type', 'value']);
    }
  });
});
