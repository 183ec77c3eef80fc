// The article's claims as W3C Web Annotations: linked from the page, valid JSON-LD against the
// published context, one annotation per claim, and selectors that anchor in the page a reader sees.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import type { JsonLd, RemoteDocument } from 'jsonld/jsonld-spec';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLAIM_KINDS, CLAIM_STATUSES } from '../../src/schemas/taxonomy';
import { openSite, type Site } from '../support/browser';
import { SEED_PATH, readArticle, readSource, speakerDisplayName } from '../support/content';
import { ROOT } from '../support/global-setup';

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const PROFILE_TYPE = `application/ld+json; profile="${ANNO_CONTEXT}"`;
const contextDoc = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/contexts/anno.jsonld'), 'utf8')) as JsonLd;

/** Serves the vendored Web Annotation context and refuses everything else: the tests are offline. */
function documentLoader(url: string): Promise<RemoteDocument> {
  if (url === ANNO_CONTEXT || url === 'https://www.w3.org/ns/anno.jsonld') {
    return Promise.resolve({ contextUrl: undefined, documentUrl: url, document: contextDoc });
  }
  return Promise.reject(new Error(`The test document loader refuses ${url}`));
}
/** jsonld's option types do not list `safe` (refuse anything expansion would drop). */
const safely = { documentLoader, safe: true };

interface TextBody {
  type: string;
  purpose: string;
  value?: string;
  id?: string;
}
interface Annotation {
  id: string;
  type: string;
  created?: string;
  modified?: string;
  creator?: unknown;
  body: TextBody[];
  target: { source: string; selector: { type: string; exact: string; prefix: string; suffix: string } };
}
interface Collection {
  '@context': string;
  type: string;
  creator?: { id?: string; type?: string; name?: string };
  total: number;
  first: { items: Annotation[] };
}

const outDir = inject('outDir');
const article = readArticle();

let site: Site;
let page: Page;
let href: string;
let doc: Collection;

beforeAll(async () => {
  site = await openSite(outDir);
  page = await site.browser.newPage();
  await page.goto(`${site.origin}${SEED_PATH}`);
  const link = page.locator(`head link[rel="alternate"][type='${PROFILE_TYPE}']`);
  href = (await link.count()) === 1 ? new URL((await link.getAttribute('href'))!, page.url()).href : '';
  const res = await fetch(new URL('annotations.jsonld', `${site.origin}${SEED_PATH}`));
  if (!res.ok) throw new Error(`annotations.jsonld: HTTP ${res.status}`);
  doc = (await res.json()) as Collection;
});

afterAll(async () => {
  await site?.close();
});

const claimIdOf = (a: Annotation) => a.id.slice(a.id.lastIndexOf('#') + 1);

