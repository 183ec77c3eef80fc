/**
 * Readable claim ids, such as `putin-actively-working-together`: the speaker's surname, when a
 * person speaks, and the first words of the claim that carry meaning. Unique within an article.
 */
import { ID_PATTERN } from '../schemas/common';

const STOP = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being has have had do does did ' +
    'it its this that these those their there they them he she his her him we our us you your i my me not no so than ' +
    'too very can could would should will shall may might must also just only already since while although though ' +
    'who whom which what when where how all any both each either neither some such into over about after before ' +
    'said says say told tell added add reported report according reportedly'
  ).split(' '),
);

/** Lower-case ASCII words of a text, accents dropped. */
export function idWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** One id per claim, in order; `personName` gives a person speaker's name, else undefined. */
export function claimIds(
  claims: readonly { text: string; speaker: string }[],
  personName: (speaker: string) => string | undefined,
  taken: Iterable<string> = [],
): string[] {
  const used = new Set(taken);
  return claims.map((c) => {
    const name = personName(c.speaker);
    const nameWords = name ? idWords(name) : [];
    const surname = nameWords.at(-1);
    const words = idWords(c.text).filter((w) => !STOP.has(w) && !nameWords.includes(w));
    const parts = [...(surname ? [surname] : []), ...words.slice(0, surname ? 3 : 4)];
    let base = parts
      .join('-')
      .slice(0, 48)
      .replace(/-[^-]*$/, (m) => (parts.join('-').length > 48 ? '' : m));
    if (!ID_PATTERN.test(base)) base = 'claim';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}
