// What the drafting tests share: a fictional glossary with NordPress (a state news agency) as
// its one source, so each rule is seen on words the seed does not have; the one claim holding
// some words; and a scratch copy of the repository's content for `npm run new` to write into.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Registry, RegistryGlossaryEntry, RegistrySource } from '../../src/collections/registry';
import type { Draft, DraftClaim } from '../../src/editorial/draft';
import { ROOT } from './global-setup';

export type FictionalRegistry = Pick<Registry, 'glossary' | 'sources'>;

export const glossaryEntry = (
  id: string,
  name: string,
  kind: string,
  aliases: string[] = [],
): [string, RegistryGlossaryEntry] => [id, { id, name, kind, aliases }];

/** The entries given, and the source NordPress, whose glossary entry is `nordpress`. */
export function fictionalRegistry(...entries: [string, RegistryGlossaryEntry][]): FictionalRegistry {
  return {
    glossary: new Map(entries),
    sources: new Map<string, RegistrySource>([
      [
        'nordpress',
        { id: 'nordpress', name: 'NordPress', type: 'state-news-agency', glossary: 'nordpress' } as RegistrySource,
      ],
    ]),
  };
}

/** The one claim of a draft whose words include `words`; fails, listing every claim, otherwise. */
export function onlyClaim(d: Draft, words: string): DraftClaim {
  const found = d.claims.filter((c) => c.text.includes(words));
  expect(found, `one claim holding “${words}” in ${JSON.stringify(d.claims.map((c) => c.text))}`).toHaveLength(1);
  return found[0]!;
}

/** Runs `test` in a throwaway folder holding a copy of the repository's content/, removed after. */
export async function withContentCopy<T>(test: (root: string) => T | Promise<T>): Promise<T> {
  const root = mkdtempSync(path.join(tmpdir(), 'sourced-content-'));
  try {
    cpSync(path.join(ROOT, 'content'), path.join(root, 'content'), { recursive: true });
    return await test(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
