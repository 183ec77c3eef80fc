import { describe, expect, it } from 'vitest';
import { Pipeline } from '../../src/lib/pipeline';

/** A promise the test settles. */
function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('a pipeline of promises', () => {
  it('lets the caller run ahead until the limit, then waits for the oldest', async () => {
    const pipeline = new Pipeline(3);
    const jobs = [deferred(), deferred(), deferred()];
    await pipeline.add(jobs[0]!.promise);
    await pipeline.add(jobs[1]!.promise);
    let third = false;
    const adding = pipeline.add(jobs[2]!.promise).then(() => (third = true));
    await tick();
    // Three outstanding: the third add waits for the first.
    expect(third).toBe(false);
    jobs[1]!.resolve();
    await tick();
    expect(third).toBe(false);
    jobs[0]!.resolve();
    await adding;
    expect(third).toBe(true);
    jobs[2]!.resolve();
    await pipeline.drain();
  });

  it('waits in drain for every promise added', async () => {
    const pipeline = new Pipeline(8);
    const jobs = [deferred(), deferred()];
    for (const job of jobs) await pipeline.add(job.promise);
    let drained = false;
    const draining = pipeline.drain().then(() => (drained = true));
    jobs[0]!.resolve();
    await tick();
    expect(drained).toBe(false);
    jobs[1]!.resolve();
    await draining;
    expect(drained).toBe(true);
  });

  it('throws the first failure once the promises already started have settled', async () => {
    const pipeline = new Pipeline(8);
    const jobs = [deferred(), deferred(), deferred()];
    for (const job of jobs) await pipeline.add(job.promise);
    jobs[1]!.reject(new Error('page 2 could not be indexed'));
    jobs[2]!.reject(new Error('page 3 could not be indexed'));
    await tick();
    let settled = false;
    const draining = pipeline.drain().finally(() => (settled = true));
    await tick();
    // The first promise is still running: the failure waits for it.
    expect(settled).toBe(false);
    jobs[0]!.resolve();
    await expect(draining).rejects.toThrow('page 2 could not be indexed');
  });

  it('throws a failure from add, so the caller stops sending more', async () => {
    const pipeline = new Pipeline(8);
    const failed = deferred();
    await pipeline.add(failed.promise);
    failed.reject(new Error('Pagefind refused the page'));
    await tick();
    await expect(pipeline.add(Promise.resolve())).rejects.toThrow('Pagefind refused the page');
  });
});
