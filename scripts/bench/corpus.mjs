// A seeded synthetic corpus for the benchmark: N annotated articles plus the sources, glossary and
// bibliography they refer to, written as a complete content/ folder somewhere other than content/.
// The same (articles, seed) always gives byte-identical files. The text is filler; the shape is
// realistic: about 1,000 words, 25 claims of mixed kinds, 40 glossary mentions and 8 citations.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Figures each article aims at; the benchmark reports what was actually generated. */
export const SHAPE = {
  words: 1000,
  claims: 25,
  mentions: 40,
  citations: 8,
  sourcesPerArticle: 5,
  paragraphs: 18,
  sections: 4,
};

const POOL = { people: 40, countries: 16, organisations: 16, places: 8, groups: 6, sources: 24, bibliography: 600 };

/** mulberry32: small, fast and good enough to make filler text reproducible. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (xs) => xs[int(xs.length)];
  const sample = (xs, n) => {
    const copy = [...xs];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  };
  return { next, int, pick, sample };
}

const WORDS = (
  'government talks agreement minister officials week ministry energy trade border security council ' +
  'report statement policy meeting visit region economy sanctions pipeline election budget treaty ' +
  'delegation summit conflict ceasefire negotiators investment exports imports reserves parliament ' +
  'committee spokesman proposal framework partnership pressure support concerns framework deadline ' +
  'capital market prices supply agency analysts figures projects programme cooperation development ' +
  'relations leaders observers journalists citizens families workers farmers industry routes ports'
).split(' ');
const VERBS = (
  'discussed signed rejected welcomed criticised announced delayed expanded reviewed described ' +
  'questioned approved promised reported confirmed warned outlined proposed defended postponed'
).split(' ');
const ADJ = (
  'new major regional economic military diplomatic final early broad direct formal public joint ' +
  'long-term strategic difficult limited significant recent possible further'
).split(' ');
const LINK = 'after before during while although because since as'.split(' ');
const SYL = 'ka ri to ma len dor vi sa nel or an tes mir ul ba ven cor dil ra zo pe fin gal hu'.split(' ');
const DAYS = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ');

const cap = (s) => s[0].toUpperCase() + s.slice(1);
const iso = (d) => d.toISOString().slice(0, 10);

function uniqueNames(r, n, make, taken) {
  const out = [];
  while (out.length < n) {
    const name = make();
    if (taken.has(name)) continue;
    taken.add(name);
    out.push(name);
  }
  return out;
}

const word = (r, min, max) => cap(Array.from({ length: min + r.int(max - min + 1) }, () => r.pick(SYL)).join(''));

/** Sources, glossary and bibliography shared by every article. */
export function generatePools(seed) {
  const r = prng(seed * 7919 + 1);
  const taken = new Set();
  const surnames = uniqueNames(r, POOL.people, () => word(r, 2, 3), taken);
  const people = surnames.map((surname) => {
    const first = word(r, 2, 2);
    const full = `${first} ${surname}`;
    return { id: `${first}-${surname}`.toLowerCase(), name: full, kind: 'person', aliases: [full, surname] };
  });
  const countries = uniqueNames(r, POOL.countries, () => `${word(r, 2, 3)}ia`, taken).map((name) => ({
    id: name.toLowerCase(),
    name,
    kind: 'country',
    aliases: [name],
  }));
  const organisations = uniqueNames(r, POOL.organisations, () => word(r, 2, 3), taken).map((stem) => {
    const name = `${stem} ${r.pick(['Council', 'Alliance', 'Union', 'Forum', 'Bank'])}`;
    return { id: name.toLowerCase().replace(/ /g, '-'), name, kind: 'organisation', aliases: [name] };
  });
  const places = uniqueNames(r, POOL.places, () => `${word(r, 2, 2)}grad`, taken).map((name) => ({
    id: name.toLowerCase(),
    name,
    kind: 'place',
    aliases: [name],
  }));
  const groups = uniqueNames(r, POOL.groups, () => `${word(r, 2, 2)}i`, taken).map((name) => ({
    id: `${name.toLowerCase()}-people`,
    name: `the ${name} people`,
    kind: 'group',
    aliases: [`${name} people`],
  }));
  const glossary = [...people, ...countries, ...organisations, ...places, ...groups];

  const types = [
    'state-news-agency',
    'state-broadcaster',
    'independent-wire',
    'newspaper',
    'government-transcript',
    'official-statement',
    'research-organisation',
  ];
  const sources = uniqueNames(r, POOL.sources, () => word(r, 2, 2), taken).map((stem, i) => ({
    id: `${stem.toLowerCase()}-${types[i % types.length].split('-')[0]}`,
    name: `${stem} ${i % types.length === 3 ? 'Times' : 'News'}`,
    type: types[i % types.length],
    country: countries[i % countries.length].id,
  }));

  const bibliography = Array.from({ length: POOL.bibliography }, (_, i) => {
    const day = new Date(Date.UTC(2023, 0, 1) + r.int(700) * 86400000);
    const source = r.pick(sources);
    return {
      id: `ref-${String(i + 1).padStart(4, '0')}`,
      type: 'article-newspaper',
      title: `${cap(r.pick(ADJ))} ${r.pick(WORDS)} ${r.pick(VERBS)} by ${r.pick(countries).name}`,
      'container-title': source.name,
      URL: `https://${source.id}.example/${iso(day)}/${i + 1}`,
      issued: { 'date-parts': [[day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()]] },
    };
  });
  return { glossary, people, sources, bibliography };
}

