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

/** Tags that make a word part of a verb phrase ("has since claimed", "did not directly address"). */
const VERBISH = (w: Word) => w.tags.has('Verb') || w.tags.has('Auxiliary') || w.tags.has('Negative');

/**
 * Verb phrases from the words' tags: a run of verbs, with the adverbs and negations inside it.
 * (compromise's own verb-phrase parser is several times slower than tagging, and drafting only
 * needs the dictionary form of speech verbs, which SPEECH_FORMS gives.)
 */
function verbPhrases(words: Word[], text: string): VerbPhrase[] {
  const out: VerbPhrase[] = [];
  let i = 0;
  while (i < words.length) {
    if (!words[i]!.tags.has('Verb') && !words[i]!.tags.has('Auxiliary')) {
      i++;
      continue;
    }
    let j = i;
    while (
      j + 1 < words.length &&
      (VERBISH(words[j + 1]!) || (words[j + 1]!.tags.has('Adverb') && words.slice(j + 2, j + 4).some(VERBISH)))
    )
      j++;
    const run = words.slice(i, j + 1);
    const speech = run.map((w) => SPEECH_FORMS.get(w.text.toLowerCase())).find(Boolean);
    const main = run.filter((w) => w.tags.has('Verb') && !w.tags.has('Auxiliary')).at(-1) ?? run.at(-1)!;
    out.push({
      start: run[0]!.start,
      end: run.at(-1)!.end,
      text: text.slice(run[0]!.start, run.at(-1)!.end),
      infinitive: speech ?? main.text.toLowerCase(),
    });
    i = j + 1;
  }
  return out;
}

/** Sentences of one paragraph, each with its words and verbs. */
export function sentences(paragraph: string): Sentence[] {
  const json = nlp(paragraph).json({ offset: true, terms: { offset: true } }) as JsonSentence[];
  // Sentences tile the paragraph: each runs to the next, and an opening quotation mark or
  // bracket compromise leaves before a sentence belongs to it.
  const starts = json.map((s, i) => {
    if (i === 0) return 0;
    let at = s.offset.start;
    while (at > 0 && /[“"‘([]/.test(paragraph[at - 1] ?? '')) at--;
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
    // A speech verb the tagger read as something else ("He said, “…”") is still a verb here.
    for (const w of words) {
      const verb = SPEECH_FORMS.get(w.text.toLowerCase());
      if (verb && w.text.toLowerCase() !== verb && !w.tags.has('Noun')) w.tags.add('Verb');
    }
    const tense = words.some((w) => /^(will|shall)$/i.test(w.text) || w.tags.has('FutureTense'))
      ? 'future'
      : words.some((w) => w.tags.has('PastTense'))
        ? 'past'
        : undefined;
    return { text: paragraph.slice(start, end), start, end, words, verbs: verbPhrases(words, paragraph), tense };
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

export interface ProperName extends Span {
  text: string;
  person: boolean;
}

/** Runs of capitalised proper names (people, places, organisations) among a sentence's words. */
export function properNames(sentence: Sentence, paragraph: string): ProperName[] {
  const out: ProperName[] = [];
  let run: Word[] = [];
  const flush = () => {
    if (run.length) {
      const start = run[0]!.start;
      const end = run.at(-1)!.end;
      out.push({ start, end, text: paragraph.slice(start, end), person: run.some((w) => w.tags.has('Person')) });
    }
    run = [];
  };
  for (const w of sentence.words) {
    const capital = /\p{Lu}/u.test(w.text[0] ?? '');
    const joined = run.length > 0 && paragraph.slice(run.at(-1)!.end, w.start).trim() === '';
    if (w.tags.has('ProperNoun') && capital) {
      if (!joined) flush();
      run.push(w);
    } else flush();
  }
  flush();
  return out;
}

/** Proper names in a short phrase, e.g. "Sergei Lavrov" in "Russian foreign minister Sergei Lavrov". */
export function names(phrase: string): ProperName[] {
  return sentences(phrase).flatMap((s) => properNames(s, phrase));
}
