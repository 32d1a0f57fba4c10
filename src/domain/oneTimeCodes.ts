import type { Actor, AuditLog } from './audit';
import type { Clock } from '../lib/clock';
import { maskPhone } from './identity';
import type { KeyValueStore } from '../lib/keyValueStore';
import { noMeter, type Meter } from '../lib/meter';
import type { RandomSource } from '../lib/random';
import { constantTimeEqual, keyedHash, type SecretKey } from '../lib/secrets';
import type { SmsSender } from './sms';

export const CODE_DIGITS = 6;
export const CODE_TTL_MS = 300_000;
export const CODE_RESEND_AFTER_MS = 60_000;
export const CODES_PER_FLOW = 3;
export const WRONG_CODES_ALLOWED = 3;
/** Codes one phone number may be sent in a day, across logins and conversations (issue 18: no SMS flood). */
export const CODES_PER_PHONE_PER_DAY = 10;
/** A flow's record outlives its codes so the per-login limits hold for the whole login. */
const FLOW_TTL_MS = 15 * 60_000;

/** Codes sent per phone number and day (UTC), counted where every instance sees the same count. */
export interface PhoneCodeCounts {
  /** Adds one to the number's count for `day` (YYYY-MM-DD) and returns the new count. */
  increment(phoneHash: string, day: string): Promise<number>;
  /** Takes back one counted for `day`: its code was never sent. */
  release(phoneHash: string, day: string): Promise<void>;
}

/**
 * What a code is for: a login, or checking a number a logged-in citizen typed as their new phone.
 * Each has its own daily count, so codes sent to a victim's number as someone's "new phone" never
 * use up the victim's login codes.
 */
export type CodePurpose = 'login' | 'new-number';

type StoredFlow = { codeHash: string; expiresAt: number; sent: number; lastSentAt: number; dead: boolean };

export type SendOutcome =
  | { result: 'sent'; secondsLeft: number }
  | { result: 'wait'; seconds: number }
  | { result: 'limit' }
  | { result: 'dailyLimit' }
  | { result: 'failed' };

export type VerifyOutcome =
  { result: 'passed' } | { result: 'wrong'; triesLeft: number; secondsLeft: number } | { result: 'dead' } | { result: 'expired' };

/** What the OneTimeCodes are built from. */
export type OneTimeCodesOptions = {
  store: KeyValueStore;
  sms: SmsSender;
  clock: Clock;
  random: RandomSource;
  key: SecretKey;
  audit: AuditLog;
  onSendFailure: (error: unknown, maskedPhone: string) => void;
  perPhone: PhoneCodeCounts;
  meter?: Meter;
};

/**
 * SMS Onay codes (SPEC §1.6): six random digits, kept only as a keyed hash, valid 300 s; three
 * wrong answers kill the code; a new one after 60 s, at most three per flow (one login) and ten a
 * day per phone number.
 */
export class OneTimeCodes {
  private readonly store: KeyValueStore;
  private readonly sms: SmsSender;
  private readonly clock: Clock;
  private readonly random: RandomSource;
  private readonly key: SecretKey;
  private readonly audit: AuditLog;
  private readonly onSendFailure: (error: unknown, maskedPhone: string) => void;
  private readonly perPhone: PhoneCodeCounts;
  private readonly meter: Meter;

  constructor(options: OneTimeCodesOptions) {
    this.store = options.store;
    this.sms = options.sms;
    this.clock = options.clock;
    this.random = options.random;
    this.key = options.key;
    this.audit = options.audit;
    this.onSendFailure = options.onSendFailure;
    this.perPhone = options.perPhone;
    this.meter = options.meter ?? noMeter;
  }

