// Claims on the fixture site (test/fixtures/site) that several tests share, with the registry
// that names their speakers and channels. Each claim is one object, written into an article's
// frontmatter by articleMarkdown and passed as data to the code under test, so the two never differ.
import { stringify } from 'yaml';
import type { CardClaim } from '../../src/analysis/claim-card';
import { loadRegistry } from '../../src/collections/registry';
import { FIXTURE_SITE } from './pipeline';

/** The fixture site's sources, glossary and bibliography. */
export const fixtureRegistry = loadRegistry(FIXTURE_SITE);

/** Person A's words, from Agency B relayed by Wire A, with one finding: a single source. */
export const RELAYED: CardClaim & { note: string } = {
  id: 'relayed',
  kind: 'direct-quote',
  speaker: 'person-a',
  via: ['agency-b', 'wire-a'],
  status: 'single-source',
  note: 'Wire A relayed Agency B.',
  checked: [{ source: 'ref-one', finding: 'gives the words and credits Agency B', accessed: '2024-10-12' }],
};

/** The outlet's own assertion, with no source named and nothing found to support it. */
export const OWN_VOICE: CardClaim & { note: string } = {
  id: 'own-voice',
  kind: 'outlet-assertion',
  speaker: 'outlet',
  via: [],
  status: 'unsupported',
  note: 'Nothing supports it.',
};

/** An article by the fixture outlet Paper C: frontmatter listing `claims`, then `body`. */
export const articleMarkdown = (claims: readonly CardClaim[], body: string): string =>
  `---\n${stringify({ original: { outlet: 'paper-c' }, claims })}---\n\n${body}\n`;
