/**
 * What drafting asks of `compromise`: sentences, words with their part of speech, verbs with
 * their dictionary form, and proper names, all with offsets into the text given. Only its
 * tagger ("compromise/two") is loaded: the phrase parsers of the full build are not used, and
 * loading them took about a third of a draft's time.
 */
import nlp from 'compromise/two';
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
  /** True when the speech verb (or, without one, the main verb) is passive: "were confirmed". */
  passive: boolean;
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
    // A verb phrase never runs over punctuation ("saying, according to").
    const joins = (k: number) => !/[^\s'’-]/.test(text.slice(words[k]!.end, words[k + 1]!.start));
    while (
      j + 1 < words.length &&
      joins(j) &&
      (VERBISH(words[j + 1]!) || (words[j + 1]!.tags.has('Adverb') && words.slice(j + 2, j + 4).some(VERBISH)))
    )
      j++;
    const run = words.slice(i, j + 1);
    const speechWord = run.find((w) => SPEECH_FORMS.has(w.text.toLowerCase()));
    const speech = speechWord && SPEECH_FORMS.get(speechWord.text.toLowerCase());
    const main = run.filter((w) => w.tags.has('Verb') && !w.tags.has('Auxiliary')).at(-1) ?? run.at(-1)!;
    out.push({
      start: run[0]!.start,
      end: run.at(-1)!.end,
      text: text.slice(run[0]!.start, run.at(-1)!.end),
      infinitive: speech ?? main.text.toLowerCase(),
      passive: (speechWord ?? main).tags.has('Passive'),
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
  return json.flatMap((s, i) => {
    const from = starts[i]!;
    const to = starts[i + 1] ?? paragraph.length;
    const all = s.terms.map((t) => ({
      text: t.text,
      start: t.offset.start,
      end: t.offset.start + t.offset.length,
      tags: new Set(t.tags),
    }));
    // compromise runs on past a quotation that ends its sentence (“… this case.” They will …):
    // a full stop inside closing quotation marks before a capital ends the sentence too.
    const cuts = [from];
    for (const m of paragraph.slice(from, to).matchAll(/[.!?]["”’']\s+(?=["“‘']?\p{Lu})/gu))
      cuts.push(from + m.index + m[0].length);
    cuts.push(to);
    return cuts.slice(0, -1).map((start, k) => sentence(paragraph, start, cuts[k + 1]!, all));
  });
}

function sentence(paragraph: string, start: number, end: number, all: Word[]): Sentence {
  const words = all.filter((w) => w.start >= start && w.end <= end);
  // A speech verb the tagger read as something else ("He said, “…”") is still a verb here.
  // So is one after "as" that it read as a noun ("was quoted as saying").
  words.forEach((w, i) => {
    const verb = SPEECH_FORMS.get(w.text.toLowerCase());
    const afterAs = words[i - 1]?.text.toLowerCase() === 'as' && /ing$/i.test(w.text);
    if (verb && w.text.toLowerCase() !== verb && (!w.tags.has('Noun') || afterAs)) {
      w.tags.add('Verb');
      if (afterAs) w.tags.delete('Noun');
    }
  });
  const tense = words.some((w) => /^(will|shall)$/i.test(w.text) || w.tags.has('FutureTense'))
    ? 'future'
    : words.some((w) => w.tags.has('PastTense'))
      ? 'past'
      : undefined;
  return { text: paragraph.slice(start, end), start, end, words, verbs: verbPhrases(words, paragraph), tense };
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

/** Words a tagger may read as names when capitalised at a sentence's start, which never are. */
const FUNCTION_WORD = new Set(
  'a an the this that these those it its they them their he she his her we our you i in on at of for by with from as to and but or both all each some many most few after before while when if'.split(
    ' ',
  ),
);
/** What may join two capitalised runs into one name: "House of Representatives", "Secretary-General". */
const NAME_LINK = /^(?:-|\s+(?:of|for)(?:\s+the)?\s+)$/;

/** Runs of capitalised proper names (people, places, organisations) among a sentence's words. */
export function properNames(sentence: Sentence, paragraph: string): ProperName[] {
  const out: ProperName[] = [];
  let run: Word[] = [];
  const flush = () => {
    // A title before a person's name is not part of it: "President Joe Biden" is "Joe Biden".
    while (
      run.length > 1 &&
      (run[0]!.tags.has('Honorific') || run[0]!.tags.has('Actor')) &&
      run.slice(1).some((w) => w.tags.has('Person'))
    )
      run.shift();
    // A possessive belongs to the sentence, not the name: "Malaysia’s" is "Malaysia".
    const first = run[0];
    if (first && !(run.length === 1 && FUNCTION_WORD.has(first.text.toLowerCase()))) {
      const start = first.start;
      const end = run.at(-1)!.end;
      const text = paragraph.slice(start, end).replace(/[’']s$/, '');
      out.push({ start, end: start + text.length, text, person: run.some((w) => w.tags.has('Person')) });
    }
    run = [];
  };
  for (const w of sentence.words) {
    const capital = /\p{Lu}/u.test(w.text[0] ?? '');
    const gap = run.length > 0 ? paragraph.slice(run.at(-1)!.end, w.start) : '';
    const joined = run.length > 0 && (gap.trim() === '' || NAME_LINK.test(gap));
    if (w.tags.has('ProperNoun') && capital && !(w.tags.has('Pronoun') && !run.length)) {
      if (!joined) flush();
      run.push(w);
    } else if (!(run.length && /^(of|for|the)$/i.test(w.text))) flush();
  }
  flush();
  return out;
}

/** Proper names in a short phrase, e.g. "Sergei Lavrov" in "Russian foreign minister Sergei Lavrov". */
export function names(phrase: string): ProperName[] {
  return sentences(phrase).flatMap((s) => properNames(s, phrase));
}
