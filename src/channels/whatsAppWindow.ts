import type { Clock } from '../lib/clock';
import type { KeyValueStore } from '../lib/keyValueStore';
import type { RandomSource } from '../lib/random';

/** WhatsApp accepts free-form messages only within 24 hours of the citizen's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60_000;
/** A message held back for a closed window waits this long for the citizen to write again. */
export const PENDING_TTL_MS = 7 * 24 * 60 * 60_000;
const MAX_ATTEMPTS = 8;

type Pending = { eTag: string; bodies: string[] };

/**
 * WhatsApp's 24-hour customer-service window per number: when the citizen last wrote, and the
 * messages that could not be sent meanwhile, delivered when they next write. Shared by every
 * instance through the store; the pending list is changed only by compare-and-set, so a message
 * deferred on one instance while another delivers is neither lost nor sent twice.
 */
export class WhatsAppWindow {
  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: Clock,
    private readonly random: RandomSource,
  ) {}

  /** The citizen wrote: the window is open for the next 24 hours. */
  async opened(phone: string): Promise<void> {
    await this.store.set(this.lastInboundKey(phone), this.clock.now().toISOString(), WHATSAPP_WINDOW_MS);
  }

  async isOpen(phone: string): Promise<boolean> {
    const last = await this.store.get<string>(this.lastInboundKey(phone));
    return last !== undefined && this.clock.now().getTime() - Date.parse(last) < WHATSAPP_WINDOW_MS;
  }

  /** Keeps messages for the citizen's next inbound message. */
  async defer(phone: string, bodies: string[]): Promise<void> {
    const key = this.pendingKey(phone);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const current = await this.store.get<Pending>(key);
      const next: Pending = { eTag: this.random.bytes(8).toString('hex'), bodies: [...(current?.bodies ?? []), ...bodies] };
      if (await this.store.setIfETag(key, next, current?.eTag ?? 'none', PENDING_TTL_MS)) return;
    }
    throw new Error('the pending WhatsApp messages kept changing; the message was not kept');
  }

  /** Takes every pending message, oldest first; each is handed to one caller only. */
  async takePending(phone: string): Promise<string[]> {
    const key = this.pendingKey(phone);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const current = await this.store.get<Pending>(key);
      if (!current) return [];
      if (await this.store.deleteIfEquals(key, current)) return current.bodies;
    }
    return [];
  }

  private lastInboundKey(phone: string): string {
    return `whatsapp:last-inbound:${phone}`;
  }

  private pendingKey(phone: string): string {
    return `whatsapp:pending:${phone}`;
  }
}
