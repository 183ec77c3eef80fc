import { describe, expect, it } from 'vitest';
import { newestFirst } from '../../src/collections/order';

const a = (id: string, published: string) => ({ id, data: { published } });

describe('the order of articles', () => {
  it('puts the newest first, and articles of the same day in order of their ids', () => {
    const list = [a('b', '2024-10-11'), a('c', '2024-10-12'), a('a', '2024-10-11'), a('d', '2023-01-01')];
    expect(list.sort(newestFirst).map((x) => x.id)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('gives the same order whatever order the articles arrive in', () => {
    const list = [a('x', '2024-10-11'), a('y', '2024-10-11'), a('z', '2024-10-11')];
    const reversed = [...list].reverse();
    expect(list.sort(newestFirst).map((x) => x.id)).toEqual(reversed.sort(newestFirst).map((x) => x.id));
  });
});
