/**
 * Heap limits for the build's worker threads (preview cards, end-of-build scan). A worker's
 * young generation is sized like the main thread's, up to 128 MiB on a machine with plenty of
 * memory; the workers' objects are short-lived (a card, a batch of pages), so a small one is
 * collected often and cheaply, and each worker holds far less at once (docs/performance.md,
 * "Memory, fourth pass"). No old-generation cap: a worker that needs more must not fail.
 */
export const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 16 } as const;
