import { describe, expect, it, vi } from 'vitest';

const setFlagsFromString = vi.fn();
vi.mock('node:v8', () => ({ setFlagsFromString }));
const { HEAP_GROWING_PERCENT, limitHeapGrowth } = await import('../../src/lib/heap-growth');

describe('limitHeapGrowth', () => {
  it("sets V8's heap growing factor, by default to let the heap grow by half of what is live", () => {
    limitHeapGrowth();
    expect(HEAP_GROWING_PERCENT).toBe(50);
    expect(setFlagsFromString).toHaveBeenLastCalledWith('--heap-growing-percent=50');
    limitHeapGrowth(20);
    expect(setFlagsFromString).toHaveBeenLastCalledWith('--heap-growing-percent=20');
  });
});
