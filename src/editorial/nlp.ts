/**
 * What drafting asks of `compromise`: sentences, words with their part of speech, verbs with
 * their dictionary form, and proper names, all with offsets into the text given.
 */
import nlp from 'compromise';
import { SPEECH_FORMS } from './cues';
import type { Span } from './text';

export interface Word extends Span {
  text: string;
  tags: Set<string>;
}

export interface VerbPhrase extends Span {
  text: string;
  /** Dictionary form of the main verb, e.g. "say" for "has since said". */
  infinitive: string;
}

export interface Sentence extends Span {
  text: string;
  words: Word[];
  verbs: VerbPhrase[];
  /** "past" or "future" when the sentence's verbs say so; dates are resolved that way. */
  tense: 'past' | 'future' | undefined;
}

interface JsonTerm {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}
interface JsonSentence {
  text: string;
  offset: { start: number; length: number };
  terms: JsonTerm[];
}
interface JsonVerb {
  offset: { start: number; length: number };
  text: string;
  verb?: { infinitive?: string };
}

/** Sentences of one paragraph, each with its words and verbs. */
export function sentences(paragraph: string): Sentence[] {
  const doc = nlp(paragraph);
  const json = doc.json({ offset: true, terms: { offset: true } }) as JsonSentence[];
  const verbs = (doc.verbs().json({ offset: true }) as JsonVerb[]).map((v) => ({
    start: v.offset.start,
    end: v.offset.start + v.offset.length,
    text: v.text,
    infinitive: (v.verb?.infinitive ?? v.text).toLowerCase(),
  }));
  // Sentences tile the paragraph: each runs to the next, and an opening quotation mark or
  // bracket compromise leaves before a sentence belongs to it.
  const starts = json.map((s, i) => {
    if (i === 0) return 0;
    let at = s.offset.start;
    while (at > 0 && /[“"‘(\[]/.test(paragraph[at - 1] ?? '')) at--;
    return at;
  });
  return json.map((s, i) => {
    const start = starts[i]!;
    const end = starts[i + 1] ?? paragraph.length;
    const words = s.terms.map((t) => ({
      text: t.text,
      start: t.offset.start,
      end: t.offset.start + t.offset.length,
      tags: new Set(t.tags),
    }));
    const own = verbs.filter((v) => v.start >= start && v.start < end);
    // A speech verb the tagger read as something else ("He said, “…”") is still a verb here.
    for (const w of words) {
      const verb = SPEECH_FORMS.get(w.text.toLowerCase());
      const inflected = verb && w.text.toLowerCase() !== verb && !w.tags.has('Noun');
      if (inflected && !own.some((v) => w.start < v.end && w.end > v.start)) {
        own.push({ start: w.start, end: w.end, text: w.text, infinitive: verb! });
        w.tags.add('Verb');
      }
    }
    own.sort((a, b) => a.start - b.start);
    const sentenceDoc = nlp(paragraph.slice(start, end));
    const tense = sentenceDoc.has('(will|shall|#FutureTense)')
      ? 'future'
      : sentenceDoc.has('#PastTense')
        ? 'past'
        : undefined;
    return { text: paragraph.slice(start, end), start, end, words, verbs: own, tense };
  });
}

/** True when the words in [start, end) include a verb (any form). */
export function hasVerb(sentence: Sentence, span: Span): boolean {
  return sentence.words.some((w) => w.start >= span.start && w.end <= span.end && w.tags.has('Verb'));
}

/** Number of words in [start, end). */
export function wordCount(sentence: Sentence, span: Span): number {
  return sentence.words.filter((w) => w.start >= span.start && w.end <= span.end).length;
}

/** Runs of capitalised proper names (people, places, organisations) in a text, with offsets. */
export function properNames(text: string): (Span & { text: string; person: boolean })[] {
  const doc = nlp(text);
  const json = doc.match('#ProperNoun+').json({ offset: true, terms: { offset: true } }) as JsonSentence[];
  const out: (Span & { text: string; person: boolean })[] = [];
  for (const m of json) {
    // Trim punctuation compromise leaves on the match ("Putin:" → "Putin").
    const terms = m.terms.filter((t) => /\p{Lu}/u.test(t.text[0] ?? ''));
    if (!terms.length) continue;
    const first = terms[0]!;
    const last = terms.at(-1)!;
    const start = first.offset.start;
    const end = last.offset.start + last.offset.length;
    out.push({
      start,
      end,
      text: text.slice(start, end),
      person: terms.some((t) => t.tags.includes('Person')),
    });
  }
  return out;
}

/** The people compromise finds in a phrase, e.g. "Sergei Lavrov" in "Russian foreign minister Sergei Lavrov". */
export function people(text: string): string[] {
  return (nlp(text).people().json({ terms: { offset: false } }) as { text: string }[])
    .map((p) => p.text.replace(/[^\p{L}\p{N}’'.-]+$/u, '').trim())
    .filter(Boolean);
}
