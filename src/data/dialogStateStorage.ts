import type { Storage, StoreItems } from 'botbuilder';
import type { KeyValueStore } from '../lib/keyValueStore';
import type { RandomSource } from '../lib/random';

/** Dialog state lives 24 hours after the last turn (SPEC §5a). */
export const DIALOG_STATE_TTL_MS = 24 * 60 * 60_000;

/** botbuilder's Storage over the short-lived store: dialog state expires, and lives in Redis when configured. */
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

  /** Writes with compare-and-set on the eTag, so a turn never silently overwrites another's state. */
  async write(changes: StoreItems): Promise<void> {
    for (const [key, change] of Object.entries(changes)) {
      // botbuilder types its state as any; what it writes is a plain object, with the eTag it read.
      const state = change as { eTag?: string; [field: string]: unknown };
      const expected = state.eTag;
      const item = { ...state, eTag: this.random.bytes(8).toString('hex') };
      if (!expected || expected === '*') {
        await this.store.set(this.key(key), item, DIALOG_STATE_TTL_MS);
      } else if (!(await this.store.setIfETag(this.key(key), item, expected, DIALOG_STATE_TTL_MS))) {
        throw new Error(`Storage: eTag conflict writing ${key}`);
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) await this.store.delete(this.key(key));
  }

  private key(key: string): string {
    return `dialog-state:${key}`;
  }
}