const KINDS = [
  ['direct-quote', 6],
  ['paraphrase', 6],
  ['unnamed-sources', 2],
  ['denial', 2],
  ['outlet-assertion', 4],
  ['characterisation', 2],
  ['background-fact', 3],
];
const STATUSES = ['corroborated', 'single-source', 'unverified', 'disputed', 'inaccurate', 'unsupported'];

function filler(r, n) {
  const words = [];
  while (words.length < n) {
    const roll = r.next();
    if (roll < 0.12) words.push(r.pick(VERBS));
    else if (roll < 0.28) words.push(r.pick(ADJ));
    else if (roll < 0.34) words.push(r.pick(LINK));
    else if (roll < 0.42) words.push('the');
    else words.push(r.pick(WORDS));
  }
  return words;
}

const sentence = (r, n) => `${cap(filler(r, n).join(' '))}.`;

/** One article as Markdown with YAML frontmatter, plus the counts it was built to. */
export function generateArticle(pools, seed, index) {
  const r = prng(seed * 104729 + index + 1);
  const slug = `bench-${String(index + 1).padStart(5, '0')}`;
  const sources = r.sample(pools.sources, SHAPE.sourcesPerArticle);
  const people = r.sample(pools.people, 8);
  const mentionables = r.sample(pools.glossary, 24);
  const day = new Date(Date.UTC(2024, 0, 1) + r.int(600) * 86400000);

  const kinds = KINDS.flatMap(([kind, n]) => Array(n).fill(kind));
  const claims = kinds.map((kind, i) => {
    const speaker = ['direct-quote', 'paraphrase', 'denial'].includes(kind)
      ? r.pick(people).id
      : kind === 'unnamed-sources'
        ? 'unnamed'
        : 'outlet';
    const claim = {
      id: `claim-${String(i + 1).padStart(2, '0')}`,
      kind,
      speaker,
      status: kind === 'characterisation' ? 'not-checkable' : r.pick(STATUSES),
    };
    if (speaker !== 'outlet') claim.via = r.sample(sources, 1 + r.int(2)).map((s) => s.id);
    if (r.next() < 0.3) claim.primary = r.pick(sources).id;
    claim.note = sentence(r, 14 + r.int(10));
    // Findings as the validator demands them (CLAIM_STATUSES[status].evidence): one at least for a
    // verdict, and two outlets for a corroborated claim.
    if (claim.status !== 'unverified' || r.next() < 0.5) {
      const first = r.pick(pools.bibliography);
      const n = claim.status === 'corroborated' ? 2 : 1 + r.int(2);
      const checked = [first];
      while (checked.length < n) {
        const b = r.pick(pools.bibliography);
        if (b['container-title'] !== first['container-title']) checked.push(b);
      }
      claim.checked = checked.map((b) => b.id);
    }
    return claim;
  });
  const order = r.sample(claims, claims.length);
  const namedClaims = claims.filter((c) => c.speaker !== 'outlet' && c.speaker !== 'unnamed').length;

  // Where the 8 citations and the ~40 glossary mentions go: sentence slots across the body.
  const paragraphs = [];
  let mentions = 0;
  let fillerMentions = 0;
  let citations = 0;
  let words = 0;
  let claimAt = 0;
  const perParagraph = Math.ceil(claims.length / SHAPE.paragraphs);
  const nameOf = (id) => pools.glossary.find((g) => g.id === id);
  for (let p = 0; p < SHAPE.paragraphs; p++) {
    const parts = [];
    for (let s = 0; s < 3; s++) {
      let text = sentence(r, 9 + r.int(6));
      // Named speakers add one mention per claim they make; filler mentions make up the rest.
      if (fillerMentions < SHAPE.mentions - namedClaims) {
        const entry = r.pick(mentionables);
        text = `${text.slice(0, -1)} in talks with ${r.pick(entry.aliases)}.`;
        mentions++;
        fillerMentions++;
      }
      if (s === 0 && p % 5 === 1) {
        const value = new Date(day.getTime() - (1 + r.int(4)) * 86400000);
        text = `${text.slice(0, -1)} :date[on ${DAYS[value.getUTCDay()]}]{value=${iso(value)}}.`;
      }
      if (citations < SHAPE.citations && s === 1 && p % 2 === 0) {
        text = `${text.slice(0, -1)} [@${r.pick(pools.bibliography).id}].`;
        citations++;
      }
      parts.push(text);
    }
    for (let k = 0; k < perParagraph && claimAt < order.length; k++, claimAt++) {
      const c = order[claimAt];
      const body = filler(r, 8 + r.int(8)).join(' ');
      const speaker = c.speaker === 'outlet' || c.speaker === 'unnamed' ? undefined : nameOf(c.speaker);
      const who = speaker ? speaker.aliases[speaker.aliases.length - 1] : undefined;
      if (who) mentions++;
      if (c.kind === 'direct-quote') parts.push(`${who} said: “:claim[${cap(body)}]{#${c.id}}.”`);
      else if (c.kind === 'paraphrase') parts.push(`${who} said that :claim[${body}]{#${c.id}}.`);
      else if (c.kind === 'denial') parts.push(`${who} denied that :claim[${body}]{#${c.id}}.`);
      else if (c.kind === 'unnamed-sources') parts.push(`:claim[It was reportedly ${body}]{#${c.id}}.`);
      else parts.push(`:claim[${cap(body)}]{#${c.id}}.`);
    }
    const paragraph = parts.join(' ');
    words += paragraph.split(/\s+/).length;
    paragraphs.push(paragraph);
  }
  const body = [];
  paragraphs.forEach((para, i) => {
    if (i > 0 && i % Math.ceil(SHAPE.paragraphs / SHAPE.sections) === 0) body.push(`## ${sentence(r, 5).slice(0, -1)}`);
    body.push(para);
  });

  const outlet = r.pick(sources);
  const published = new Date(day.getTime() + (2 + r.int(30)) * 86400000);
  const q = (s) => `'${s.replace(/'/g, "''")}'`;
  const fm = [
    '---',
    `title: ${q(`${sentence(r, 8).slice(0, -1)} (${slug})`)}`,
    `dek: ${q(sentence(r, 24))}`,
    'original:',
    `  outlet: ${outlet.id}`,
    `  headline: ${q(sentence(r, 9).slice(0, -1))}`,
    `  url: 'https://${outlet.id}.example/${slug}'`,
    `  date: ${iso(day)}`,
    `  author: ${q(`${word(r, 2, 2)} ${word(r, 2, 3)}`)}`,
    `published: ${iso(published)}`,
    `updated: ${iso(published)}`,
    `tags: [${r.sample(WORDS, 3).join(', ')}]`,
    `sources: [${sources.map((s) => s.id).join(', ')}]`,
    'claims:',
    ...claims.flatMap((c) => [
      `  - id: ${c.id}`,
      `    kind: ${c.kind}`,
      `    speaker: ${c.speaker}`,
      ...(c.via ? [`    via: [${c.via.join(', ')}]`] : []),
      ...(c.primary ? [`    primary: ${c.primary}`] : []),
      `    status: ${c.status}`,
      `    note: ${q(c.note)}`,
      ...(c.checked
        ? [
            '    checked:',
            ...c.checked.flatMap((key) => [
              `      - source: ${key}`,
              `        finding: ${q(sentence(r, 8))}`,
              `        accessed: ${iso(published)}`,
            ]),
          ]
        : []),
    ]),
    '---',
    '',
  ];
  const cited = new Set([
    ...claims.flatMap((c) => c.checked ?? []),
    ...[...body.join('\n').matchAll(/\[@(ref-\d+)\]/g)].map((m) => m[1]),
  ]);
  return {
    slug,
    cited,
    markdown: `${fm.join('\n')}${body.join('\n\n')}\n`,
    counts: { words, claims: claims.length, mentions, citations },
  };
}

