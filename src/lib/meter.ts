/**
 * What the services count for the operators (GET /metrics). Only kinds of events, never who: no ID,
 * phone or address goes through here. The Prometheus registry behind it lives in src/metrics.ts.
 */
export interface Meter {
  /** One Şifreli Giriş security-word try and how it ended. */
  login(outcome: LoginMeasure): void;
  /** An account (or an unknown ID's lockout subject) became blocked. */
  accountBlocked(): void;
  /** An SMS code handed to the SMS sender, or refused by it. */
  smsCode(outcome: 'sent' | 'failed'): void;
  /** A delivery attempt of a queued e-mail: delivered, failed (retried later), or given up. */
  mail(outcome: 'sent' | 'failed' | 'given_up'): void;
  /**
   * One channel of a certificate expiry reminder at `threshold` days: its e-mail queued (the outbox
   * delivers it and counts it as a mail), its text or chat message sent, failed (tried again later)
   * or given up (after the last try, or with nothing left to send to).
   */
  expiryReminder(channel: ReminderChannel, threshold: number, outcome: 'queued' | 'sent' | 'failed' | 'given_up'): void;
}

export type ReminderChannel = 'email' | 'sms' | 'teams';

/**
 * `wrong_word`: a wrong word (or an unknown ID) with tries left; `blocked`: the try that reached
 * the limit; `refused_blocked`: a try on an account already blocked, refused without checking.
 */
export type LoginMeasure = 'success' | 'wrong_word' | 'blocked' | 'refused_blocked';

/** Counts nothing: for services built without metrics (unit tests, the CLIs). */
export const noMeter: Meter = {
  login: () => undefined,
  accountBlocked: () => undefined,
  smsCode: () => undefined,
  mail: () => undefined,
  expiryReminder: () => undefined,
};
