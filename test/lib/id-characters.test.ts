// Invalid characters in ids are named, so an invisible one can be found and removed.
import { describe, expect, it } from 'vitest';
import { badIdCharacters, describeBadIdCharacters, visibleId } from '../../src/lib/id-characters';
import { id } from '../../src/schemas/common';

describe('naming the characters that make an id invalid', () => {
  it('finds nothing wrong with a valid id', () => {
    expect(badIdCharacters('leader-quote')).toEqual([]);
    expect(describeBadIdCharacters('leader-quote')).toBeUndefined();
  });

  it('names bidi controls and zero-width characters by code point, name and position', () => {
    expect(describeBadIdCharacters('a\u202eb')).toBe('an invisible U+202E RIGHT-TO-LEFT OVERRIDE at character 2');
    expect(describeBadIdCharacters('ab\u200b')).toBe('an invisible U+200B ZERO WIDTH SPACE at character 3');
    expect(describeBadIdCharacters('\u2066x\u2069')).toContain(
      'U+2066 LEFT-TO-RIGHT ISOLATE at character 1, an invisible U+2069 POP DIRECTIONAL ISOLATE at character 3',
    );
  });

  it('shows visible wrong characters as themselves', () => {
    expect(describeBadIdCharacters('Leader_quote')).toBe('"L" (U+004C) at character 1, "_" (U+005F) at character 7');
  });

  it('counts positions in characters, not UTF-16 units, and summarises long lists', () => {
    expect(badIdCharacters('😀\u200d')[1]).toMatchObject({ position: 2, codePoint: 'U+200D', invisible: true });
    expect(describeBadIdCharacters('ABCDE')).toMatch(/and 2 more$/);
  });

  it('spells out invisible characters so messages cannot be reordered by them', () => {
    expect(visibleId('leader\u202e-quote')).toBe('leader<U+202E>-quote');
    expect(visibleId('tab\there')).toBe('tab<U+0009>here');
    expect(visibleId('an image')).toBe('an image');
  });

  it('puts the name of the invisible character into the schema message for ids', () => {
    const result = id.safeParse('leader\u200b-quote');
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain('U+200B ZERO WIDTH SPACE at character 7');
    expect(id.safeParse('Leader').error!.issues[0]!.message).toContain('lower-case letters');
  });
});
