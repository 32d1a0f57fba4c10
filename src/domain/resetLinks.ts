import type { AuditLog, AuditSubjects } from './audit';
import type { BackgroundTasks } from '../lib/background';
import type { Clock } from '../lib/clock';
import type { NationalId } from './identity';
import type { MailRecipient, Notifications } from './notifications';
import type { RandomSource } from '../lib/random';
import { securityWordPolicyFailures, type PolicyRule, type SecurityWordHasher } from './securityWords';
import { SingleUseLinks, type LinkCheck, type LinkLifecycle, type LinkState, type LinkStore } from './singleUseLinks';
import type { Transactions } from '../lib/transactions';
import type { Locale } from '../language/locale';

/**
 * Where a reset was asked for, so the conversation can be told when the word has changed, and
 * who asked: the citizen, or a call-center agent (`agent:<id>`) for them.
 */
export type RequestOrigin = { channel: string; locale: Locale; conversation?: unknown; actor?: string };

/** What became of a request: a link mailed, none because of the daily limit, or no such citizen. */
export type IssueResult = 'sent' | 'limited' | 'unknown';

/** `blocked`: the account is blocked; a new word does not lift a block, only an agent does. */
export type ResetCitizen = MailRecipient & { id: string; nationalId: string; securityWordHash: string | null; blocked: boolean };

/** What a reset link keeps besides its token: the conversation to tell when the word is set. */
export type ResetLinkFields = { locale: Locale; conversation: unknown };

export type StoredResetLink = LinkLifecycle & ResetLinkFields & { citizen: ResetCitizen };

export interface ResetLinkRepository extends LinkStore<StoredResetLink, ResetLinkFields> {
  findCitizen(id: NationalId): Promise<ResetCitizen | undefined>;
  /**
   * In one transaction: marks the link used if it still is live at `now`, stores the new hash,
   * clears the failed-attempt counter (not the block). False when the link
   * was no longer live (a parallel submit won).
   */
  complete(linkId: string, citizenId: string, securityWordHash: string, now: Date): Promise<boolean>;
  /**
   * Counts one refused submission of a live link and voids it (marks it used) at `limit`. The
   * count so far, or undefined when the link was no longer live.
   */
  recordRefusal(linkId: string, limit: number, now: Date): Promise<number | undefined>;
}

/** Refused submissions a link's page takes before the link is void (issue 18: no guessing on it). */
export const REFUSALS_PER_LINK = 5;
/** The refusals that compared the entry with stored or secret data: only these count toward REFUSALS_PER_LINK. */
const ORACLE_RULES: ReadonlySet<PolicyRule> = new Set<PolicyRule>(['common', 'same-as-current']);

/** `stillBlocked`: the word changed, but the account stays blocked until the call center lifts it. */
export type CompleteOutcome =
  | { result: 'changed'; stillBlocked: boolean }
  | { result: 'refused'; rules: PolicyRule[] }
  | { result: 'voided' }
  | { result: 'link'; state: Exclude<LinkState, 'valid'> };

export type SecurityWordChanged = { citizenId: string; locale: Locale; conversation: unknown; stillBlocked: boolean };

/** What a ResetLinkService is built from. */
export type ResetLinkServiceOptions = {
  repository: ResetLinkRepository;
  hasher: SecurityWordHasher;
  notifications: Notifications;
  audit: AuditLog;
  subjects: AuditSubjects;
  background: BackgroundTasks;
  clock: Clock;
  random: RandomSource;
  linkFor: (token: string, locale: Locale) => string;
  onChanged: (event: SecurityWordChanged) => Promise<void>;
  transactions: Transactions;
};

/**
 * Güvenlik Sözcüğümü Unuttum: a single-use link by e-mail, then the new word on our own page.
 * The requester learns nothing: the same answer, at the same speed, whether or not the ID is known.
 */
export class ResetLinkService {
  private readonly links: SingleUseLinks<StoredResetLink, ResetLinkFields>;

