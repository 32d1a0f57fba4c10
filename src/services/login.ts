import type { AuditLog, AuditSubjects } from './audit';
import type { NationalId } from './identity';
import { noMeter, type Meter } from './meter';
import type { MailRecipient, Notifications } from './notifications';
import { SECURITY_WORD_MAX_LENGTH, type SecurityWordHasher } from './securityWords';
import type { Transactions } from './transactions';
import type { Locale } from '../language/recognize';

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
  /** The word was right: the counter goes back to zero. */
  succeeded(citizenId: string): Promise<void>;
  /** The try that reached the limit blocks the account; true only for the call that blocked it. */
  blockIfLimitReached(attempt: ReservedAttempt, limit: number, now: Date): Promise<boolean>;
}

export type LoginOutcome =
  | { result: 'success'; citizen: LoginCitizen }
  | { result: 'wrong'; triesLeft: number }
  | { result: 'blocked' };

/** A stand-in hash, verified for unknown IDs so they take as long as known ones. */
const DUMMY_HASH_WORD = 'e-imza-yardimcisi-no-such-citizen';

/**
 * Şifreli Giriş: the security word with the lockout of SPEC §1.5. Three wrong words in a row block
 * the account until an agent lifts it; an unknown ID is answered exactly like a known one.
 */
export class LoginService {
  private dummyHash?: Promise<string>;

  constructor(
    private readonly repository: LoginRepository,
    private readonly hasher: SecurityWordHasher,
    private readonly notifications: Notifications,
    private readonly audit: AuditLog,
    private readonly subjects: AuditSubjects,
    private readonly clock: { now(): Date },
    private readonly transactions: Transactions,
    private readonly meter: Meter = noMeter,
  ) {}

  async logIn(id: NationalId, word: string, origin: { channel: string; locale: Locale }): Promise<LoginOutcome> {
    const subject = this.subjects.of(id.value);
    const attempt = await this.repository.reserveAttempt(id, subject.hash, MAX_FAILED_LOGINS, this.clock.now());
    if (!attempt) {
      await this.audit.record({ actor: 'citizen', action: 'login.refused-blocked', subject, channel: origin.channel });
      this.meter.login('refused_blocked');
      return { result: 'blocked' };
    }

    const right = await this.check(attempt, word);
    if (right && attempt.kind === 'known') {
      await this.repository.succeeded(attempt.citizen.id);
      await this.audit.record({ actor: 'citizen', action: 'login.success', subject, channel: origin.channel });
      this.meter.login('success');
      return { result: 'success', citizen: attempt.citizen };
    }

    await this.audit.record({ actor: 'citizen', action: 'login.failure', subject, channel: origin.channel, details: { attempt: attempt.attempt } });
    if (attempt.attempt < MAX_FAILED_LOGINS) {
      this.meter.login('wrong_word');
      return { result: 'wrong', triesLeft: MAX_FAILED_LOGINS - attempt.attempt };
    }

    // The block, its audit row and the e-mail telling the citizen are written together.
    const blocked = await this.transactions.atomically(async () => {
      if (!(await this.repository.blockIfLimitReached(attempt, MAX_FAILED_LOGINS, this.clock.now()))) return false;
      await this.audit.record({ actor: 'system', action: 'account.blocked', subject, channel: origin.channel });
      if (attempt.kind === 'known') await this.notifications.accountBlocked(attempt.citizen, origin.locale);
      return true;
    });
    this.meter.login('blocked');
    if (blocked) this.meter.accountBlocked();
    return { result: 'blocked' };
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
