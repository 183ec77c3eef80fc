// Keeps a few promises running ahead of the code that waits for them (the search index's pages).

/**
 * Lets at most `limit` promises be outstanding, waited for oldest first; the first failure is thrown by `add` or
 * `drain`, once every promise already started has settled (none is left unhandled).
 */
export class Pipeline {
  readonly #limit: number;
  readonly #running: Promise<void>[] = [];
  #failure: { error: unknown } | undefined;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Adds a running promise; waits for the oldest while `limit` are running. */
  async add(running: Promise<void>): Promise<void> {
    this.#running.push(
      running.catch((error: unknown) => {
        this.#failure ??= { error };
      }),
    );
    if (this.#running.length >= this.#limit) await this.#running.shift();
    if (this.#failure) await this.drain();
  }

  /** Waits for every promise added; throws the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.#running.splice(0));
    if (this.#failure) throw this.#failure.error;
  }
}
