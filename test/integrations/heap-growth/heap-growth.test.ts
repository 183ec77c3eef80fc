import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AstroIntegration } from 'astro';

const limitHeapGrowth = vi.fn();
vi.mock('../../../src/lib/heap-growth', () => ({ limitHeapGrowth }));
const { heapGrowth } = await import('../../../src/integrations/heap-growth');

type Setup = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;
const setup = (command: string) =>
  (heapGrowth().hooks['astro:config:setup'] as Setup)({ command } as unknown as Parameters<Setup>[0]);

describe('heapGrowth', () => {
  afterEach(() => limitHeapGrowth.mockClear());

  it('fixes the heap growing factor when Astro builds', async () => {
    await setup('build');
    expect(limitHeapGrowth).toHaveBeenCalledOnce();
  });

  it('leaves astro dev and the other commands alone', async () => {
    for (const command of ['dev', 'preview', 'sync']) await setup(command);
    expect(limitHeapGrowth).not.toHaveBeenCalled();
  });
});