  private readonly repository: ResetLinkRepository;
  private readonly hasher: SecurityWordHasher;
  private readonly notifications: Notifications;
  private readonly audit: AuditLog;
  private readonly subjects: AuditSubjects;
  private readonly background: BackgroundTasks;
  private readonly clock: Clock;
  private readonly linkFor: (token: string, locale: Locale) => string;
  private readonly onChanged: (event: SecurityWordChanged) => Promise<void>;
  private readonly transactions: Transactions;

  constructor(options: ResetLinkServiceOptions) {
    this.repository = options.repository;
    this.hasher = options.hasher;
    this.notifications = options.notifications;
    this.audit = options.audit;
    this.subjects = options.subjects;
    this.background = options.background;
    this.clock = options.clock;
    this.linkFor = options.linkFor;
    this.onChanged = options.onChanged;
    this.transactions = options.transactions;
    this.links = new SingleUseLinks(options.repository, options.clock, options.random);
  }

  /**
   * Accepts the request and returns at once; the lookup and the mail happen in the background, and
   * only after `after` (the end of the asking turn), so a known ID's reply is not one bit slower.
   */
  request(id: NationalId, origin: RequestOrigin, after?: PromiseLike<unknown>): void {
    this.background.run(
      'reset-link',
      async () => {
        await this.issue(id, origin);
      },
      after,
    );
  }

  /** Looks the ID up and, when it is known and under the daily limit, mails a new link. */
  async issue(id: NationalId, origin: RequestOrigin): Promise<IssueResult> {
    const citizen = await this.repository.findCitizen(id);
    if (!citizen) return 'unknown';
    // The link, its audit row and its queued mail are written together or not at all.
    return this.transactions.atomically(async () => {
      const token = await this.links.issue(citizen.id, { locale: origin.locale, conversation: origin.conversation ?? null });
      await this.audit.record({
        actor: origin.actor ?? 'citizen',
        action: token ? 'reset-link.sent' : 'reset-link.limited',
        subject: this.subjects.of(citizen.nationalId),
        channel: origin.channel,
      });
      if (token) await this.notifications.resetLink(citizen, this.linkFor(token, origin.locale), origin.locale);
      return token ? 'sent' : 'limited';
    });
  }

  check(token: string): Promise<LinkCheck<StoredResetLink>> {
    return this.links.check(token);
  }

  async complete(token: string, word: string, repeat: string): Promise<CompleteOutcome> {
    const check = await this.check(token);
    if (check.state !== 'valid') return { result: 'link', state: check.state };
    const { link } = check;
    const rules = securityWordPolicyFailures(word, repeat, link.citizen.nationalId);
    if (rules.length === 0 && link.citizen.securityWordHash && (await this.hasher.verify(link.citizen.securityWordHash, word))) {
      rules.push('same-as-current');
    }
    // Only refusals that compared the entry with stored or secret data (the blocklist, the current
    // word) count toward voiding the link: those are the oracle. Rules of the typed text alone
    // (too short, entries that differ) cost nothing, so a citizen getting them wrong keeps the link.
    if (rules.length > 0 && !rules.some((rule) => ORACLE_RULES.has(rule))) return { result: 'refused', rules };
    if (rules.length > 0) {
      const refusals = await this.repository.recordRefusal(link.id, REFUSALS_PER_LINK, this.clock.now());
      if (refusals === undefined) return { result: 'link', state: 'used' };
      return refusals >= REFUSALS_PER_LINK ? { result: 'voided' } : { result: 'refused', rules };
    }

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
    // A blocked citizen is not told "you can log in now": the page and the chat give the call center instead.
    const stillBlocked = link.citizen.blocked;
    if (link.conversation) {
      const event = { citizenId: link.citizen.id, locale: link.locale, conversation: link.conversation, stillBlocked };
      this.background.run('word-changed-conversation', () => this.onChanged(event));
    }
    return { result: 'changed', stillBlocked };
  }
}
