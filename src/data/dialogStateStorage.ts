import type { Storage, StoreItems } from 'botbuilder';
import type { KeyValueStore } from '../services/keyValueStore';
import type { RandomSource } from '../services/random';

/** Dialog state lives 24 hours after the last turn (SPEC §5a). */
export const DIALOG_STATE_TTL_MS = 24 * 60 * 60_000;

/** botbuilder's Storage over the short-lived store, so dialog state expires and can move to Redis. */
export class DialogStateStorage implements Storage {
  constructor(
    private readonly store: KeyValueStore,
    private readonly random: RandomSource,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const item = await this.store.get<Record<string, unknown>>(this.key(key));
      if (item) items[key] = item;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, change] of Object.entries(changes)) {
      const expected = (change as { eTag?: string }).eTag;
      if (expected && expected !== '*') {
        const current = await this.store.get<{ eTag?: string }>(this.key(key));
        if (current?.eTag !== undefined && current.eTag !== expected) {
          throw new Error(`Storage: eTag conflict writing ${key}`);
        }
      }
      const eTag = this.random.bytes(8).toString('hex');
      await this.store.set(this.key(key), { ...change, eTag }, DIALOG_STATE_TTL_MS);
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) await this.store.delete(this.key(key));
  }

  private key(key: string): string {
    return `dialog-state:${key}`;
  }
}
