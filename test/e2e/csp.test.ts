// The strict Content Security Policy: every built page carries it, every inline script and
// style on it is hashed in it, and in Chromium every page (search and share included) works
// under it with no violation: once with the meta tag alone (GitHub Pages), once with the
// generated _headers applied as Netlify or Cloudflare Pages would serve them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  headersFor,
  parseHeadersFile,
  parsePolicy,
  type HeaderRule,
} from '../../src/integrations/finish-build/host-config';
import { builtPages, openSite, waitForSearchResults, type Site } from '../support/browser';
import { fileFor } from '../support/built';
import { SEED_PATH } from '../support/content';

const outDir = inject('outDir');
const pages = builtPages(outDir);
const rules: HeaderRule[] = parseHeadersFile(readFileSync(path.join(outDir, '_headers'), 'utf8'));
let site: Site;

beforeAll(async () => {
  site = await openSite(outDir);
});
afterAll(async () => {
  await site?.close();
});

const parse = (sitePath: string): Root => fromHtml(readFileSync(fileFor(outDir, sitePath), 'utf8'));
const metaPolicyOf = (tree: Root) =>
  selectAll('meta', tree).find((m) => String(m.properties['httpEquiv']).toLowerCase() === 'content-security-policy')
    ?.properties['content'];
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
/** Script types the browser runs; JSON-LD and other data blocks are not code. */
const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript']);

