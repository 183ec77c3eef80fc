import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { storeJson, storeModule } from '../../../src/integrations/content-store-from-disk/index';

// What Astro's content plugin emits for the store (astro/dist/content/vite-plugin-content-virtual-mod.js).
const astroModule = (json: string) => `export default JSON.parse(${JSON.stringify(json)})`;
const json = JSON.stringify([['Map', 1, 2], 'articles', { html: '<p class="x">“Quoted” \\ \u2028 text</p>' }]);
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

  it('gives a module whose value is the same as the original module’s', async () => {
    const file = path.join(dir, 'store.json');
    writeFileSync(file, storeJson(astroModule(json))!);
    writeFileSync(path.join(dir, 'original.mjs'), astroModule(json));
    writeFileSync(path.join(dir, 'replaced.mjs'), storeModule(file));
    const original = (await import(pathToFileURL(path.join(dir, 'original.mjs')).href)) as { default: unknown };
    const replaced = (await import(pathToFileURL(path.join(dir, 'replaced.mjs')).href)) as { default: unknown };
    expect(replaced.default).toEqual(original.default);
  });
});
