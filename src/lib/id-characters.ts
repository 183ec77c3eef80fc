/**
 * Names the characters that make an id invalid, so an editor can see what is wrong even when
 * the culprit is invisible: a bidi control or zero-width character pasted in with the text.
 */

/** Characters an id may hold (see ID_PATTERN in src/schemas/common.ts). */
const ID_CHAR = /^[a-z0-9-]$/;

const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** Invisible: format characters (bidi controls, zero-width), controls and separators but the space. */
const INVISIBLE = /^(?! )[\p{Cf}\p{Cc}\p{Z}]$/u;

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

export interface BadIdCharacter {
  /** 1-based position in the id, in characters. */
  position: number;
  codePoint: string;
  /** Unicode name when known, e.g. "RIGHT-TO-LEFT OVERRIDE". */
  name: string | undefined;
  invisible: boolean;
}

export function badIdCharacters(id: string): BadIdCharacter[] {
  return [...id].flatMap((ch, i) => {
    if (ID_CHAR.test(ch)) return [];
    const cp = ch.codePointAt(0)!;
    return [{ position: i + 1, codePoint: hex(cp), name: NAMES[cp], invisible: INVISIBLE.test(ch) }];
  });
}

/** The id with every invisible character spelled out, e.g. "leader<U+202E>-quote". */
export function visibleId(id: string): string {
  return [...id].map((ch) => (INVISIBLE.test(ch) ? `<${hex(ch.codePointAt(0)!)}>` : ch)).join('');
}

/** A sentence naming the first few bad characters, or undefined when the id has none. */
export function describeBadIdCharacters(id: string): string | undefined {
  const bad = badIdCharacters(id);
  if (bad.length === 0) return undefined;
  const parts = bad.slice(0, 3).map((b) => {
    const what = b.invisible ? `an invisible ${b.codePoint}` : `"${[...id][b.position - 1]}" (${b.codePoint})`;
    return `${what}${b.name ? ` ${b.name}` : ''} at character ${b.position}`;
  });
  const more = bad.length > 3 ? ` and ${bad.length - 3} more` : '';
  return `${parts.join(', ')}${more}`;
}
