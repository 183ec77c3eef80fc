import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import * as devalue from 'devalue';
import { afterAll, describe, expect, it } from 'vitest';
import { streamStoreWrites } from '../../../src/integrations/content-store-from-disk/index';
import {
  UnsupportedValue,
  devalueChunks,
  writeStoreFile,
} from '../../../src/integrations/content-store-from-disk/store-file';

const dir = mkdtempSync(path.join(tmpdir(), 'sourced-store-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (value: unknown) => [...devalueChunks(value)].join('');

// A store's shape: collections of entries with data, dates, rendered HTML and plugin metadata.
const shared = { entry: 'tehran', words: ['Tehran'] };
const store = new Map([
  [
    'articles',
    new Map<string, unknown>([
      [
        'b',
        {
          id: 'b',
          data: {
            title: 'Talks “resume” <today>',
            published: new Date('2024-02-11T00:00:00Z'),
            tags: [],
            dek: undefined,
          },
          rendered: {
            html: '<p class="x">A \\ "quoted" line\u2028and \u{1F600} and \u0001</p>',
            metadata: { frontmatter: { mentions: [shared, shared], count: 2, ratio: 0.5, draft: false, none: null } },
          },
          digest: 'abc',
        },
      ],
      ['a', { id: 'a', data: { title: 'Talks “resume” <today>' }, odd: [NaN, Infinity, -Infinity, -0, 0, 10n] }],
    ]),
  ],
  ['meta::meta', new Map([['astro-version', '7.3.5']])],
]);

describe('writing the content store piece by piece', () => {
  it('gives text devalue reads back as the same value', () => {
    expect(devalue.parse(text(store))).toEqual(store);
    expect(Object.is(devalue.parse(text(-0)) as number, -0)).toBe(true);
    expect(devalue.parse(text(undefined))).toBeUndefined();
    expect(devalue.parse(text('<p>'))).toBe('<p>');
  });

  it('reads back equal to what devalue’s own writer gives', () => {
    expect(devalue.parse(text(store))).toEqual(devalue.parse(devalue.stringify(store)));
  });

  it('keeps a value met twice as one value, as devalue does', () => {
    const back = devalue.parse(text(store)) as typeof store;
    const meta = (
      back.get('articles')!.get('b') as { rendered: { metadata: { frontmatter: { mentions: unknown[] } } } }
    ).rendered.metadata.frontmatter;
    expect(meta.mentions[0]).toBe(meta.mentions[1]);
    const cycle: { self?: unknown } = {};
    cycle.self = cycle;
    const again = devalue.parse(text(cycle)) as { self: unknown };
    expect(again.self).toBe(again);
  });

  it('writes each repeated string once', () => {
    expect(text(['same words', 'same words']).split('same words')).toHaveLength(2);
  });

  it('refuses values it does not know, before touching the file', () => {
    const file = path.join(dir, 'refused.json');
    writeFileSync(file, 'before');
    class Point {
      x = 1;
    }
    // Holes at 1 and 2.
    const sparse = new Array<number>(3);
    sparse[0] = 1;
    for (const bad of [
      new Point(),
      new Set([1]),
      sparse,
      () => 1,
      Object.create(null) as object,
      new URL('https://a.b'),
    ])
      expect(() => writeStoreFile(file, new Map([['x', bad]]))).toThrow(UnsupportedValue);
    expect(readFileSync(file, 'utf8')).toBe('before');
  });
});

describe('the store file', () => {
  it('is written when new or changed, and left untouched when it already holds the same bytes', () => {
    const file = path.join(dir, 'data-store.json');
    expect(writeStoreFile(file, store)).toBe(true);
    expect(devalue.parse(readFileSync(file, 'utf8'))).toEqual(store);
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, old, old);
    expect(writeStoreFile(file, store)).toBe(false);
    expect(statSync(file).mtime).toEqual(old);
    const changed = new Map([...store, ['glossary', new Map([['tehran', { id: 'tehran' }]])]]);
    expect(writeStoreFile(file, changed)).toBe(true);
    expect(devalue.parse(readFileSync(file, 'utf8'))).toEqual(changed);
  });

  it('writes stores larger than its write buffer whole', () => {
    const file = path.join(dir, 'large.json');
    const big = new Map(Array.from({ length: 300 }, (_, i) => [`e${i}`, { html: `<p>${'é'.repeat(5000)}${i}</p>` }]));
    writeStoreFile(file, big);
    expect(devalue.parse(readFileSync(file, 'utf8'))).toEqual(big);
  });
});

describe('Astro’s store writer, streamed', () => {
  const root = path.resolve(import.meta.dirname, '../../..');
  const warnings: string[] = [];
  const logger = { warn: (m: string) => warnings.push(m) } as unknown as AstroIntegrationLogger;
  const astroWriter = async () => {
    const entry = createRequire(path.join(root, 'package.json')).resolve('astro');
    return (await import(pathToFileURL(path.join(path.dirname(entry), 'content', 'data-store-writer.js')).href)) as {
      FileWriter: new (file: URL) => { write: (c: unknown) => Promise<boolean> };
      serializeDataStore: (c: unknown) => string;
    };
  };

  it('writes the store Astro’s way sorted, through the streamed writer, and skips an unchanged file', async () => {
    const { FileWriter, serializeDataStore } = await astroWriter();
    const expected = devalue.parse(serializeDataStore(store)) as typeof store;
    warnings.length = 0;
    streamStoreWrites(root, logger);
    const file = path.join(dir, 'astro-store.json');
    const writer = new FileWriter(pathToFileURL(file));
    expect(await writer.write(store)).toBe(true);
    const written = readFileSync(file, 'utf8');
    // devalue escapes "<"; the streamed writer leaves it to JSON.
    expect(written).toContain('<p class=');
    const back = devalue.parse(written) as typeof store;
    expect(back).toEqual(expected);
    expect([...back.get('articles')!.keys()]).toEqual([...expected.get('articles')!.keys()]);
    expect(await writer.write(store)).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('falls back to Astro’s own writer, with a warning, for a value it does not know', async () => {
    const { FileWriter } = await astroWriter();
    streamStoreWrites(root, logger);
    warnings.length = 0;
    const file = path.join(dir, 'fallback.json');
    const withSet = new Map([['tags', new Map([['t', { ids: new Set(['a']), html: '<b>' }]])]]);
    expect(await new FileWriter(pathToFileURL(file)).write(withSet)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('\\u003Cb>');
    expect(devalue.parse(readFileSync(file, 'utf8'))).toEqual(withSet);
    expect(warnings).toEqual(['The content store holds an instance of Set; it is written as one string.']);
  });

  it('warns, and Astro writes its own way, when Astro cannot be found', () => {
    warnings.length = 0;
    streamStoreWrites(dir, logger);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/written as one string/);
  });
});
