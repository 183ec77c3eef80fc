import { describe, expect, it } from 'vitest';
import { withoutDepOptimizer } from '../../../src/integrations/no-dep-optimizer';

// Vite starts no optimiser for an environment with discovery off and nothing to include
// (isDepOptimizationDisabled in Vite's optimizer).
const disabled = (o: { optimizeDeps?: { noDiscovery?: boolean; include?: string[] } }) =>
  o.optimizeDeps?.noDiscovery === true && (o.optimizeDeps.include?.length ?? 0) === 0;

describe('a build without the dependency optimiser', () => {
  it('turns off the pre-bundling Astro asks of the client environment', () => {
    const client = {
      optimizeDeps: { include: ['astro > html-escaper', 'astro/runtime/client/dev-toolbar/entrypoint.js'] },
    };
    expect(disabled(client)).toBe(false);
    withoutDepOptimizer(client);
    expect(disabled(client)).toBe(true);
  });

  it('turns it off in an environment that had no optimiser options at all', () => {
    const ssr = {};
    withoutDepOptimizer(ssr);
    expect(disabled(ssr)).toBe(true);
  });

  it('keeps the environment’s other optimiser options', () => {
    const options = { optimizeDeps: { include: ['x'], exclude: ['node-fetch'] } };
    withoutDepOptimizer(options);
    expect(options.optimizeDeps).toEqual({ include: [], exclude: ['node-fetch'], noDiscovery: true });
  });
});
