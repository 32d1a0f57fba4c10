import type { KeyValueStore } from './keyValueStore';
import type { RandomSource } from './random';

/** Longer than any turn should take; a crashed holder's lock frees itself after it. */
const LOCK_TTL_MS = 20_000;
/** How long a turn waits for the one before it. Twilio and Teams give up after 15 s. */
const WAIT_MS = 12_000;
const RETRY_MS = 15;

export class LockTimeout extends Error {}

/**
 * Turns of one conversation run one at a time, across every instance sharing the store, so two
 * messages sent at once both take effect instead of one overwriting the other's state.
 */
export class ConversationLocks {
  constructor(
    private readonly store: KeyValueStore,
    private readonly random: RandomSource,
  ) {}

  async run<T>(conversation: string, work: () => Promise<T>): Promise<T> {
    const key = `lock:conversation:${conversation}`;
    const token = this.random.bytes(12).toString('base64url');
    const deadline = Date.now() + WAIT_MS;
    while (!(await this.store.setIfAbsent(key, token, LOCK_TTL_MS))) {
      if (Date.now() > deadline) throw new LockTimeout('the conversation is still busy with an earlier turn');
      await new Promise((done) => setTimeout(done, RETRY_MS + this.random.int(RETRY_MS)));
    }
    try {
      return await work();
    } finally {
      await this.store.deleteIfEquals(key, token);
    }
  }
}