describe('the policy in the built pages', () => {
  it('is in a meta tag on every page, strict, with no unsafe-inline', () => {
    expect(pages.length).toBeGreaterThan(3);
    for (const p of pages) {
      const policy = metaPolicyOf(parse(p));
      expect(policy, p).toBeDefined();
      const d = parsePolicy(policy!);
      expect(d.get('default-src'), p).toEqual(["'self'"]);
      expect(d.get('object-src'), p).toEqual(["'none'"]);
      expect(d.get('base-uri'), p).toEqual(["'none'"]);
      for (const name of ['script-src', 'style-src']) {
        expect(d.get(name), `${p} ${name}`).toBeDefined();
        expect(
          d.get(name)!.filter((s) => !/^'sha(256|384|512)-/.test(s)),
          `${p} ${name}`,
        ).toEqual(name === 'script-src' ? ["'self'", "'wasm-unsafe-eval'"] : ["'self'"]);
      }
      // Ignored in a meta tag, with a console warning; it belongs in the headers.
      expect(d.has('frame-ancestors'), p).toBe(false);
    }
  });

  it('hashes every inline script and style, and pages use no inline handlers or style attributes', () => {
    let inline = 0;
    for (const p of pages) {
      const tree = parse(p);
      const d = parsePolicy(metaPolicyOf(tree)!);
      for (const s of selectAll('script', tree)) {
        const type = String(s.properties['type'] ?? '').toLowerCase();
        if (s.properties['src'] !== undefined || !EXECUTABLE.has(type)) continue;
        inline++;
        expect(d.get('script-src'), `${p}: inline script not hashed`).toContain(sha256(toString(s)));
      }
      for (const s of selectAll('style', tree)) {
        inline++;
        expect(d.get('style-src'), `${p}: inline style not hashed`).toContain(sha256(toString(s)));
      }
      for (const e of selectAll('*', tree)) {
        const bad = Object.keys(e.properties).filter((k) => /^on/i.test(k) || k === 'style');
        expect(bad, `${p}: <${e.tagName}> ${bad.join(' ')}`).toEqual([]);
      }
    }
    expect(inline).toBeGreaterThan(0);
  });

  it('is repeated in _headers for every path, with frame-ancestors and the other security headers', () => {
    const h = headersFor(rules, SEED_PATH);
    const d = parsePolicy(h.get('content-security-policy') ?? '');
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    const meta = parsePolicy(metaPolicyOf(parse(SEED_PATH))!);
    for (const [name, sources] of meta) expect(d.get(name), name).toEqual(sources);
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(h.get('permissions-policy')).toContain('camera=()');
    const asset = readFileSync(path.join(outDir, 'index.html'), 'utf8').match(/\/_astro\/[^"]+\.css/)![0];
    expect(headersFor(rules, asset).get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, SEED_PATH).has('cache-control')).toBe(false);
  });
});

interface Observed {
  violations: string[];
  console: string[];
}

/** A browser context that records CSP violations and console messages on every page. */
async function watchedContext(withHeaders: boolean): Promise<{ context: BrowserContext; observed: Observed }> {
  const context = await site.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample ?? ''}`.trim());
    });
  });
  if (withHeaders) {
    // The preview server sends no headers of its own; add those _headers gives each path.
    await context.route('**/*', async (route) => {
      const response = await route.fetch();
      const extra = Object.fromEntries(headersFor(rules, new URL(route.request().url()).pathname));
      await route.fulfill({ response, headers: { ...response.headers(), ...extra } });
    });
  }
  const observed: Observed = { violations: [], console: [] };
  context.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') observed.console.push(`${m.type()}: ${m.text()}`);
  });
  context.on('weberror', (e) => observed.console.push(`pageerror: ${e.error().message}`));
  return { context, observed };
}

async function collect(page: Page, observed: Observed, where: string): Promise<void> {
  const found = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  observed.violations.push(...found.map((v) => `${where}: ${v}`));
}

const cspMessages = (o: Observed) => o.console.filter((m) => /content security policy|refused to|csp/i.test(m));

for (const withHeaders of [false, true]) {
  describe(
    withHeaders ? 'in Chromium, with the _headers policy as well' : 'in Chromium, with the meta tag alone',
    () => {
      let context: BrowserContext;
      let observed: Observed;

      beforeAll(async () => {
        ({ context, observed } = await watchedContext(withHeaders));
      });
      afterAll(async () => {
        await context?.close();
      });

      it('loads every built page with no violation and no CSP message in the console', async () => {
        const page = await context.newPage();
        for (const p of pages) {
          const response = await page.goto(`${site.origin}${p}`, { waitUntil: 'load' });
          expect(response?.status(), p).toBe(200);
          if (withHeaders)
            expect(response?.headers()['content-security-policy'], p).toContain("frame-ancestors 'none'");
          await collect(page, observed, p);
        }
        await page.close();
        expect(observed.violations).toEqual([]);
        expect(cspMessages(observed), observed.console.join('\n')).toEqual([]);
      }, 300_000);

      it('runs the site’s scripts under the policy: claim cards get share buttons that copy the link', async () => {
        // No Web Share sheet in headless Chromium to dismiss: the button copies the link instead.
        await context.addInitScript(() => {
          delete (Navigator.prototype as { share?: unknown }).share;
        });
        const page = await context.newPage();
        await page.goto(`${site.origin}${SEED_PATH}`);
        const badge = page.locator('button.badge').first();
        const card = (await badge.getAttribute('popovertarget'))!;
        // The marker is the keyboard's way in at every width (on wide screens the margin note is the pointer's).
        await badge.focus();
        await page.keyboard.press('Enter');
        // The share script makes the card's button as the card opens (docs/performance.md, "Session 9").
        expect(await page.locator(`#${card} button.claim-share-button`).count()).toBe(1);
        await page.locator(`#${card} button.claim-share-button`).click();
        await page.locator(`#${card} .claim-share-status`, { hasText: 'copied' }).waitFor({ timeout: 10_000 });
        await collect(page, observed, `${SEED_PATH} (share)`);
        await page.close();
        expect(observed.violations).toEqual([]);
        expect(cspMessages(observed), observed.console.join('\n')).toEqual([]);
      });

      it('searches under the policy: Pagefind’s WebAssembly and worker load and find the article', async () => {
        const page = await context.newPage();
        await page.goto(`${site.origin}/search/?q=Pezeshkian`);
        await page.locator('#search .pagefind-ui__message', { hasText: /result/ }).waitFor({ timeout: 20_000 });
        await waitForSearchResults(page);
        const hrefs = await page
          .locator('#search .pagefind-ui__result a')
          .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
        expect(hrefs).toContain(SEED_PATH);
        await collect(page, observed, '/search/');
        await page.close();
        expect(observed.violations).toEqual([]);
        expect(cspMessages(observed), observed.console.join('\n')).toEqual([]);
      });
    },
  );
}

describe('the policy itself', () => {
  it('is enforced: an inline script that is not hashed is refused and reported', async () => {
    const { context, observed } = await watchedContext(false);
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    const ran = await page.evaluate(() => {
      const w = window as unknown as { __ran?: boolean };
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
      return w.__ran === true;
    });
    await page.waitForTimeout(200);
    await collect(page, observed, '/');
    await context.close();
    expect(ran).toBe(false);
    expect(observed.violations.some((v) => v.includes('script-src'))).toBe(true);
  });
});
