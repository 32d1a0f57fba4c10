/**
 * Short-lived state with expiry: human checks, rate-limit counters, one-time codes, dialog state.
 * Values are JSON. In-process for the embedded default, Redis when REDIS_URL is set.
 */
/** A stored object that carries its version. */
export type ETagged = { eTag: string; [field: string]: unknown };

export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  /** Sets only if the key is absent; true when it was set. */
  setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Deletes only while the key still holds `value` (a lock's owner releasing it); true when deleted. */
  deleteIfEquals(key: string, value: unknown): Promise<boolean>;
  /**
   * Writes an object carrying an `eTag` only if the stored one has the eTag `expected` (or nothing
   * is stored): optimistic concurrency. False when someone else wrote in between.
   */
  setIfETag(key: string, value: ETagged, expected: string, ttlMs: number): Promise<boolean>;
  /** Adds one and returns the new count; the expiry is set when the counter is created. */
  increment(key: string, ttlMs: number): Promise<number>;
  /** Milliseconds until the key expires, or undefined when absent. */
  ttl(key: string): Promise<number | undefined>;
  close(): Promise<void>;
}
