/**
 * Drafts an analysis from a news text: every statement becomes a pending claim with a guessed
 * speaker, kind and channel, every date expression is resolved, and glossary mentions and
 * missing entries are found. Pure: the text and the registry in, a `Draft` out; writing files
 * is `render.ts`'s job.
 *
 * How a paragraph is cut into claims (docs/authoring.md, "Drafting"):
 * 1. sentences come from `compromise`, joined where a quotation runs across them;
 * 2. each sentence is cut at clause boundaries outside quotations: "according to X" (kept as the
 *    channel), dashes around a clause with a finite verb, semicolons, ", and"/", but" before a
 *    clause, ", although/while/who/which…", " and they/he…", and "” and" after a quotation;
 * 3. in each clause, a quotation introduced by a speech verb ("Putin said:", "told Putin:",
 *    "described … as") is a direct quote; the words a speech verb reports ("added that …") are a
 *    paraphrase; "denies" makes a denial, "reportedly" an unnamed-sources claim; a clause under
 *    "according to X" is X's paraphrase; anything else is the outlet's own assertion.
 */
import type { ClaimKind } from '../schemas/taxonomy';
import type { Registry } from '../collections/registry';
import { findAliases } from '../glossary/aliases';
import { ACCORDING, DENIAL_VERBS, SPEECH_FORMS, UNNAMED_CUE, headVerb, isSpeechVerb } from './cues';
import { resolveDates, type DraftDate } from './dates';
import { hasVerb, properNames, sentences, wordCount, type ProperName, type Sentence, type VerbPhrase } from './nlp';
import { Parties, type Party } from './parties';
import { findQuotations, inside, splitParagraphs, type Quotation, type Span } from './text';
import { claimIds } from './ids';

/** Which of a claim's fields were guessed from the text and wait for an editor. */
export type GuessedField = 'speaker' | 'via' | 'kind';

export interface DraftClaim extends Span {
  /** Filled in once all claims are known, so ids can be made unique. */
  id: string;
  paragraph: number;
  text: string;
  kind: ClaimKind;
  /** Glossary id, "outlet" or "unnamed". */
  speaker: string;
  via: string[];
  guess: GuessedField[];
  /** Why the guesses are what they are, in our words. */
  note: string;
  /** A person's name read as the speaker that has no glossary entry. */
  missingSpeaker?: string;
}

export interface PlacedDate extends DraftDate {
  paragraph: number;
}

export interface Mention extends Span {
  paragraph: number;
  text: string;
  /** Entry ids; two or more when the alias is ambiguous, none for a dateline's place. */
  ids: string[];
}

export interface MissingName {
  name: string;
  /** Shorter forms the text also uses, e.g. the surname. */
  aliases?: string[];
  person: boolean;
  /** Where it first appears. */
  paragraph: number;
  count: number;
}

export interface Draft {
  paragraphs: string[];
  quotations: Quotation[][];
  claims: DraftClaim[];
  dates: PlacedDate[];
  /** Dates left unmarked because they cross a claim's edge. */
  unplacedDates: PlacedDate[];
  mentions: Mention[];
  missing: MissingName[];
  /** Sources the claims' channels use. */
  sources: string[];
}

export interface DraftOptions {
  /** Publication day of the original, YYYY-MM-DD: relative dates are resolved against it. */
  published: string;
}

interface Unit extends Span {
  sentence: Sentence;
}

interface Frame {
  /** Everything the channel phrase covers, cut from the claims. */
  cut: Span;
  parties: Party[];
  words: string;
}

const COORDINATORS = '(?:and|but|or|yet|so)';
const SUBORDINATORS = '(?:although|though|while|whereas|because|unless|who|which|whose|whom|where|when)';
const FINITE = ['PresentTense', 'PastTense', 'Modal', 'Auxiliary', 'Copula', 'FutureTense'];
const LEADING_ADVERB = /^(\p{Lu}[\p{L}]+),\s+/u;
/** "and said", "and also told": a second statement by the same subject. */
const SECOND_SPEECH = new RegExp(
  `\\s+and\\s+(?=(?:also\\s+|later\\s+|then\\s+)?(?:${[...SPEECH_FORMS.keys()].filter((f) => /(ed|said|told|wrote)$/.test(f)).join('|')})\\b)`,
  'g',
);
/** "… and Israel vowed", "… and the ministry said": a new subject's statement, joined without a comma. */
const OTHER_SPEAKER = new RegExp(
  `\\s+and\\s+(?=(?:the\\s+)?(?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,4}(?:${[...SPEECH_FORMS.keys()].filter((f) => /(ed|said|told|wrote|vowed)$/.test(f)).join('|')})\\b)`,
  'gu',
);
/**
 * A dateline before the first words ("KUALA LUMPUR, May 29 —", "LONDON (Reuters) -", two places
 * "GAZA/JERUSALEM (Reuters) -Hamas …" with no space after the dash): the outlet's, not a
 * statement; the place in capitals is left unlinked.
 */
const DATELINE =
  /^(\p{Lu}[\p{Lu}.'’/-]+(?: \p{Lu}[\p{Lu}.'’/-]+)*)(?:,[^—–\n]{1,30}?)?(?: \([^)]{1,40}\))?\s+[—–-]{1,2}(?:\s+|(?=\p{Lu}))/u;

