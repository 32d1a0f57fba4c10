import type { Clock } from '../lib/clock';
import type { ETagged, KeyValueStore } from '../lib/keyValueStore';

type Entry = { json: string; expiresAt: number };

/** The embedded default's short-lived store: one process, values expire by the injected clock. */
export class MemoryStore implements KeyValueStore {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly clock: Clock) {
    // Expired entries are dropped on read; the sweep keeps abandoned ones from piling up.
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.live(key);
    return entry ? (JSON.parse(entry.json) as T) : undefined;
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    this.entries.set(key, { json: JSON.stringify(value), expiresAt: this.clock.now().getTime() + ttlMs });
  }

  async setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    if (this.live(key)) return false;
    await this.set(key, value, ttlMs);
    return true;
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async deleteIfEquals(key: string, value: unknown): Promise<boolean> {
    const entry = this.live(key);
    if (!entry || entry.json !== JSON.stringify(value)) return false;
    this.entries.delete(key);
    return true;
  }

  async setIfETag(key: string, value: ETagged, expected: string, ttlMs: number): Promise<boolean> {
    const entry = this.live(key);
    if (entry && (JSON.parse(entry.json) as { eTag?: string }).eTag !== expected) return false;
    await this.set(key, value, ttlMs);
    return true;
  }

  async increment(key: string, ttlMs: number): Promise<number> {
    const entry = this.live(key);
    const count = entry ? (JSON.parse(entry.json) as number) + 1 : 1;
    const expiresAt = entry ? entry.expiresAt : this.clock.now().getTime() + ttlMs;
    this.entries.set(key, { json: JSON.stringify(count), expiresAt });
    return count;
  }

  async ttl(key: string): Promise<number | undefined> {
    const entry = this.live(key);
    return entry ? entry.expiresAt - this.clock.now().getTime() : undefined;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.entries.clear();
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock.now().getTime()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep(): void {
    const now = this.clock.now().getTime();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
