import type { AuditLog, AuditSubjects } from './audit';
import type { BackgroundTasks } from './background';
import type { Clock } from './clock';
import type { NationalId } from './identity';
import type { MailRecipient, Notifications } from './notifications';
import type { RandomSource } from './random';
import { sha256 } from './secrets';
import { securityWordPolicyFailures, type PolicyRule, type SecurityWordHasher } from './securityWords';
import type { Transactions } from './transactions';
import type { Locale } from '../language/recognize';

export const RESET_LINK_TTL_MS = 30 * 60_000;
export const RESET_LINKS_PER_DAY = 3;
const DAY_MS = 24 * 60 * 60_000;

/** Where a reset was asked for, so the conversation can be told when the word has changed. */
export type RequestOrigin = { channel: string; locale: Locale; conversation?: unknown };

export type ResetCitizen = MailRecipient & { id: string; nationalId: string; securityWordHash: string | null };

export type StoredResetLink = {
  id: string;
  citizen: ResetCitizen;
  locale: Locale;
  conversation: unknown;
  expiresAt: Date;
  usedAt: Date | null;
  supersededAt: Date | null;
};

export interface ResetLinkRepository {
  findCitizen(id: NationalId): Promise<ResetCitizen | undefined>;
  /**
   * In one transaction: counts the citizen's links created since `since`; when fewer than `limit`,
   * supersedes the live ones and stores the new one. False when the limit was reached.
   */
  issue(link: { citizenId: string; tokenHash: Buffer; locale: Locale; conversation: unknown; createdAt: Date; expiresAt: Date },
    since: Date, limit: number): Promise<boolean>;
  findByTokenHash(tokenHash: Buffer): Promise<StoredResetLink | undefined>;
  /**
   * In one transaction: marks the link used if it still is live at `now`, stores the new hash,
   * clears the failed-attempt counter (not the block). False when the link
   * was no longer live (a parallel submit won).
   */
  complete(linkId: string, citizenId: string, securityWordHash: string, now: Date): Promise<boolean>;
}

export type LinkState = 'valid' | 'expired' | 'used' | 'superseded' | 'unknown';

export type LinkCheck = { state: Exclude<LinkState, 'valid'> } | { state: 'valid'; link: StoredResetLink };

export type CompleteOutcome =
  | { result: 'changed' }
  | { result: 'refused'; rules: PolicyRule[] }
  | { result: 'link'; state: Exclude<LinkState, 'valid'> };

export type SecurityWordChanged = { citizenId: string; locale: Locale; conversation: unknown };

/** A 256-bit token in base64url is always 43 characters of this alphabet. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Güvenlik Sözcüğümü Unuttum: a single-use link by e-mail, then the new word on our own page.
 * The requester learns nothing: the same answer, at the same speed, whether or not the ID is known.
 */
export class ResetLinkService {
  constructor(
    private readonly repository: ResetLinkRepository,
    private readonly hasher: SecurityWordHasher,
    private readonly notifications: Notifications,
    private readonly audit: AuditLog,
    private readonly subjects: AuditSubjects,
    private readonly background: BackgroundTasks,
    private readonly clock: Clock,
    private readonly random: RandomSource,
    private readonly linkFor: (token: string, locale: Locale) => string,
    private readonly onChanged: (event: SecurityWordChanged) => Promise<void>,
    private readonly transactions: Transactions,
  ) {}

  /** Accepts the request and returns at once; the lookup and the mail happen in the background. */
  request(id: NationalId, origin: RequestOrigin): void {
    this.background.run('reset-link', () => this.issue(id, origin));
  }

  /** Looks the ID up and, when it is known and under the daily limit, mails a new link. */
  async issue(id: NationalId, origin: RequestOrigin): Promise<void> {
    const citizen = await this.repository.findCitizen(id);
    if (!citizen) return;
    const token = this.random.bytes(32).toString('base64url');
    const now = this.clock.now();
    // The link, its audit row and its queued mail are written together or not at all.
    await this.transactions.atomically(async () => {
      const issued = await this.repository.issue(
        {
          citizenId: citizen.id,
          tokenHash: sha256(token),
          locale: origin.locale,
          conversation: origin.conversation ?? null,
          createdAt: now,
          expiresAt: new Date(now.getTime() + RESET_LINK_TTL_MS),
        },
        new Date(now.getTime() - DAY_MS),
        RESET_LINKS_PER_DAY,
      );
      await this.audit.record({
        actor: 'citizen',
        action: issued ? 'reset-link.sent' : 'reset-link.limited',
        subject: this.subjects.of(citizen.nationalId),
        channel: origin.channel,
      });
      if (issued) await this.notifications.resetLink(citizen, this.linkFor(token, origin.locale), origin.locale);
    });
  }

  async check(token: string): Promise<LinkCheck> {
    if (!TOKEN_PATTERN.test(token)) return { state: 'unknown' };
    const link = await this.repository.findByTokenHash(sha256(token));
    if (!link) return { state: 'unknown' };
    if (link.usedAt) return { state: 'used' };
    if (link.supersededAt) return { state: 'superseded' };
    if (link.expiresAt.getTime() <= this.clock.now().getTime()) return { state: 'expired' };
    return { state: 'valid', link };
  }

  async complete(token: string, word: string, repeat: string): Promise<CompleteOutcome> {
    const check = await this.check(token);
    if (check.state !== 'valid') return { result: 'link', state: check.state };
    const { link } = check;
    const rules = securityWordPolicyFailures(word, repeat, link.citizen.nationalId);
    if (rules.length === 0 && link.citizen.securityWordHash && (await this.hasher.verify(link.citizen.securityWordHash, word))) {
      rules.push('same-as-current');
    }
    if (rules.length > 0) return { result: 'refused', rules };

    const newHash = await this.hasher.hash(word);
    const completed = await this.transactions.atomically(async () => {
      if (!(await this.repository.complete(link.id, link.citizen.id, newHash, this.clock.now()))) return false;
      await this.audit.record({
        actor: 'citizen',
        action: 'security-word.changed',
        subject: this.subjects.of(link.citizen.nationalId),
        channel: 'web',
      });
      await this.notifications.securityWordChanged(link.citizen, link.locale);
      return true;
    });
    if (!completed) return { result: 'link', state: 'used' };
    if (link.conversation) {
      const event = { citizenId: link.citizen.id, locale: link.locale, conversation: link.conversation };
      this.background.run('word-changed-conversation', () => this.onChanged(event));
    }
    return { result: 'changed' };
  }
}
