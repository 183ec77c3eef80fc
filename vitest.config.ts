import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end suite builds the site once; everything else is fast unit tests.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 300_000,
    // Browser tests share one Chromium and one preview server per file; two cores.
    maxWorkers: 2,
  },
});