/** Joins sentences that a quotation runs across, so a quotation is never cut. */
function units(paragraph: string, quotes: Quotation[]): Unit[] {
  const out: Unit[] = [];
  for (const s of sentences(paragraph)) {
    const prev = out.at(-1);
    if (prev && quotes.some((q) => q.start < s.start && q.end > s.start)) {
      prev.end = s.end;
      prev.sentence = {
        ...prev.sentence,
        end: s.end,
        text: paragraph.slice(prev.start, s.end),
        words: [...prev.sentence.words, ...s.words],
        verbs: [...prev.sentence.verbs, ...s.verbs],
        tense: prev.sentence.tense ?? s.tense,
      };
    } else out.push({ start: s.start, end: s.end, sentence: s });
  }
  return out;
}

function finiteVerb(sentence: Sentence, span: Span): boolean {
  return sentence.words.some((w) => w.start >= span.start && w.end <= span.end && FINITE.some((t) => w.tags.has(t)));
}

/** Trims a clause to the words a claim mark should hold. */
function trim(paragraph: string, span: Span, quotes: Quotation[]): Span {
  let { start, end } = span;
  const text = () => paragraph.slice(start, end);
  for (;;) {
    const before = start;
    const lead = /^[\s,;:–—-]+/.exec(text());
    if (lead) start += lead[0].length;
    const adverb = LEADING_ADVERB.exec(text());
    if (adverb && !inside(quotes, start)) start += adverb[0].length;
    const conj = new RegExp(`^${COORDINATORS}\\s+`, 'i').exec(text());
    if (conj && !inside(quotes, start)) start += conj[0].length;
    if (start === before) break;
  }
  for (;;) {
    const before = end;
    const tail = /[\s,;:–—-]+$/.exec(text());
    if (tail) end -= tail[0].length;
    // A full stop after a closing quotation mark is the outlet's, not the speaker's.
    if (/[^.!?]\.$/.test(text()) && !inside(quotes, end - 1)) end -= 1;
    if (end === before) break;
  }
  return { start, end: Math.max(start, end) };
}

