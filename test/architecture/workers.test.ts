/** Worker scripts are found beside the modules that start them, so a moved file fails here, not mid-build. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCAN_WORKER } from '../../src/integrations/finish-build/built-site';
import { OG_WORKER } from '../../src/publishing/og-image';

describe('worker scripts', () => {
  it('are files beside the modules that start them', () => {
    expect(SCAN_WORKER).toMatch(/src\/integrations\/finish-build\/scan-worker\.mjs$/);
    expect(OG_WORKER).toMatch(/src\/publishing\/og-worker\.mjs$/);
    expect([SCAN_WORKER, OG_WORKER].filter((file) => !existsSync(file))).toEqual([]);
  });
});
