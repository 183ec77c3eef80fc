// axe-core on every built page, in the light and the dark colour scheme, and on the article
// with a claim card open: WCAG 2.1 A and AA plus axe's best practices, with zero violations.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtPages, openSite, type Site } from '../support/browser';
import { SEED_PATH, readArticle } from '../support/content';
import { ROOT } from '../support/global-setup';

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
// wcag22aa adds target-size (2.5.8), which Lighthouse's accessibility score also checks.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const SCHEMES = ['light', 'dark'] as const;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

const outDir = inject('outDir');
const pages = builtPages(outDir);

let site: Site;
const contexts = new Map<(typeof SCHEMES)[number], { context: BrowserContext; page: Page }>();

beforeAll(async () => {
  site = await openSite(outDir);
  for (const scheme of SCHEMES) {
    const context = await site.browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    // Injected into every document as it is created; Chromium caches the compiled script, which
    // makes this several times faster than adding a script tag to each page.
    await context.addInitScript({ content: readFileSync(AXE, 'utf8') });
    contexts.set(scheme, { context, page: await context.newPage() });
  }
});

afterAll(async () => {
  await site?.close();
});

async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(
    async (tags) =>
      (
        await (
          window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Violation[] }> } }
        ).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      ).violations,
    TAGS,
  );
}

function report(violations: Violation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 8)
          .map((n) => `    ${JSON.stringify(n.target)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
          .join('\n'),
    )
    .join('\n');
}

describe('accessibility', () => {
  it('finds the pages to check, including the seed article', () => {
    expect(pages).toContain('/');
    expect(pages).toContain(SEED_PATH);
  });

  it('reports an image without alternative text, so a clean result means axe really ran', async () => {
    const page = await contexts.get('light')!.context.newPage();
    try {
      await page.setContent(
        '<!doctype html><html lang="en"><head><title>t</title></head><body><main><img src="data:,"></main></body></html>',
      );
      const violations = await axe(page);
      expect(violations.map((v) => v.id)).toContain('image-alt');
    } finally {
      await page.close();
    }
  });

  for (const scheme of SCHEMES) {
    for (const p of pages) {
      it(`has no axe violations on ${p} in the ${scheme} colour scheme`, async () => {
        const { page } = contexts.get(scheme)!;
        const res = await page.goto(`${site.origin}${p}`);
        expect(res?.status()).toBe(200);
        const violations = await axe(page);
        expect(violations, report(violations)).toEqual([]);
      });
    }
  }

  for (const scheme of SCHEMES) {
    it(`has no axe violations on the search page showing results in the ${scheme} colour scheme`, async () => {
      const { page } = contexts.get(scheme)!;
      await page.goto(`${site.origin}/search/?q=Pezeshkian`);
      await page.locator('#search .pagefind-ui__result-nested').first().waitFor({ timeout: 15_000 });
      const violations = await axe(page);
      expect(violations, report(violations)).toEqual([]);
    });
  }

  for (const scheme of SCHEMES) {
    it(`has no axe violations on the article with a claim card open in the ${scheme} colour scheme`, async () => {
      const { page } = contexts.get(scheme)!;
      await page.goto(`${site.origin}${SEED_PATH}`);
      // A card with a timeline and citations: the richest one.
      const claim = readArticle().claims.find((c) => c.timeline?.length) ?? readArticle().claims[0]!;
      await page.locator(`#claim-${claim.id} button.badge`).focus();
      await page.keyboard.press('Enter');
      expect(await page.locator(`#card-${claim.id}`).evaluate((e) => e.matches(':popover-open'))).toBe(true);
      const violations = await axe(page);
      expect(violations, report(violations)).toEqual([]);
    });
  }
});
