import { spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';

const setFlagsFromString = vi.fn();
vi.mock('node:v8', () => ({ setFlagsFromString }));
const { HEAP_GROWING_PERCENT, limitHeapGrowth } = await import('../../src/lib/heap-growth');

describe('limitHeapGrowth', () => {
  it("sets V8's heap growing factor, by default to let the heap grow to twice what is live", () => {
    limitHeapGrowth();
    expect(HEAP_GROWING_PERCENT).toBe(100);
    expect(setFlagsFromString).toHaveBeenLastCalledWith('--heap-growing-percent=100');
    limitHeapGrowth(20);
    expect(setFlagsFromString).toHaveBeenLastCalledWith('--heap-growing-percent=20');
  });
});

// setFlagsFromString ignores a flag V8 does not know, so a Node whose V8 renamed it would lose the
// setting without a word; Node itself refuses an unknown flag on its command line.
describe('the heap growing flag', () => {
  const run = (flag: string) => spawnSync(process.execPath, [flag, '-e', '0'], { encoding: 'utf8' });

  it("is one this Node's V8 knows", () => {
    const result = run(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(result.status, result.stderr).toBe(0);
  });

  it('would be told apart from a flag V8 does not know', () => {
    expect(run('--heap-growing-percent-not-a-flag=100').status).not.toBe(0);
  });
});
