import type { KeyValueStore } from '../lib/keyValueStore';

export const MESSAGES_PER_MINUTE = 30;
export const FAILED_CHECKS_PER_HOUR = 10;
export const FAILED_CHECK_PAUSE_MS = 15 * 60_000;
/** SPEC §4's default for FAILED_CHECKS_PER_SOURCE_PER_HOUR. */
export const FAILED_CHECKS_PER_SOURCE_PER_HOUR = 30;
/**
 * The source of turns whose adapter could not tell who sent them (a socket closed before the turn):
 * they share one count, so not knowing the sender never means not counting it.
 */
export const UNKNOWN_SOURCE = 'unknown';

export type Admission =
  | { allowed: true }
  /** `tell` is false for refusals the citizen has already been told about, so a flood gets one answer. */
  | { allowed: false; reason: 'too-many-messages' | 'paused'; retryAfterMs: number; tell: boolean };

/** Who a failed check counts against: the conversation (or phone number), and the source across its conversations. */
export type CheckSubjects = { rateSubject: string; source: string };

/** What a failed check started: nothing, a pause of the conversation, or a pause of the whole source. */
export type FailedCheckOutcome = 'counted' | 'conversation-paused' | 'source-paused';

/** A source's pause: how long it still lasts, and whether this is the one time it is told. */
export type SourcePause = { retryAfterMs: number; tell: boolean };

/**
 * SPEC §4: per conversation (or phone number) at most 30 messages a minute; 10 failed checks
 * (human check, ID, security word, code) in an hour pause it for 15 minutes. Failed checks also
 * count per source (client address, phone, Teams user) across all its conversations: past
 * FAILED_CHECKS_PER_SOURCE_PER_HOUR that source gets no new human check and no login try for 15
 * minutes, so a script opening a fresh conversation per victim is stopped too.
 */
export class RateLimits {
  constructor(
    private readonly store: KeyValueStore,
    private readonly failedChecksPerSource = FAILED_CHECKS_PER_SOURCE_PER_HOUR,
  ) {}

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

  /** Counts a failed check against the conversation and the source; says which pause, if any, it started. */
  async recordFailedCheck(subjects: CheckSubjects): Promise<FailedCheckOutcome> {
    const [conversationPaused, sourcePaused] = await Promise.all([
      this.count(subjects.rateSubject, FAILED_CHECKS_PER_HOUR),
      this.countAgainstSource(subjects.source),
    ]);
    if (sourcePaused) return 'source-paused';
    return conversationPaused ? 'conversation-paused' : 'counted';
  }

  /**
   * Counts against the source alone what a person does once and a script every time (asking for
   * the words version of the human check); true when this one started the source's pause.
   */
  async countAgainstSource(source: string): Promise<boolean> {
    return this.count(`source:${source}`, this.failedChecksPerSource);
  }

  async pausedFor(subject: string): Promise<number | undefined> {
    return this.store.ttl(this.pauseKey(subject));
  }

  /**
   * The source's pause, if it is paused; `tell` is true once per pause and conversation, so a
   * person reloading the page or a colleague on the same address hears why, and a conversation
   * trying again hears it once (conversation starts are capped per address anyway).
   */
  async sourcePause(source: string, rateSubject: string): Promise<SourcePause | undefined> {
    const retryAfterMs = await this.store.ttl(this.pauseKey(`source:${source}`));
    if (retryAfterMs === undefined) return undefined;
    const tell = await this.store.setIfAbsent(`rate:paused-told:${source}:${rateSubject}`, true, Math.max(retryAfterMs, 1));
    return { retryAfterMs, tell };
  }

  /** Counts one failed check of `subject`; true when it reached `limit` and started a pause. */
  private async count(subject: string, limit: number): Promise<boolean> {
    const count = await this.store.increment(`rate:failed-checks:${subject}`, 60 * 60_000);
    if (count < limit) return false;
    await this.store.delete(`rate:failed-checks:${subject}`);
    await this.store.set(this.pauseKey(subject), true, FAILED_CHECK_PAUSE_MS);
    return true;
  }

  private pauseKey(subject: string): string {
    return `rate:paused:${subject}`;
  }
}
