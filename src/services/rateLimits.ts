import type { KeyValueStore } from './keyValueStore';

export const MESSAGES_PER_MINUTE = 30;
export const FAILED_CHECKS_PER_HOUR = 10;
export const FAILED_CHECK_PAUSE_MS = 15 * 60_000;

export type Admission =
  | { allowed: true }
  /** `tell` is false for refusals the citizen has already been told about, so a flood gets one answer. */
  | { allowed: false; reason: 'too-many-messages' | 'paused'; retryAfterMs: number; tell: boolean };

/**
 * SPEC §4: per conversation (or phone number) at most 30 messages a minute; 10 failed checks
 * (human check, ID, security word, code) in an hour pause it for 15 minutes.
 */
export class RateLimits {
  constructor(private readonly store: KeyValueStore) {}

  /** Counts one inbound message and says whether it may be handled. */
  async admitMessage(subject: string): Promise<Admission> {
    const key = `rate:messages:${subject}`;
    // Both asked at once: one round trip to Redis per message instead of two (sent as one write).
    const [count, pausedFor] = await Promise.all([this.store.increment(key, 60_000), this.store.ttl(this.pauseKey(subject))]);
    if (count > MESSAGES_PER_MINUTE) {
      const retryAfterMs = (await this.store.ttl(key)) ?? 60_000;
      return { allowed: false, reason: 'too-many-messages', retryAfterMs, tell: count === MESSAGES_PER_MINUTE + 1 };
    }
    if (pausedFor !== undefined) {
      // During a pause the citizen is told at most once a minute (an SMS reply costs money).
      const tell = await this.store.setIfAbsent(`rate:paused-told:${subject}`, true, 60_000);
      return { allowed: false, reason: 'paused', retryAfterMs: pausedFor, tell };
    }
    return { allowed: true };
  }

  /** Counts a failed check; true when this one started a pause. */
  async recordFailedCheck(subject: string): Promise<boolean> {
    const count = await this.store.increment(`rate:failed-checks:${subject}`, 60 * 60_000);
    if (count < FAILED_CHECKS_PER_HOUR) return false;
    await this.store.delete(`rate:failed-checks:${subject}`);
    await this.store.set(this.pauseKey(subject), true, FAILED_CHECK_PAUSE_MS);
    return true;
  }

  async pausedFor(subject: string): Promise<number | undefined> {
    return this.store.ttl(this.pauseKey(subject));
  }

  private pauseKey(subject: string): string {
    return `rate:paused:${subject}`;
  }
}