describe('the annotation collection of the seed article', () => {
  it('is linked from the article page as an alternate with the Web Annotation profile', () => {
    expect(href).toBe(`${site.origin}${SEED_PATH}annotations.jsonld`);
  });

  it('expands as JSON-LD in safe mode against the published context without dropping anything', async () => {
    expect(doc['@context']).toBe(ANNO_CONTEXT);
    const expanded = await jsonld.expand(doc, safely);
    expect(expanded).toHaveLength(1);
    // A term missing from the context can survive expansion as a relative IRI and then vanish
    // from the RDF; every IRI in the expanded document must be absolute.
    const relative: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${i}]`));
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if (k === '@id' && typeof v === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(v))
          relative.push(`${where}: @id ${v}`);
        if (k === '@type')
          for (const t of [v].flat())
            if (typeof t === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(t)) relative.push(`${where}: @type ${t}`);
        if (!/^[a-z][a-z0-9+.-]*:/i.test(k) && !k.startsWith('@')) relative.push(`${where}: property ${k}`);
        walk(v, `${where}.${k}`);
      }
    };
    walk(expanded, '$');
    expect(relative, relative.slice(0, 10).join('\n')).toEqual([]);
    // The same document also converts to RDF in safe mode, which refuses anything it would drop.
    const quads = await jsonld.toRDF(doc, { ...safely, format: 'application/n-quads' });
    expect(quads).toEqual(expect.stringContaining('<http://www.w3.org/ns/oa#motivatedBy>'));
  });

  it('dates each annotation with UTC date-times and names a creator the collection describes once', async () => {
    // The model: created and modified are xsd:dateTime in UTC with "Z"; an agent has an IRI, a type and a name.
    const utc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
    const creator = doc.creator;
    expect(creator?.id).toMatch(/^https?:\/\//);
    expect(creator?.type).toBe('Organization');
    expect(creator?.name).toBeTruthy();
    const problems: string[] = [];
    for (const a of doc.first.items) {
      if (!a.created || !utc.test(a.created)) problems.push(`${a.id}: created ${a.created}`);
      if (a.modified !== undefined && !utc.test(a.modified)) problems.push(`${a.id}: modified ${a.modified}`);
      if (a.creator !== creator?.id) problems.push(`${a.id}: creator ${JSON.stringify(a.creator)}`);
      for (const b of a.body as (TextBody & { created?: string })[])
        if (b.created !== undefined && !utc.test(b.created)) problems.push(`${a.id}: body created ${b.created}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
    // As linked data, every annotation's creator is the one described node, with its name.
    // With a format, toRDF returns the N-Quads as one string.
    const quads = (await jsonld.toRDF(doc, { ...safely, format: 'application/n-quads' })) as string;
    const creators = quads.split('\n').filter((q) => q.includes('<http://purl.org/dc/terms/creator>'));
    expect(creators).toHaveLength(doc.first.items.length + 1);
    expect(new Set(creators.map((q) => q.split(' ')[2]))).toEqual(new Set([`<${creator?.id}>`]));
    expect(quads).toContain(`<${creator?.id}> <http://xmlns.com/foaf/0.1/name> "${creator?.name}"`);
  });

  it('has exactly one annotation for each claim in the frontmatter', () => {
    expect(doc.type).toBe('AnnotationCollection');
    const items = doc.first.items;
    expect(items).toHaveLength(article.claims.length);
    expect(doc.total).toBe(article.claims.length);
    expect(items.map(claimIdOf).sort()).toEqual(article.claims.map((c) => c.id).sort());
  });

  it('targets the article page and anchors each quote selector exactly once in its text, on the claim mark', async () => {
    const canonical = await page.locator('head link[rel="canonical"]').getAttribute('href');
    const targets = doc.first.items.map((a) => ({
      id: claimIdOf(a),
      source: a.target.source,
      type: a.target.selector.type,
      prefix: a.target.selector.prefix,
      exact: a.target.selector.exact,
      suffix: a.target.selector.suffix,
    }));
    const problems = await page.evaluate((ts) => {
      const text = document.body.textContent ?? '';
      const count = (needle: string) => {
        let n = 0;
        for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) n++;
        return n;
      };
      const out: string[] = [];
      for (const t of ts) {
        if (t.type !== 'TextQuoteSelector') out.push(`${t.id}: selector type ${t.type}`);
        if (!t.exact) out.push(`${t.id}: empty exact`);
        const n = count(t.prefix + t.exact + t.suffix);
        if (n !== 1) {
          const at = text.indexOf(t.exact);
          const seen =
            at === -1
              ? 'exact not found'
              : `page has ${JSON.stringify(text.slice(Math.max(0, at - t.prefix.length), at))} … ${JSON.stringify(text.slice(at + t.exact.length, at + t.exact.length + t.suffix.length))}`;
          out.push(
            `${t.id}: prefix+exact+suffix occurs ${n} times in the page text; selector has ${JSON.stringify(t.prefix)} … ${JSON.stringify(t.suffix)}, ${seen}`,
          );
        }
        const mark = document.getElementById(`claim-${t.id}`);
        if (!mark) out.push(`${t.id}: no #claim-${t.id}`);
        else if (mark.textContent !== t.exact) out.push(`${t.id}: exact "${t.exact}" ≠ mark "${mark.textContent}"`);
      }
      return out;
    }, targets);
    expect(problems, problems.join('\n')).toEqual([]);
    for (const t of targets) expect(t.source, t.id).toBe(canonical);
  });

  it('describes each claim with its kind, speaker, status and the names and addresses of its sources', () => {
    const byId = new Map(doc.first.items.map((a) => [claimIdOf(a), a]));
    const problems: string[] = [];
    for (const c of article.claims) {
      const a = byId.get(c.id);
      if (!a) {
        problems.push(`${c.id}: no annotation`);
        continue;
      }
      const values = a.body.map((b) => b.value ?? '');
      const want = [
        `Kind: ${CLAIM_KINDS[c.kind as keyof typeof CLAIM_KINDS].label}`,
        `Speaker: ${speakerDisplayName(c, article)}`,
        `Status: ${CLAIM_STATUSES[c.status as keyof typeof CLAIM_STATUSES].label}`,
      ];
      for (const w of want) if (!values.includes(w)) problems.push(`${c.id}: no body "${w}"`);
      for (const id of [...(c.via ?? []), ...(c.primary ? [c.primary] : [])]) {
        const s = readSource(id);
        if (!values.some((v) => v.includes(s.name) && (!s.url || v.includes(s.url)))) {
          problems.push(`${c.id}: no body naming ${s.name}${s.url ? ` <${s.url}>` : ''}`);
        }
        if (s.url && !a.body.some((b) => b.id === s.url)) problems.push(`${c.id}: no linked body ${s.url}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('carries each claim’s findings, the “since publication” notes that follow it up and the corrections that name it', () => {
    const byId = new Map(doc.first.items.map((a) => [claimIdOf(a), a]));
    const problems: string[] = [];
    let notes = 0;
    for (const c of article.claims) {
      const values = (byId.get(c.id)?.body ?? []).map((b) => b.value ?? '');
      for (const f of c.checked ?? []) {
        if (!values.some((v) => v.startsWith('How we checked: ') && v.includes(f.finding)))
          problems.push(`${c.id}: no finding "${f.finding}"`);
      }
      for (const s of article.since ?? []) {
        if (!(s.claims ?? []).includes(c.id)) continue;
        notes++;
        if (!values.some((v) => v.startsWith('Since publication') && v.includes(s.text)))
          problems.push(`${c.id}: no "since publication" note of ${s.date}`);
      }
      for (const k of article.corrections ?? []) {
        if (!(k.claims ?? []).includes(c.id)) continue;
        if (!values.some((v) => v.includes(k.text))) problems.push(`${c.id}: no ${k.type} of ${k.date}`);
      }
    }
    expect(notes).toBeGreaterThan(0);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
