/**
 * Work that must not hold up a reply (sending mail, so known and unknown IDs answer in the same
 * time), tracked so tests and shutdown can wait for it.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly onError: (error: unknown, task: string) => void) {}

  /**
   * Starts `work` soon, or only once `after` has settled (the turn that asked for it has ended and
   * its reply is out), so the work never delays that reply. Tracked from now either way.
   */
  run(task: string, work: () => Promise<void>, after?: PromiseLike<unknown>): void {
    const start = after ? Promise.resolve(after).then(nextTick, nextTick) : Promise.resolve();
    const promise = start
      .then(work)
      .catch((error: unknown) => this.onError(error, task))
      .finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  /** Resolves when every task started so far, and those they started, has finished. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}

/** After the I/O already queued (the turn's answer being written). */
function nextTick(): Promise<void> {
  return new Promise((done) => setImmediate(done));
}
