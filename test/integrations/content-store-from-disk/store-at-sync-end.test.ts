import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import * as devalue from 'devalue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStoreAtSyncEnd } from '../../../src/integrations/content-store-from-disk/index';

const root = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'sourced-store-at-sync-end-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Store {
  set: (collection: string, key: string, value: unknown) => void;
  waitUntilSaveComplete: () => Promise<void>;
}

/** Astro's own store class, as its content sync uses it. */
async function astroStore(file: string): Promise<Store> {
  const entry = createRequire(path.join(root, 'package.json')).resolve('astro');
  const { MutableDataStore } = (await import(
    pathToFileURL(path.join(path.dirname(entry), 'content', 'mutable-data-store.js')).href
  )) as { MutableDataStore: { fromFile: (file: URL) => Promise<Store> } };
  return MutableDataStore.fromFile(pathToFileURL(file));
}

// Astro writes the store 500 ms after its last change.
const PAUSE_MS = 800;

describe('the content store in a build, written when the sync ends', () => {
  const warnings: string[] = [];
  const logger = { warn: (m: string) => warnings.push(m) } as unknown as AstroIntegrationLogger;
  beforeAll(() => writeStoreAtSyncEnd(root, logger));

  it('is not written while the sync pauses, and is written whole when it ends', async () => {
    const file = path.join(dir, 'paused.json');
    const store = await astroStore(file);
    store.set('articles', 'a', { id: 'a', title: 'First' });
    await sleep(PAUSE_MS);
    store.set('articles', 'b', { id: 'b', title: 'Second' });
    await sleep(PAUSE_MS);
    expect(existsSync(file)).toBe(false);
    await store.waitUntilSaveComplete();
    const written = devalue.parse(readFileSync(file, 'utf8')) as Map<string, Map<string, unknown>>;
    expect([...written.get('articles')!.keys()]).toEqual(['a', 'b']);
    expect(warnings).toEqual([]);
  });

  it('is written when the sync ends with a change made just before', async () => {
    const file = path.join(dir, 'busy.json');
    const store = await astroStore(file);
    store.set('articles', 'a', { id: 'a', title: 'First' });
    await store.waitUntilSaveComplete();
    const written = devalue.parse(readFileSync(file, 'utf8')) as Map<string, Map<string, unknown>>;
    expect(written.get('articles')!.get('a')).toEqual({ id: 'a', title: 'First' });
  });

  it('writes later changes at the next sync end, not before', async () => {
    const file = path.join(dir, 'twice.json');
    const store = await astroStore(file);
    store.set('articles', 'a', { id: 'a', title: 'First' });
    await store.waitUntilSaveComplete();
    store.set('articles', 'a', { id: 'a', title: 'Changed' });
    await sleep(PAUSE_MS);
    const before = devalue.parse(readFileSync(file, 'utf8')) as Map<string, Map<string, unknown>>;
    expect(before.get('articles')!.get('a')).toEqual({ id: 'a', title: 'First' });
    await store.waitUntilSaveComplete();
    const after = devalue.parse(readFileSync(file, 'utf8')) as Map<string, Map<string, unknown>>;
    expect(after.get('articles')!.get('a')).toEqual({ id: 'a', title: 'Changed' });
  });

  it('warns, and Astro writes as before, when Astro cannot be found', () => {
    warnings.length = 0;
    writeStoreAtSyncEnd(dir, logger);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/written each time the sync pauses/);
  });
});