/**
 * The same article with every annotation removed: marks keep their words, citations go, and the
 * frontmatter keeps only the title. This is the text a plain Markdown site would publish.
 */
export function stripAnnotations(markdown) {
  const end = markdown.indexOf('\n---\n', 4);
  const title = /^title: (.*)$/m.exec(markdown.slice(0, end))?.[1] ?? "'Untitled'";
  const body = markdown
    .slice(end + 5)
    .replace(/:(?:claim|date|term)\[([^\]]*)\]\{[^}]*\}/g, '$1')
    .replace(/ \[@[^\]]+\]/g, '');
  return `---\ntitle: ${title}\n---\n${body}`;
}

const yamlString = (s) => JSON.stringify(s);

function writePools(dir, pools) {
  for (const sub of ['articles', 'sources', 'glossary']) mkdirSync(path.join(dir, sub), { recursive: true });
  for (const g of pools.glossary) {
    const lines = [
      `name: ${yamlString(g.name)}`,
      `kind: ${g.kind}`,
      'aliases:',
      ...g.aliases.map((a) => `  - ${yamlString(a)}`),
      `description: ${yamlString(`${g.name} is a fictional ${g.kind} generated for the benchmark corpus.`)}`,
      'links:',
      `  - label: ${yamlString(`About ${g.name}`)}`,
      `    url: "https://glossary.example/${g.id}"`,
    ];
    writeFileSync(path.join(dir, 'glossary', `${g.id}.yaml`), `${lines.join('\n')}\n`);
  }
  for (const s of pools.sources) {
    const lines = [
      `name: ${yamlString(s.name)}`,
      `type: ${s.type}`,
      `country: ${s.country}`,
      `ownership: "Fictional owner, generated for the benchmark corpus"`,
      `url: "https://${s.id}.example"`,
      `description: ${yamlString(`${s.name} is a fictional ${s.type.replace(/-/g, ' ')}.`)}`,
    ];
    writeFileSync(path.join(dir, 'sources', `${s.id}.yaml`), `${lines.join('\n')}\n`);
  }
  writeFileSync(path.join(dir, 'bibliography.json'), `${JSON.stringify(pools.bibliography, null, 2)}\n`);
  writeFileSync(path.join(dir, 'http-only-hosts.txt'), '# none: the benchmark corpus links over https only\n');
}

/**
 * Writes a whole content folder to `dir` (which must not be the project's content/). With
 * `plain`, articles are written with their annotations stripped. Returns totals over the corpus.
 */
export function writeCorpus(dir, { articles, seed = 1, plain = false }) {
  const pools = generatePools(seed);
  const generated = Array.from({ length: articles }, (_, i) => generateArticle(pools, seed, i));
  // Only the items some article cites: the validator rejects a bibliography entry nothing uses.
  const cited = new Set(generated.flatMap((a) => [...a.cited]));
  writePools(dir, { ...pools, bibliography: pools.bibliography.filter((b) => cited.has(b.id)) });
  const totals = { articles, words: 0, claims: 0, mentions: 0, citations: 0, bytes: 0 };
  for (const a of generated) {
    const text = plain ? stripAnnotations(a.markdown) : a.markdown;
    writeFileSync(path.join(dir, 'articles', `${a.slug}.md`), text);
    for (const k of ['words', 'claims', 'mentions', 'citations']) totals[k] += a.counts[k];
    totals.bytes += Buffer.byteLength(text);
  }
  return totals;
}
