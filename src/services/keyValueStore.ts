/**
 * Short-lived state with expiry: human checks, rate-limit counters, one-time codes, dialog state.
 * Values are JSON. In-process for the embedded default, Redis when REDIS_URL is set.
 */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  /** Sets only if the key is absent; true when it was set. */
  setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Adds one and returns the new count; the expiry is set when the counter is created. */
  increment(key: string, ttlMs: number): Promise<number>;
  /** Milliseconds until the key expires, or undefined when absent. */
  ttl(key: string): Promise<number | undefined>;
  close(): Promise<void>;
}
