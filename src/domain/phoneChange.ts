import type { Actor, AuditLog } from './audit';
import type { Clock } from '../lib/clock';
import { maskPhone } from './identity';
import type { KeyValueStore } from '../lib/keyValueStore';
import type { TextNotifications } from './notifications';
import type { OneTimeCodes, SendOutcome, VerifyOutcome } from './oneTimeCodes';
import { SESSION_ABSOLUTE_MS } from './sessions';
import type { Transactions } from '../lib/transactions';
import type { Locale } from '../language/locale';

export type PhoneRejection = 'format' | 'length' | 'not-mobile' | 'foreign';

export type PhoneCheck = { ok: true; phone: string } | { ok: false; reason: PhoneRejection };

/**
 * Reads a Turkish mobile number the ways citizens type it ("0532 123 45 67", "532-123-4567",
 * "+90 532 123 45 67") as +905XXXXXXXXX. Anything else gets the reason: not a number, the wrong
 * number of digits, a landline, or another country.
 */
export function parseMobilePhone(text: string): PhoneCheck {
  const compact = text.replace(/[\s\-–.()/]/g, '');
  if (!/^\+?\d+$/.test(compact)) return { ok: false, reason: 'format' };
  const international = compact.startsWith('+') ? compact.slice(1) : compact.startsWith('00') ? compact.slice(2) : undefined;
  if (international !== undefined && !international.startsWith('90')) return { ok: false, reason: 'foreign' };
  const withoutCountry =
    international !== undefined ? international.slice(2) : compact.length === 12 && compact.startsWith('90') ? compact.slice(2) : compact;
  // The trunk 0 ("0532 …", also "+90 (0532) …") is not part of the number.
  const national = withoutCountry.startsWith('0') ? withoutCountry.slice(1) : withoutCountry;
  if (national.length !== 10) return { ok: false, reason: 'length' };
  if (!national.startsWith('5')) return { ok: false, reason: 'not-mobile' };
  return { ok: true, phone: `+90${national}` };
}

/** A number read by parseMobilePhone, written the way it is read out: "+90 532 123 45 67". */
export function formatMobilePhone(phone: string): string {
  const national = phone.slice(3);
  return `+90 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6, 8)} ${national.slice(8)}`;
}

export interface PhoneRepository {
  phoneOf(citizenId: string): Promise<string | undefined>;
  /** Sets the citizen's phone; returns the one it replaced, or undefined for an unknown citizen. */
  changePhone(citizenId: string, phone: string, now: Date): Promise<string | undefined>;
}

export type PhoneCodeOutcome = SendOutcome | { result: 'same' };

type PendingPhone = { phone: string };

/** What a PhoneChangeService is built from. */
export type PhoneChangeServiceOptions = {
  repository: PhoneRepository;
  codes: OneTimeCodes;
  store: KeyValueStore;
  texts: TextNotifications;
  audit: AuditLog;
  transactions: Transactions;
  clock: Clock;
};

/**
 * Bilgi Güncelle, the phone: a new number is changed only after the code sent to it comes back,
 * with the rules of the SMS Onay code (6 digits, 300 s, 3 wrong, a new one after 60 s, at most 3
 * per login); then the old number is told by SMS.
 */
export class PhoneChangeService {
  private readonly repository: PhoneRepository;
  private readonly codes: OneTimeCodes;
  private readonly store: KeyValueStore;
  private readonly texts: TextNotifications;
  private readonly audit: AuditLog;
  private readonly transactions: Transactions;
  private readonly clock: Clock;

  constructor(options: PhoneChangeServiceOptions) {
    this.repository = options.repository;
    this.codes = options.codes;
    this.store = options.store;
    this.texts = options.texts;
    this.audit = options.audit;
    this.transactions = options.transactions;
    this.clock = options.clock;
  }

  /** Sends a code to the new number, which awaits confirmation only once a code has gone to it. */
  async sendCode(
    sessionId: string,
    citizenId: string,
    phone: string,
    message: (code: string) => string,
    actor: Actor,
  ): Promise<PhoneCodeOutcome> {
    if ((await this.repository.phoneOf(citizenId)) === phone) return { result: 'same' };
    const outcome = await this.codes.send(this.flow(sessionId), phone, message, actor, 'new-number');
    if (outcome.result === 'sent') await this.store.set(this.pendingKey(sessionId), { phone } satisfies PendingPhone, SESSION_ABSOLUTE_MS);
    return outcome;
  }

  /** Another code to the number awaiting confirmation ("yeni kod"). */
  async resendCode(sessionId: string, message: (code: string) => string, actor: Actor): Promise<SendOutcome> {
    const pending = await this.store.get<PendingPhone>(this.pendingKey(sessionId));
    if (!pending) return { result: 'failed' };
    return this.codes.send(this.flow(sessionId), pending.phone, message, actor, 'new-number');
  }

  secondsLeft(sessionId: string): Promise<number | undefined> {
    return this.codes.secondsLeft(this.flow(sessionId));
  }

  canSendAnother(sessionId: string): Promise<boolean> {
    return this.codes.canSendAnother(this.flow(sessionId));
  }

  /** Checks the code sent to the new number; when it is right, the number is changed and the old one told. */
  async confirm(sessionId: string, citizenId: string, code: string, actor: Actor, locale: Locale): Promise<VerifyOutcome> {
    const pending = await this.store.get<PendingPhone>(this.pendingKey(sessionId));
    if (!pending) return { result: 'dead' };
    const outcome = await this.codes.verify(this.flow(sessionId), code);
    if (outcome.result !== 'passed') return outcome;
    await this.store.delete(this.pendingKey(sessionId));
    const oldPhone = await this.transactions.atomically(async () => {
      const replaced = await this.repository.changePhone(citizenId, pending.phone, this.clock.now());
      if (replaced === undefined) return undefined;
      await this.audit.record({
        actor: 'citizen',
        action: 'contact.phone-changed',
        ...actor,
        details: { from: maskPhone(replaced), to: maskPhone(pending.phone) },
      });
      return replaced;
    });
    if (oldPhone) await this.texts.phoneChanged(oldPhone, pending.phone, locale);
    return outcome;
  }

  /** The codes of a phone change are a flow of their own, apart from the login's SMS Onay. */
  private flow(sessionId: string): string {
    return `phone-change:${sessionId}`;
  }

  private pendingKey(sessionId: string): string {
    return `phone-change-pending:${sessionId}`;
  }
}
