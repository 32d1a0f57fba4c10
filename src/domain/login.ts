import type { AuditLog, AuditSubjects } from './audit';
import type { NationalId } from './identity';
import { noMeter, type Meter } from '../lib/meter';
import type { MailRecipient, Notifications } from './notifications';
import { SECURITY_WORD_MAX_LENGTH, type SecurityWordHasher } from './securityWords';
import type { Transactions } from '../lib/transactions';
import type { Locale } from '../language/locale';

export const MAX_FAILED_LOGINS = 3;

export type LoginCitizen = MailRecipient & { id: string; nationalId: string; phone: string };

/** A reserved try: the counter was raised before the word is checked, so parallel tries can't exceed the limit. */
export type ReservedAttempt =
  | { kind: 'known'; citizen: LoginCitizen; securityWordHash: string | null; attempt: number }
  | { kind: 'unknown'; subjectHash: string; attempt: number };

export interface LoginRepository {
  /**
   * One conditional UPDATE: raises the failed-attempt counter of an unblocked account below the
   * limit and returns it, or undefined when the account (known or not) is blocked.
   */
  reserveAttempt(id: NationalId, unknownSubjectHash: string, limit: number, now: Date): Promise<ReservedAttempt | undefined>;
  /** The word was right: the counter goes back to zero. False when the account was blocked meanwhile. */
  succeeded(citizenId: string): Promise<boolean>;
  /** The try that reached the limit blocks the account; true only for the call that blocked it. */
  blockIfLimitReached(attempt: ReservedAttempt, limit: number, now: Date): Promise<boolean>;
  /**
   * Counts a failed try once more, after a right word elsewhere reset the counter while it was
   * checked; the new count, or undefined when the account is blocked or at the limit.
   */
  countAgain(attempt: ReservedAttempt, limit: number, now: Date): Promise<number | undefined>;
  isBlocked(attempt: ReservedAttempt): Promise<boolean>;
}

/**
 * `blocked`: this try blocked the ID (or found it blocked by a parallel one). `refused`: the ID was
 * already blocked, or its every try was still being checked, so the word was not checked at all;
 * the dialog answers it as a login's try like any other (see LoginDialog), so that a blocked ID
 * cannot be told from an unknown one.
 */
export type LoginOutcome =
  { result: 'success'; citizen: LoginCitizen } | { result: 'wrong'; triesLeft: number } | { result: 'blocked' } | { result: 'refused' };

type Subject = ReturnType<AuditSubjects['of']>;

/** A stand-in hash, verified for unknown IDs so they take as long as known ones. */
const DUMMY_HASH_WORD = 'e-imza-yardimcisi-no-such-citizen';

/** What a LoginService is built from. */
export type LoginServiceOptions = {
  repository: LoginRepository;
  hasher: SecurityWordHasher;
  notifications: Notifications;
  audit: AuditLog;
  subjects: AuditSubjects;
  clock: { now(): Date };
  transactions: Transactions;
  meter?: Meter;
};

/**
 * Şifreli Giriş: the security word with the lockout of SPEC §1.5. Three wrong words in a row block
 * the account until an agent lifts it; an unknown ID is answered exactly like a known one.
 */
export class LoginService {
  private dummyHash?: Promise<string>;

  private readonly repository: LoginRepository;
  private readonly hasher: SecurityWordHasher;
  private readonly notifications: Notifications;
  private readonly audit: AuditLog;
  private readonly subjects: AuditSubjects;
  private readonly clock: { now(): Date };
  private readonly transactions: Transactions;
  private readonly meter: Meter;

  constructor(options: LoginServiceOptions) {
    this.repository = options.repository;
    this.hasher = options.hasher;
    this.notifications = options.notifications;
    this.audit = options.audit;
    this.subjects = options.subjects;
    this.clock = options.clock;
    this.transactions = options.transactions;
    this.meter = options.meter ?? noMeter;
  }

  async logIn(id: NationalId, word: string, origin: { channel: string; locale: Locale }): Promise<LoginOutcome> {
    const subject = this.subjects.of(id.value);
    const attempt = await this.repository.reserveAttempt(id, subject.hash, MAX_FAILED_LOGINS, this.clock.now());
    if (!attempt) return this.refuse(word, subject, origin.channel);

    const right = await this.check(attempt, word);
    if (right && attempt.kind === 'known') {
      // Blocked by parallel tries while this one was checked: a blocked account never gets in.
      if (!(await this.repository.succeeded(attempt.citizen.id))) return this.refuse(undefined, subject, origin.channel);
      await this.audit.record({ actor: 'citizen', action: 'login.success', subject, channel: origin.channel });
      this.meter.login('success');
      return { result: 'success', citizen: attempt.citizen };
    }

    await this.audit.record({
      actor: 'citizen',
      action: 'login.failure',
      subject,
      channel: origin.channel,
      details: { attempt: attempt.attempt },
    });
    let count = attempt.attempt;
    for (let round = 0; round < MAX_FAILED_LOGINS; round++) {
      if (count < MAX_FAILED_LOGINS) {
        this.meter.login('wrong_word');
        return { result: 'wrong', triesLeft: MAX_FAILED_LOGINS - count };
      }
      if (await this.block(attempt, subject, origin)) {
        this.meter.login('blocked');
        this.meter.accountBlocked();
        return { result: 'blocked' };
      }
      // Not blocked by this try: a parallel one did, or a right word reset the counter while this
      // one was checked, and then this failure counts again, after that success.
      const again = await this.repository.countAgain(attempt, MAX_FAILED_LOGINS, this.clock.now());
      if (again === undefined) break;
      count = again;
    }
    if (await this.repository.isBlocked(attempt)) {
      this.meter.login('blocked');
      return { result: 'blocked' };
    }
    return this.refuse(undefined, subject, origin.channel);
  }

  /** The block, its audit row and the e-mail telling the citizen, written together; true when this call blocked. */
  private block(attempt: ReservedAttempt, subject: Subject, origin: { channel: string; locale: Locale }): Promise<boolean> {
    return this.transactions.atomically(async () => {
      if (!(await this.repository.blockIfLimitReached(attempt, MAX_FAILED_LOGINS, this.clock.now()))) return false;
      await this.audit.record({ actor: 'system', action: 'account.blocked', subject, channel: origin.channel });
      if (attempt.kind === 'known') await this.notifications.accountBlocked(attempt.citizen, origin.locale);
      return true;
    });
  }

  /**
   * A try the lockout refuses without checking the word. It costs one stand-in hash, as a checked
   * word does, so a blocked ID answers in the time an unknown one does.
   */
  private async refuse(word: string | undefined, subject: Subject, channel: string): Promise<LoginOutcome> {
    if (word !== undefined) await this.hasher.verify(await this.standInHash(), word.slice(0, SECURITY_WORD_MAX_LENGTH));
    await this.audit.record({ actor: 'citizen', action: 'login.refused-blocked', subject, channel });
    this.meter.login('refused_blocked');
    return { result: 'refused' };
  }

  /** Verifies the word; a word no policy allows (too long) and unknown IDs cost one stand-in hash. */
  private async check(attempt: ReservedAttempt, word: string): Promise<boolean> {
    const storedHash = attempt.kind === 'known' ? attempt.securityWordHash : null;
    if (word.length > SECURITY_WORD_MAX_LENGTH || !storedHash) {
      await this.hasher.verify(await this.standInHash(), word.slice(0, SECURITY_WORD_MAX_LENGTH));
      return false;
    }
    return this.hasher.verify(storedHash, word);
  }

  private standInHash(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(DUMMY_HASH_WORD);
    return this.dummyHash;
  }
}