  async send(
    flowId: string,
    phone: string,
    message: (code: string) => string,
    actor: Actor,
    purpose: CodePurpose = 'login',
  ): Promise<SendOutcome> {
    const now = this.clock.now().getTime();
    const flow = await this.store.get<StoredFlow>(this.flowKey(flowId));
    if (flow && flow.sent >= CODES_PER_FLOW) return { result: 'limit' };
    if (flow && now - flow.lastSentAt < CODE_RESEND_AFTER_MS) {
      return { result: 'wait', seconds: Math.ceil((flow.lastSentAt + CODE_RESEND_AFTER_MS - now) / 1000) };
    }
    // Counted before the send, atomically, so parallel logins cannot share the last one.
    const day = this.clock.now().toISOString().slice(0, 10);
    const counted = purpose === 'login' ? this.phoneHash(phone) : `${purpose}:${this.phoneHash(phone)}`;
    if ((await this.perPhone.increment(counted, day)) > CODES_PER_PHONE_PER_DAY) {
      await this.perPhone.release(counted, day);
      await this.audit.record({ actor: 'citizen', action: 'sms-code.daily-limit', ...actor, details: { phone: maskPhone(phone) } });
      return { result: 'dailyLimit' };
    }
    const code = String(this.random.int(10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
    try {
      await this.sms.send(phone, message(code));
    } catch (error) {
      // Only codes actually sent count toward the day's limit.
      await this.perPhone.release(counted, day);
      this.onSendFailure(error, maskPhone(phone));
      this.meter.smsCode('failed');
      await this.audit.record({ actor: 'citizen', action: 'sms-code.failed', ...actor });
      return { result: 'failed' };
    }
    this.meter.smsCode('sent');
    await this.audit.record({ actor: 'citizen', action: 'sms-code.sent', ...actor, details: { phone: maskPhone(phone) } });
    const next: StoredFlow = {
      codeHash: this.hash(flowId, code),
      expiresAt: now + CODE_TTL_MS,
      sent: (flow?.sent ?? 0) + 1,
      lastSentAt: now,
      dead: false,
    };
    await this.store.set(this.flowKey(flowId), next, FLOW_TTL_MS);
    await this.store.delete(this.wrongKey(flowId));
    return { result: 'sent', secondsLeft: CODE_TTL_MS / 1000 };
  }

  /** Seconds the current code stays valid, or undefined when there is none. */
  async secondsLeft(flowId: string): Promise<number | undefined> {
    const flow = await this.store.get<StoredFlow>(this.flowKey(flowId));
    if (!flow || flow.dead) return undefined;
    return Math.max(0, Math.ceil((flow.expiresAt - this.clock.now().getTime()) / 1000));
  }

  async canSendAnother(flowId: string): Promise<boolean> {
    const flow = await this.store.get<StoredFlow>(this.flowKey(flowId));
    return !flow || flow.sent < CODES_PER_FLOW;
  }

  /** Checks six digits against the current code. */
  async verify(flowId: string, code: string): Promise<VerifyOutcome> {
    const flow = await this.store.get<StoredFlow>(this.flowKey(flowId));
    if (!flow || flow.dead) return { result: 'dead' };
    const now = this.clock.now().getTime();
    if (now >= flow.expiresAt) return { result: 'expired' };
    if (constantTimeEqual(this.hash(flowId, code), flow.codeHash)) {
      await this.store.delete(this.flowKey(flowId));
      await this.store.delete(this.wrongKey(flowId));
      return { result: 'passed' };
    }
    // The wrong-answer counter is an atomic increment, so parallel guesses cannot share one try.
    const wrong = await this.store.increment(this.wrongKey(flowId), FLOW_TTL_MS);
    if (wrong >= WRONG_CODES_ALLOWED) {
      await this.store.set(this.flowKey(flowId), { ...flow, dead: true }, FLOW_TTL_MS);
      return { result: 'dead' };
    }
    return { result: 'wrong', triesLeft: WRONG_CODES_ALLOWED - wrong, secondsLeft: Math.ceil((flow.expiresAt - now) / 1000) };
  }

  async forget(flowId: string): Promise<void> {
    await this.store.delete(this.flowKey(flowId));
    await this.store.delete(this.wrongKey(flowId));
  }

  private hash(flowId: string, code: string): string {
    return keyedHash(this.key, `${flowId}:${code}`);
  }

  private flowKey(flowId: string): string {
    return `one-time-code:${flowId}`;
  }

  /** A number as its daily count knows it: a keyed hash, never the number itself. */
  private phoneHash(phone: string): string {
    return keyedHash(this.key, `phone:${phone}`);
  }

  private wrongKey(flowId: string): string {
    return `one-time-code-wrong:${flowId}`;
  }
}