export function draftArticle(
  raw: string,
  registry: Pick<Registry, 'glossary' | 'sources'>,
  options: DraftOptions,
): Draft {
  const paragraphs = splitParagraphs(raw);
  const quotations = findQuotations(paragraphs);
  const parties = new Parties(registry);
  const claims: DraftClaim[] = [];
  const dates: PlacedDate[] = [];
  const mentions: Mention[] = [];
  const missing = new Map<string, MissingName>();
  /** Who was quoted or named last, for "He said". */
  let lastSpeaker: (Party & { via: string[] }) | undefined;
  let lastPerson: Party | undefined;
  /** The last organisation that spoke, for "It said" / "They added". */
  let lastBody: (Party & { via: string[] }) | undefined;
  /** Whoever spoke last, for a quotation with no frame of its own. */
  let lastVoice: Party | undefined;
  let lastQuote: DraftClaim | undefined;
  /** The person last named with each title ("Foreign Minister Anna Lind"), for "the minister added". */
  const titled = new Map<string, Party>();

  const noteMissing = (name: string, person: boolean, paragraph: number) => {
    const m = missing.get(name);
    if (m) m.count++;
    else missing.set(name, { name, person, paragraph, count: 1 });
  };

  paragraphs.forEach((paragraph, p) => {
    const quotes = quotations[p]!;
    const dateline = p === 0 ? DATELINE.exec(paragraph) : null;
    /** Where the paragraph's statements may start: after a dateline. */
    const textStart = dateline ? dateline[0].length : 0;
    if (dateline) mentions.push({ paragraph: p, start: 0, end: dateline[1]!.length, text: dateline[1]!, ids: [] });
    const out = (q: Span) => !quotes.some((x) => q.start < x.end && q.end > x.start);

    const addClaim = (
      span: Span,
      kind: ClaimKind,
      who: Party | undefined,
      via: Party[],
      why: string[],
      inheritFrom?: DraftClaim,
    ) => {
      const t = quotes.some((q) => q.start === span.start && q.end === span.end) ? span : trim(paragraph, span, quotes);
      if (t.end <= t.start) return;
      let speaker = kind === 'outlet-assertion' ? 'outlet' : kind === 'unnamed-sources' ? 'unnamed' : 'unnamed';
      const guess = new Set<GuessedField>();
      let missingSpeaker: string | undefined;
      const sources = [...new Set(via.map((v) => v.source).filter((s): s is string => Boolean(s)))];
      if (inheritFrom) {
        speaker = inheritFrom.speaker;
        inheritFrom.guess.forEach((g) => guess.add(g));
        sources.push(...inheritFrom.via.filter((s) => !sources.includes(s)));
        if (inheritFrom.missingSpeaker) missingSpeaker = inheritFrom.missingSpeaker;
      } else if (who) {
        guess.add('speaker');
        if (who.entry) speaker = who.entry;
        else if (who.missing) {
          missingSpeaker = who.missing;
          why.push(`“${who.missing}” has no glossary entry yet`);
        }
        // A pronoun's speaker keeps the channel the person was last quoted through.
        const before = who.person ? lastSpeaker : lastBody;
        if (who.pronoun && before && who.entry === before.entry && who.missing === before.missing)
          sources.push(...before.via.filter((s) => !sources.includes(s)));
      }
      if (sources.length) guess.add('via');
      // The outlet's own voice is only what is left when no cue was found: it may be background
      // or characterisation as well, so the kind waits for an editor too.
      if (kind === 'outlet-assertion') guess.add('kind');
      const claim: DraftClaim = {
        id: '',
        paragraph: p,
        start: t.start,
        end: t.end,
        text: paragraph.slice(t.start, t.end),
        kind,
        speaker,
        via: sources,
        guess: [...guess],
        note: [
          'Drafted from the text; not checked yet.',
          ...why.map((w) => w[0]!.toUpperCase() + w.slice(1) + '.'),
        ].join(' '),
        ...(missingSpeaker ? { missingSpeaker } : {}),
      };
      claims.push(claim);
      // How this claim's speaker was read ("he" as an owner, a title) is not how the next one is.
      const plainWho = who && { ...who, owner: false, title: false };
      if (plainWho?.person && !inheritFrom) lastSpeaker = { ...plainWho, via: sources };
      if (plainWho && !plainWho.person && !plainWho.pronoun && !inheritFrom) lastBody = { ...plainWho, via: sources };
      if (plainWho && !inheritFrom) lastVoice = plainWho;
      return claim;
    };

    const names: ProperName[] = [];
    for (const unit of units(paragraph, quotes)) {
      const { sentence } = unit;
      names.push(...properNames(sentence, paragraph));
      const unitQuotes = quotes.filter((q) => q.start < unit.end && q.end > unit.start);
      const outsideQuotes = (at: number) => !inside(unitQuotes, at);
      const text = paragraph.slice(unit.start, unit.end);

      // 1. "according to X": the channel (or speaker) for every claim of the sentence.
      const frames: Frame[] = [];
      for (const m of text.matchAll(ACCORDING)) {
        const at = unit.start + m.index;
        if (!outsideQuotes(at)) continue;
        const rest = paragraph.slice(at + m[0].length, unit.end);
        const stop = /[,;:.“"]|\s[–—]\s|$/.exec(rest)!;
        const words = rest.slice(0, stop.index).trim();
        let cutStart = at;
        const comma = /,\s*$/.exec(paragraph.slice(unit.start, at));
        if (comma) cutStart = unit.start + comma.index;
        let cutEnd = at + m[0].length + stop.index;
        if (rest[stop.index] === ',') cutEnd += 1;
        frames.push({ cut: { start: cutStart, end: cutEnd }, parties: parties.all(words), words: `${m[0]}${words}` });
      }

      // 2. Clause boundaries outside quotations.
      const cuts: Span[] = frames.map((f) => f.cut);
      if (unit.start < textStart) cuts.push({ start: unit.start, end: textStart });
      const add = (re: RegExp, keep: (m: RegExpMatchArray) => Span | undefined) => {
        for (const m of text.matchAll(re)) {
          const at = unit.start + m.index;
          if (outsideQuotes(at) && outsideQuotes(at + m[0].length - 1)) {
            const s = keep(m);
            if (s) cuts.push({ start: unit.start + s.start, end: unit.start + s.end });
          }
        }
      };
      add(/;\s+/g, (m) => ({ start: m.index!, end: m.index! + m[0].length }));
      add(new RegExp(`,\\s+${COORDINATORS}\\b,?\\s*`, 'gi'), (m) => ({ start: m.index!, end: m.index! + m[0].length }));
      add(new RegExp(`,\\s+(?=${SUBORDINATORS}\\b)`, 'gi'), (m) => ({ start: m.index!, end: m.index! + m[0].length }));
      add(/\s+and\s+(?=(?:they|he|she|we|it|I)\b)/g, (m) => ({ start: m.index!, end: m.index! + m[0].length }));
      add(/(?<=[”"’'])\s+(?:and|but)\s+/g, (m) => ({ start: m.index!, end: m.index! + m[0].length }));
      // Statements joined without a comma: "… and said lessons would be learned", "… after
      // invading the country", "… in what the West has condemned as a land grab".
      add(SECOND_SPEECH, (m) => ({ start: m.index!, end: m.index! + m[0].length }));
      add(OTHER_SPEAKER, (m) => ({ start: m.index!, end: m.index! + m[0].length }));
      // Not inside a frame whose words come later ("Lind said on Monday after speaking to Berg that …"):
      // there the last verb before the cut is the speech verb itself.
      const openFrame = (at: number) => {
        const verb = sentence.verbs.filter((v) => v.end <= at && outsideQuotes(v.start)).at(-1);
        return verb !== undefined && isSpeechVerb(verb.infinitive) && !verb.passive;
      };
      add(/\s+(?=(?:after|before|despite|without)\s+\p{L}+ing\b|in what\b)/giu, (m) =>
        openFrame(unit.start + m.index!) ? undefined : { start: m.index!, end: m.index! + m[0].length },
      );
      // Dashes: a pair cuts out a clause with a finite verb ("– Russia has reportedly bought … –"),
      // but not an aside without one ("either – directly or indirectly – involved").
      const dashes = [...text.matchAll(/\s[–—]\s/g)]
        .map((m) => ({ start: unit.start + m.index, end: unit.start + m.index + m[0].length }))
        .filter((d) => outsideQuotes(d.start + 1));
      for (let i = 0; i < dashes.length; i += 2) {
        const a = dashes[i]!;
        const b = dashes[i + 1];
        if (b) {
          if (finiteVerb(sentence, { start: a.end, end: b.start })) cuts.push(a, b);
        } else if (
          finiteVerb(sentence, { start: unit.start, end: a.start }) &&
          finiteVerb(sentence, { start: a.end, end: unit.end })
        ) {
          cuts.push(a);
        }
      }
      cuts.sort((x, y) => x.start - y.start);
      const segments: Span[] = [];
      let at = unit.start;
      for (const c of cuts) {
        if (c.start > at) segments.push({ start: at, end: c.start });
        at = Math.max(at, c.end);
      }
      if (at < unit.end) segments.push({ start: at, end: unit.end });

      const according = frames.flatMap((f) => f.parties);
      const accordingWords = frames.map((f) => `“${f.words}”`).join(' and ');
      // A passive speech verb reports nobody's words ("were confirmed by the Senate", "is said
      // to"), unless it introduces them ("it was announced that …").
      const speechVerbs = sentence.verbs.filter(
        (v) =>
          isSpeechVerb(v.infinitive) &&
          outsideQuotes(v.start) &&
          !(v.passive && !/^\s+that\b/.test(paragraph.slice(v.end))),
      );
      const firstVerb = sentence.verbs.find((v) => outsideQuotes(v.start));
      /** Who a pronoun stands for: "he"/"she" the person last quoted or named, "it"/"they" the body that spoke last. */
      const recent = (pronoun: string) =>
        /^(it|its)$/i.test(pronoun)
          ? lastBody
          : /^(they|their)$/i.test(pronoun)
            ? (lastBody ?? lastSpeaker)
            : (lastSpeaker ?? lastPerson);
      /** The party a subject phrase names; a pronoun is the last person quoted or named. */
      const named = (from: number, to: number): Party | undefined => {
        const phrase = paragraph
          .slice(Math.max(from, textStart), to)
          .replace(new RegExp(`^\\W*(?:${COORDINATORS}|${SUBORDINATORS})\\b`, 'i'), '');
        const owner = ownerBefore(from);
        return (
          parties.one(phrase, (p) => (owner && /^(he|she|his|her)$/i.test(p) ? owner : recent(p))) ?? byTitle(phrase)
        );
      };
      /**
       * "Lind's office said he told …": the person whose office, aide or spokesman speaks is the
       * "he" of its words, when no one else is named between them.
       */
      const ownerBefore = (at: number): Party | undefined => {
        const before = paragraph.slice(unit.start, at);
        const owned = (end: number) => /^[’']s\s/.test(before.slice(end));
        const entry = findAliases(before, parties.index)
          .filter((m) => m.ids.length === 1 && parties.isPerson(m.ids[0]!) && owned(m.end))
          .at(-1);
        const name = properNames(sentence, paragraph)
          .filter((n) => n.person && n.end <= at && owned(n.end - unit.start))
          .at(-1);
        const owner: (Party & { end: number }) | undefined =
          entry && (!name || entry.end >= name.end - unit.start)
            ? { entry: entry.ids[0]!, person: true, owner: true, words: entry.text, end: entry.end }
            : name && { person: true, owner: true, words: name.text, missing: name.text, end: name.end - unit.start };
        if (!owner || parties.all(before.slice(owner.end).replace(/^[’']s/, '')).some((p) => p.person))
          return undefined;
        return owner;
      };
      /** "The minister": the person last named with that title, when one was. */
      const byTitle = (phrase: string): Party | undefined => {
        const title = /^the\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)[\s,]*$/iu.exec(phrase.trim())?.[1]?.toLowerCase();
        const party = title ? (titled.get(title) ?? titled.get(title.split(/\s+/).at(-1)!)) : undefined;
        return party && { ...party, words: phrase.trim().replace(/[\s,]+$/, ''), title: true };
      };
      const sentenceSubject = () => (firstVerb ? named(unit.start, firstVerb.start) : undefined);
      /** Where the subject of "with X saying" starts, when `v` is such a participle after `from`. */
      const withPhrase = (v: VerbPhrase, from: number): number | undefined => {
        if (!sentence.words.find((w) => w.start === v.start)?.tags.has('Gerund')) return undefined;
        const lead = paragraph.slice(from, v.start);
        const m = [...lead.matchAll(/(?:^|[\s,])with\s+/g)].at(-1);
        if (!m) return undefined;
        const start = from + m.index + m[0].length;
        return hasVerb(sentence, { start, end: v.start }) ? undefined : start;
      };
      /** Who a speech verb's subject is: the words before it, else (when there are none) the sentence's subject. */
      const subjectOf = (v: VerbPhrase, from: number): Party | undefined => {
        // "Hamas signalled defiance, with its leader, Ismail Haniyeh, saying …": the participle's
        // subject is the one "with" names, not the sentence's.
        const withAt = withPhrase(v, from);
        if (withAt !== undefined) {
          const found = parties.all(paragraph.slice(withAt, v.start));
          return found.find((p) => p.person) ?? found[0];
        }
        // "Haniyeh dismissed the efforts, saying that …": a participle after a comma shares the
        // sentence's subject; the noun before the comma is the first verb's object.
        const participle = sentence.words.find((w) => w.start === v.start)?.tags.has('Gerund');
        if (
          participle &&
          /,\s+$/.test(paragraph.slice(Math.max(from, v.start - 3), v.start)) &&
          firstVerb?.start !== v.start
        )
          return sentenceSubject();
        // "too saying", "and, echoing Putin, said": no noun right before the verb, so the
        // sentence's subject speaks.
        const noun = sentence.words.some(
          (w) => w.start >= from && w.end <= v.start && (w.tags.has('Noun') || w.tags.has('Pronoun')),
        );
        if (noun) return named(from, v.start);
        // "Dismissing the reports, Garba Shehu, an aide, wrote …": a participle opening the
        // sentence has the subject of the clause after its comma.
        const opener = sentence.words.find((w) => w.start === v.start)?.tags.has('Gerund');
        const comma = paragraph.indexOf(', ', v.end);
        const main =
          opener && comma >= 0 ? sentence.verbs.find((x) => x.start > comma && outsideQuotes(x.start)) : undefined;
        return (main ? named(comma + 2, main.start) : undefined) ?? sentenceSubject();
      };
      const describe = (who: Party | undefined, subject?: string) =>
        who
          ? who.title
            ? `speaker read from “${who.words}” as the person last named with that title (${who.entry ? parties.name(who.entry) : who.missing})`
            : who.pronoun && who.owner
              ? `speaker read from “${who.words}” as the person whose office or aide speaks (${who.entry ? parties.name(who.entry) : who.missing})`
              : who.pronoun
                ? `speaker read from “${who.words}” as the ${who.person ? 'person' : 'body'} last quoted or named (${who.entry ? parties.name(who.entry) : (who.missing ?? who.words)})`
                : `speaker read from “${who.words}”`
          : subject && /\p{L}/u.test(subject)
            ? `no glossary entry or name found for the speaker in “${subject.replace(/^[\s,]+|[\s,:]+$/g, '')}”`
            : 'no speaker found';
      const channelNote = (via: Party[]) =>
        via.some((v) => v.source)
          ? [`channel read from ${accordingWords || 'the reporting verb'}`]
          : accordingWords
            ? [`the channel in ${accordingWords} matches no source entry`]
            : [];

      const clauseLike = (s: Span) => wordCount(sentence, s) >= 3 && hasVerb(sentence, s);
      /**
       * "Asked about the strike, Berg said: …", "Berg, asked about the strike, said: …": a past
       * participle opening the sentence, or right after its subject's comma, before the frame's
       * comma says what the speaker was asked or faced, not something the outlet asserts.
       */
      const questionNote = (head: Span) =>
        `“${paragraph.slice(head.start, head.end).replace(/[\s,]+$/, '')}” frames the quotation and is not a claim`;
      const participleHead = (head: Span): boolean => {
        const start = trim(paragraph, unit, quotes).start;
        if (head.start > start) return false;
        const first = sentence.words.find((w) => w.start >= start && w.end <= head.end && w.tags.has('Verb'));
        return (
          first !== undefined &&
          first.tags.has('PastTense') &&
          !first.tags.has('Gerund') &&
          (first.start === start || /^[^,]*,\s+$/.test(paragraph.slice(start, first.start)))
        );
      };

      const plain = (seg: Span) => {
        const t = trim(paragraph, seg, quotes);
        if (!clauseLike(t)) return;
        const words = paragraph.slice(t.start, t.end);
        // "Biden did not explain …" reports no statement: the outlet says what he did not say.
        const sv = speechVerbs.find(
          (v) => v.start >= t.start && v.end <= t.end && !/\b(?:not|never)\b|n[’']t\b/i.test(v.text),
        );
        const unnamed = UNNAMED_CUE.test(words);
        if (sv) {
          // "…, the ministry said." names the speaker after the words it reports.
          const after = paragraph.slice(sv.end, t.end);
          const comma = paragraph.slice(t.start, sv.start).lastIndexOf(', ');
          // Words after the verb that only say when or where (“, he said at a news conference in …”)
          // belong to the frame too: no verb among them, and no "that".
          const trailing =
            comma >= 0 &&
            !/\bthat\b/.test(after) &&
            (after.trim().split(/\s+/).filter(Boolean).length <= 2 ||
              !hasVerb(sentence, { start: sv.end, end: t.end }));
          const who = unnamed ? undefined : trailing ? named(t.start + comma + 2, sv.start) : subjectOf(sv, t.start);
          const subject = paragraph.slice(
            trailing ? t.start + comma + 2 : (withPhrase(sv, t.start) ?? t.start),
            sv.start,
          );
          if (DENIAL_VERBS.has(headVerb(sv.infinitive)) && !trailing) {
            addClaim(t, 'denial', who, according, [describe(who, subject), ...channelNote(according)]);
            return;
          }
          // The reported words: before a trailing "X said", else after the verb, its object and "that".
          let content: Span;
          if (trailing) content = { start: t.start, end: t.start + comma };
          else {
            let from = sv.end;
            const that = /^(?:[^,]*?\s)?that\s+/.exec(after);
            // Only the verb's object may stand before "that" ("told reporters on Monday that"); a
            // verb there means "that" belongs to the reported words ("wants to finalise that deal").
            // A circumstance may stand there too ("said on Monday after speaking to Berg that").
            const when = that && /\s(?:after|before|upon|while)\s+\p{L}+ing\s/u.exec(that[0]);
            const gerund = when ? from + when.index + when[0].trimEnd().length : -1;
            const objectOnly =
              that &&
              !sentence.words.some(
                (w) => w.start >= from && w.end <= from + that[0].length - 5 && w.tags.has('Verb') && w.end !== gerund,
              );
            const limit = when ? 5 + that[0].slice(when.index).split(/\s+/).filter(Boolean).length : 5;
            if (that && objectOnly && that[0].split(/\s+/).filter(Boolean).length <= limit) from += that[0].length;
            content = { start: from, end: t.end };
          }
          const reporter = who?.source && !who.person ? [who] : [];
          const target = clauseLike(content) ? content : t;
          // A hedge covers the whole clause ("the press reported such talks, allegedly …").
          if (unnamed) addClaim(t, 'unnamed-sources', undefined, according, ['no source is named']);
          else
            addClaim(
              target,
              'paraphrase',
              who,
              [...according, ...reporter],
              [describe(who, subject), ...channelNote(according)],
            );
          return;
        }
        if (unnamed) {
          addClaim(t, 'unnamed-sources', undefined, according, ['no source is named']);
          return;
        }
        if (according.length) {
          const who = according.find((a) => a.person) ?? according.find((a) => a.entry) ?? according[0];
          addClaim(t, 'paraphrase', who, according, [`speaker and channel read from ${accordingWords}`]);
          return;
        }
        if (frames.length) {
          // "according to an independent review": attributed, though to no one the glossary knows.
          addClaim(t, 'paraphrase', undefined, [], [`${accordingWords} names no glossary entry or source`]);
          return;
        }
        addClaim(t, 'outlet-assertion', undefined, [], []);
      };

      for (const seg of segments) {
        const segQuotes = quotes.filter((q) => q.start >= seg.start && q.end <= seg.end);
        if (!segQuotes.length) {
          plain(seg);
          continue;
        }
        let from = seg.start;
        let embedded = false;
        const pending: (() => void)[] = [];
        for (const q of segQuotes) {
          const before = speechVerbs.filter((v) => v.start >= from && v.end <= q.start);
          const sv = before.at(-1);
          // A few quoted words the sentence runs on after (“denied any "official or unofficial"
          // talks”, “has “paused” its inquiry”) are part of the reported words, not a quotation of
          // their own.
          if (
            !q.continues &&
            !/[.,!?;:…]\W?$/.test(paragraph.slice(q.start, q.end)) &&
            /^\s+\p{Ll}/u.test(paragraph.slice(q.end, seg.end))
          ) {
            embedded = true;
            break;
          }
          const lead = paragraph.slice(from, q.start);
          if (!sv && !q.continued && /:\s*$/.test(lead)) {
            // “The statement read: “…”” — whatever the verb, a colon gives the quotation to the
            // subject of the words before it.
            const comma = lead.lastIndexOf(', ');
            const frameStart = comma >= 0 ? from + comma + 2 : from;
            const head = { start: from, end: frameStart };
            const asked = frameStart > from && participleHead(head) ? [questionNote(head)] : [];
            if (frameStart > from && !asked.length) pending.push(() => plain(head));
            const verb = sentence.verbs.find((v) => v.start >= frameStart && v.end <= q.start);
            const who = verb ? named(frameStart, verb.start) : undefined;
            const words = paragraph.slice(frameStart, verb?.start ?? q.start).trim();
            pending.push(() => {
              lastQuote =
                addClaim(q, 'direct-quote', who, according, [
                  describe(who, words),
                  ...asked,
                  ...channelNote(according),
                ]) ?? lastQuote;
            });
            from = q.end;
            continue;
          }
          if (sv) {
            // Words before the frame ("Putin has often spoken out against the war, too saying …").
            const frameText = paragraph.slice(from, sv.start);
            const comma = frameText.lastIndexOf(', ');
            const withAt = withPhrase(sv, from);
            // "…, with its leader, X, saying:" — the frame starts at "with".
            const frameStart =
              withAt !== undefined ? paragraph.lastIndexOf('with', withAt) : comma >= 0 ? from + comma + 2 : from;
            const head = { start: from, end: frameStart };
            const asked = frameStart > from && participleHead(head) ? [questionNote(head)] : [];
            if (frameStart > from && !asked.length) pending.push(() => plain(head));
            const lower = before.length > 1 ? before.at(-2)!.end : frameStart;
            const who = subjectOf(sv, lower);
            // Earlier reporting verbs whose subject is a channel ("TASS also reported that …").
            const reporters = before
              .slice(0, -1)
              .map((v) => parties.one(paragraph.slice(from, v.start), () => undefined))
              .filter((r): r is Party => Boolean(r?.source));
            const via = [...according, ...reporters];
            pending.push(() => {
              lastQuote =
                addClaim(q, 'direct-quote', who, via, [describe(who), ...asked, ...channelNote(via)]) ?? lastQuote;
            });
          } else if (q.continued && (lastQuote || pending.length)) {
            // A frame after it names the speaker (“… ceasefire,” Haniyeh said.), whoever the
            // quotation before was given to; without one, it is the same speaker's.
            const next = segQuotes[segQuotes.indexOf(q) + 1]?.start ?? seg.end;
            const post = speechVerbs.find((v) => v.start >= q.end && v.end <= next);
            const who = post ? (named(q.end, post.start) ?? named(post.end, next)) : undefined;
            pending.push(() => {
              const prev = lastQuote;
              if (who)
                lastQuote =
                  addClaim(q, 'direct-quote', who, according, [
                    describe(who),
                    'goes on from the quotation before it',
                    ...channelNote(according),
                  ]) ?? lastQuote;
              else if (prev)
                lastQuote =
                  addClaim(q, 'direct-quote', undefined, [], ['goes on from the quotation before it'], prev) ?? prev;
            });
          } else {
            // A frame after the quotation: "“…,” Putin said." / "said Putin".
            const next = segQuotes[segQuotes.indexOf(q) + 1]?.start ?? seg.end;
            const post = speechVerbs.find((v) => v.start >= q.end && v.end <= next);
            if (post || q.start === trim(paragraph, seg, quotes).start) {
              const who = post ? (named(q.end, post.start) ?? named(post.end, next)) : (lastVoice ?? lastPerson);
              pending.push(() => {
                lastQuote =
                  addClaim(q, 'direct-quote', who, according, [describe(who), ...channelNote(according)]) ?? lastQuote;
              });
            } else {
              // A phrase quoted inside the outlet's own sentence stays inside its clause.
              embedded = true;
              break;
            }
          }
          from = q.end;
        }
        if (embedded) {
          // Quotations before the one the sentence runs on through keep their claims.
          if (pending.length) {
            pending.forEach((f) => f());
            plain({ start: from, end: seg.end });
          } else plain(seg);
          continue;
        }
        pending.forEach((f) => f());
        // Words after the last quotation are a clause of their own, unless they only say who
        // spoke (“, Putin said.”, “he told reporters on Friday.”).
        const rest = { start: from, end: seg.end };
        const frame = speechVerbs.find((v) => v.start >= rest.start && v.end <= rest.end);
        const onlyFrame =
          frame &&
          wordCount(sentence, { start: rest.start, end: frame.start }) <= 6 &&
          wordCount(sentence, { start: frame.end, end: rest.end }) <= 4;
        if (out(rest) && !onlyFrame) plain(rest);
      }

      // Dates in this sentence.
      // A date is read by the tense of the verb before it ("said the talks would resume on 3 March").
      const inVerb = (v: VerbPhrase, tag: string) =>
        sentence.words.some((w) => w.start >= v.start && w.end <= v.end && w.tags.has(tag));
      const wordBefore = (v: VerbPhrase) => sentence.words.filter((w) => w.end <= v.start).at(-1);
      const toInfinitive = (v: VerbPhrase) => wordBefore(v)?.text.toLowerCase() === 'to';
      const tenseAt = (offset: number) => {
        // A lone present-tense word says little and is often a noun the tagger misread
        // ("Kogi and Gombe states on Wednesday"), so the verb before it decides.
        const verb = sentence.verbs
          .filter((v) => v.start < unit.start + offset)
          .filter((v) => toInfinitive(v) || /\s/.test(v.text) || inVerb(v, 'PastTense') || inVerb(v, 'Modal'))
          .at(-1);
        if (!verb) {
          // The date before its verb ("Netanyahu on Tuesday warned that Israel will …"): the verb
          // after it decides, not a "will" in the words it reports.
          const next = sentence.verbs.find((v) => v.start >= unit.start + offset);
          if (next && /\b(will|shall|'ll|’ll)\b/i.test(next.text)) return 'future';
          if (next && inVerb(next, 'PastTense')) return 'past';
          return sentence.tense;
        }
        if (/\b(will|shall|would|'ll|’ll)\b/i.test(verb.text)) return 'future';
        // "plans have been made for him to visit on Wednesday": a to-infinitive happens after the
        // verb it hangs on, so after the publication day when that verb is present or perfect.
        const to = toInfinitive(verb) ? wordBefore(verb) : undefined;
        if (to) {
          const governing = sentence.verbs.filter((v) => v.end <= to.start).at(-1);
          if (!governing || /\b(will|shall|would|has|have|is|are|am|'ll|’ll)\b/i.test(governing.text)) return 'future';
          if (inVerb(governing, 'PresentTense') && !inVerb(governing, 'PastTense')) return 'future';
          return 'past';
        }
        return inVerb(verb, 'PastTense') ? 'past' : sentence.tense;
      };
      for (const d of resolveDates(text, options.published, tenseAt)) {
        dates.push({ ...d, start: d.start + unit.start, end: d.end + unit.start, paragraph: p });
      }

      // The last person named outside quotations, for a later "He": an entry's alias, or a name without one.
      const persons: (Party & { at: number })[] = [];
      for (const m of findAliases(text, parties.index)) {
        const id = m.ids.length === 1 ? m.ids[0]! : undefined;
        if (id && parties.isPerson(id) && outsideQuotes(unit.start + m.start))
          persons.push({ entry: id, person: true, words: m.text, at: unit.start + m.start });
      }
      for (const n of properNames(sentence, paragraph))
        if (
          n.person &&
          outsideQuotes(n.start) &&
          !persons.some((x) => x.at <= n.start && n.start < x.at + x.words.length)
        )
          persons.push({ person: true, words: n.text, missing: n.text, at: n.start });
      // A title right before a name ("Foreign Minister Anna Lind") or in apposition after it
      // ("Anna Lind, the foreign minister,"): its words, and its head noun alone.
      for (const x of persons) {
        const apposition = /^,\s+the\s+((?:[\p{L}-]+\s+){0,2}([\p{L}-]+)),/u.exec(
          paragraph.slice(x.at + x.words.length),
        );
        const head = apposition && x.at + x.words.length + apposition[0].length - 1 - apposition[2]!.length;
        if (apposition && sentence.words.some((w) => w.start === head && w.tags.has('Actor'))) {
          titled.set(apposition[1]!.toLowerCase(), x);
          titled.set(apposition[2]!.toLowerCase(), x);
        }
        const title: string[] = [];
        for (const w of sentence.words.filter((w) => w.end <= x.at).reverse()) {
          const next = title.length ? paragraph.indexOf(title[0]!, w.end) : x.at;
          if (paragraph.slice(w.end, next).trim() || !/^\p{Lu}/u.test(w.text)) break;
          if (!w.tags.has('Actor') && !w.tags.has('Honorific') && !(title.length && w.tags.has('Adjective'))) break;
          title.unshift(w.text);
        }
        if (!title.length) continue;
        titled.set(title.join(' ').toLowerCase(), x);
        titled.set(title.at(-1)!.toLowerCase(), x);
      }
      const lastNamed = persons.sort((a, b) => a.at - b.at).at(-1);
      if (lastNamed) lastPerson = lastNamed;
    }

    // Glossary mentions, as the build links them (never inside quotations).
    for (const m of findAliases(paragraph, parties.index)) {
      if (inside(quotes, m.start)) continue;
      mentions.push({ paragraph: p, start: m.start, end: m.end, text: m.text, ids: m.ids });
    }
    // Capitalised names no entry matches.
    const dateWords = dates.filter((d) => d.paragraph === p);
    for (const n of names) {
      if (inside(quotes, n.start) || n.start < textStart) continue;
      if (mentions.some((m) => m.paragraph === p && n.start < m.end && n.end > m.start)) continue;
      if (dateWords.some((d) => n.start < d.end && n.end > d.start)) continue;
      if (isDemonym(n.text, registry)) continue;
      noteMissing(n.text, n.person, p);
    }
  });
  for (const c of claims)
    if (c.missingSpeaker && !missing.has(c.missingSpeaker)) noteMissing(c.missingSpeaker, true, c.paragraph);
  // "Lavrov" after "Sergei Lavrov" is the same person: one entry, with the surname as an alias.
  for (const m of [...missing.values()]) {
    if (m.name.includes(' ')) continue;
    const full = [...missing.values()].find((f) => f.person && f !== m && f.name.split(' ').at(-1) === m.name);
    if (!full) continue;
    full.count += m.count;
    full.aliases = [...(full.aliases ?? []), m.name];
    missing.delete(m.name);
    for (const c of claims) if (c.missingSpeaker === m.name) c.missingSpeaker = full.name;
  }

  // Dates go inside a claim or outside all claims; one crossing a claim's edge is left for the editor.
  const placed: PlacedDate[] = [];
  const unplaced: PlacedDate[] = [];
  for (const d of dates) {
    const crosses = claims.some(
      (c) => c.paragraph === d.paragraph && d.start < c.end && d.end > c.start && (d.start < c.start || d.end > c.end),
    );
    (crosses ? unplaced : placed).push(d);
  }

  // A speaker with no entry yet still gives the id its surname.
  const MISSING = '\u0000';
  const ids = claimIds(
    claims.map((c) => ({ text: c.text, speaker: c.missingSpeaker ? MISSING + c.missingSpeaker : c.speaker })),
    (id) => (id.startsWith(MISSING) ? id.slice(1) : parties.isPerson(id) ? parties.name(id) : undefined),
  );
  claims.forEach((c, i) => (c.id = ids[i]!));
  const sources = [...new Set(claims.flatMap((c) => c.via))];
  return {
    paragraphs,
    quotations,
    claims,
    dates: placed,
    unplacedDates: unplaced,
    mentions,
    missing: [...missing.values()],
    sources,
  };
}

/** "Iranian", "Ukrainians": the adjective of a country in the glossary, not a missing name. */
function isDemonym(text: string, registry: Pick<Registry, 'glossary'>): boolean {
  const word = text.replace(/s$/, '');
  for (const e of registry.glossary.values()) if (e.demonym && (e.demonym === text || e.demonym === word)) return true;
  return false;
}
