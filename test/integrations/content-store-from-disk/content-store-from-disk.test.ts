import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as devalue from 'devalue';
import { afterAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type { AstroIntegrationLogger } from 'astro';
import { releaseSyncedStore, storeJson, storeModule } from '../../../src/integrations/content-store-from-disk/index';

// What Astro's content plugin emits for the store (astro/dist/content/vite-plugin-content-virtual-mod.js).
const astroModule = (json: string) => `export default JSON.parse(${JSON.stringify(json)})`;
const json = devalue.stringify(new Map([['articles', { html: '<p class="x">“Quoted” \\ \u2028 text</p>' }]]));
const dir = mkdtempSync(path.join(tmpdir(), 'sourced-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading the content store from a file instead of a bundled literal', () => {
  it('recovers the exact JSON text from the module Astro generates', () => {
    expect(storeJson(astroModule(json))).toBe(json);
  });

  it('leaves modules of any other shape alone', () => {
    expect(storeJson('export default new Map()')).toBeUndefined();
    expect(storeJson('export default{"articles":[(await import("x"))]}')).toBeUndefined();
    expect(storeJson('export default JSON.parse(notALiteral)')).toBeUndefined();
  });

  it('gives a module whose value is the store the original module’s value unflattens to', async () => {
    const file = path.join(dir, 'store.json');
    writeFileSync(file, storeJson(astroModule(json))!);
    writeFileSync(path.join(dir, 'original.mjs'), astroModule(json));
    writeFileSync(path.join(dir, 'replaced.mjs'), storeModule(file));
    const original = (await import(pathToFileURL(path.join(dir, 'original.mjs')).href)) as { default: unknown };
    const replaced = (await import(pathToFileURL(path.join(dir, 'replaced.mjs')).href)) as { default: unknown };
    expect(replaced.default).toBeInstanceOf(Map);
    expect(replaced.default).toEqual(devalue.unflatten(original.default as number[]));
  });
});

describe('letting go of the content sync’s copy of the store', () => {
  const root = path.resolve(import.meta.dirname, '../../..');
  const warnings: string[] = [];
  const logger = { warn: (m: string) => warnings.push(m) } as unknown as AstroIntegrationLogger;

  it('drops the content layer Astro keeps after its sync, with the store it holds', async () => {
    // Astro's own singleton, found the way a build's integration finds it.
    const entry = createRequire(path.join(root, 'package.json')).resolve('astro');
    const { globalContentLayer } = (await import(
      pathToFileURL(path.join(path.dirname(entry), 'content', 'instance.js')).href
    )) as { globalContentLayer: { init: (o: object) => unknown; get: () => unknown } };
    globalContentLayer.init({ settings: {}, logger: {}, store: { entries: 'the synced store' } });
    expect(globalContentLayer.get()).not.toBeNull();
    warnings.length = 0;
    releaseSyncedStore(root, logger);
    expect(globalContentLayer.get()).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('warns, and the build goes on, when Astro cannot be found or has another shape', () => {
    warnings.length = 0;
    releaseSyncedStore(dir, logger);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/holds the store twice/);
  });
});
