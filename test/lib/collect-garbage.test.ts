import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/lib/collect-garbage';

describe('collectGarbage', () => {
  it('frees an object nothing refers to any more', async () => {
    const ref = (() => new WeakRef({ payload: new Array(1000).fill('x') }))();
    // A WeakRef keeps its target for the rest of the job that made it.
    await tick();
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  it('keeps an object that is still referred to', async () => {
    const held = { payload: [1, 2, 3] };
    const ref = new WeakRef(held);
    await tick();
    collectGarbage();
    expect(ref.deref()).toBe(held);
  });
});
