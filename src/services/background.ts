/**
 * Work that must not hold up a reply (sending mail, so known and unknown IDs answer in the same
 * time), tracked so tests and shutdown can wait for it.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly onError: (error: unknown, task: string) => void) {}

  run(task: string, work: () => Promise<void>): void {
    const promise = Promise.resolve()
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
