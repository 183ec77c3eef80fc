/**
 * The words that attribute a statement in news English. These are closed word lists, not a
 * parser: `compromise` finds the verbs and their dictionary forms, and these lists say which
 * of them report speech.
 */
import nlp from 'compromise/two';

/** Verbs that report what someone said, by dictionary form. */
export const SPEECH_VERBS = new Set([
  'say',
  'tell',
  'add',
  'report',
  'claim',
  'suggest',
  'describe',
  'state',
  'insist',
  'warn',
  'announce',
  'note',
  'argue',
  'explain',
  'confirm',
  'deny',
  'write',
  'declare',
  'stress',
  'assert',
  'acknowledge',
  'admit',
  'allege',
  'accuse',
  'vow',
  'pledge',
  'promise',
  'reply',
  'respond',
  'urge',
  'predict',
  'maintain',
  'concede',
  'repeat',
  'tweet',
  'reiterate',
  'comment',
  'remark',
  'emphasise',
  'emphasize',
]);

/** Verbs whose speaker rejects something: the claim is a denial. */
export const DENIAL_VERBS = new Set(['deny', 'reject', 'dismiss', 'refute']);

/** Hedges that report without naming who reported: the claim is "unnamed sources". */
export const UNNAMED_CUE =
  /\b(reportedly|allegedly|(?:is|are|was|were) (?:said|reported|believed|thought|understood|alleged) to|reports (?:say|said|suggest)|sources (?:say|said))\b/i;

/** "according to X" (and the misprint "according X", which the seed article has). */
export const ACCORDING = /\b[Aa]ccording(?:\s+to)?\s+/g;

/** The first word of a verb phrase's dictionary form, e.g. "speak" for "speak out". */
export const headVerb = (infinitive: string): string => infinitive.split(/\s+/)[0] ?? '';

/**
 * Every form of the speech verbs ("said", "tells", "adding"), from compromise's conjugation:
 * its tagger can read "said" before a quotation as an adjective, so the forms are also matched
 * as words. The conjugator is called directly, as "pledge" alone would be read as a noun.
 */
export const SPEECH_FORMS: ReadonlyMap<string, string> = (() => {
  const { methods, model } = nlp.world() as unknown as {
    methods: { two: { transform: { verb: { conjugate(verb: string, model: unknown): Record<string, string> } } } };
    model: unknown;
  };
  const forms = new Map<string, string>();
  for (const verb of [...SPEECH_VERBS, ...DENIAL_VERBS]) {
    forms.set(verb, verb);
    for (const form of Object.values(methods.two.transform.verb.conjugate(verb, model)))
      if (!/\s/.test(form)) forms.set(form.toLowerCase(), verb);
  }
  return forms;
})();

export const isSpeechVerb = (infinitive: string): boolean => {
  const head = headVerb(infinitive);
  return SPEECH_VERBS.has(head) || DENIAL_VERBS.has(head);
};
