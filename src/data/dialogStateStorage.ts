import { ConversationState, type Storage, type StoreItems, type TurnContext } from 'botbuilder';
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

/** What BotState keeps in the turn's state for its state object: the object, and what it was when read or written. */
type Cached = { state: Record<string, unknown>; hash: string };

/**
 * botbuilder's ConversationState tells a changed state from an unchanged one by a SHA-256 of a
 * cycle-safe stringify, computed when the state is read, again before saving and once more after:
 * three passes over the whole dialog stack every turn (about 6% of an opening turn's CPU in the
 * bench's profile). The state is JSON in the store, read fresh each turn, so it can hold no cycle:
 * here its JSON is the mark, one native stringify when read and one when saved. The eTag BotState
 * puts on a state it saves (`*`, write whatever is stored) is put on when it is read, so the JSON
 * compared before saving is also the mark after. Everything else — the cache in the turn's state,
 * clear, delete — is BotState's own.
 */
export class DialogConversationState extends ConversationState {
  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const cached = context.turnState.get<Cached | undefined>(this.cacheKey);
    if (!force && cached?.state) return cached.state;
    const key = this.storageKeyOf(context);
    const items = await this.storage.read([key]);
    const state = (items[key] as Record<string, unknown> | undefined) ?? {};
    state['eTag'] = '*';
    context.turnState.set(this.cacheKey, { state, hash: JSON.stringify(state) } satisfies Cached);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const cached = context.turnState.get<Cached | undefined>(this.cacheKey);
    if (!cached && !force) return;
    const saving = cached ?? { state: {}, hash: '' };
    saving.state['eTag'] = '*';
    const json = JSON.stringify(saving.state);
    if (!force && saving.hash === json) return;
    await this.storage.write({ [this.storageKeyOf(context)]: saving.state });
    saving.hash = json;
    context.turnState.set(this.cacheKey, saving);
  }

  /** BotState's key for its cache in the turn's state (private there; clear, get and delete use it too). */
  private get cacheKey(): symbol {
    return (this as unknown as { stateKey: symbol }).stateKey;
  }

  private storageKeyOf(context: TurnContext): string {
    const key = this.getStorageKey(context);
    if (!key) throw new Error('ConversationState: the activity names no channel or conversation');
    return key;
  }
}
