import { z } from 'zod';
import type { Actor, AuditLog, AuditSubjects } from './audit';
import type { BackgroundTasks } from '../lib/background';
import type { Clock } from '../lib/clock';
import { maskEmail } from './identity';
import type { MailRecipient, Notifications } from './notifications';
import type { RandomSource } from '../lib/random';
import { SingleUseLinks, type LinkCheck, type LinkLifecycle, type LinkState, type LinkStore } from './singleUseLinks';
import type { Transactions } from '../lib/transactions';
import type { Locale } from '../language/locale';

const MAX_EMAIL_LENGTH = 254;
const emailSchema = z.email();

export type EmailCheck = { ok: true; email: string } | { ok: false };

/** An e-mail address as typed: trimmed, checked, its domain in lower case. */
export function parseEmail(text: string): EmailCheck {
  const email = text.trim();
  if (email.length > MAX_EMAIL_LENGTH || !emailSchema.safeParse(email).success) return { ok: false };
  const at = email.lastIndexOf('@');
  return { ok: true, email: email.slice(0, at) + email.slice(at).toLowerCase() };
}

export type EmailCitizen = MailRecipient & { id: string; nationalId: string };

/**
 * What an e-mail link keeps besides its token: the address it confirms, and the conversation to
 * tell once it is confirmed (a conversation reference; null when there is none to tell).
 */
export type EmailLinkFields = { newEmail: string; locale: Locale; conversation: unknown };

export type StoredEmailLink = LinkLifecycle & EmailLinkFields & { citizen: EmailCitizen };

export interface EmailChangeRepository extends LinkStore<StoredEmailLink, EmailLinkFields> {
  citizenOf(citizenId: string): Promise<EmailCitizen | undefined>;
  /**
   * In one transaction: marks the link used if it is still live at `now` and sets the new address.
   * False when the link was no longer live (a parallel submit won).
   */
  complete(linkId: string, citizenId: string, email: string, now: Date): Promise<boolean>;
}

export type EmailRequestOutcome = { result: 'sent' } | { result: 'limited' } | { result: 'same' };

export type EmailConfirmOutcome = { result: 'changed' } | { result: 'link'; state: Exclude<LinkState, 'valid'> };

/** A confirmed change, for the conversation it was asked from: the new address masked as the old one's notice has it. */
export type EmailChanged = { citizenId: string; locale: Locale; conversation: unknown; maskedEmail: string };

/** What an EmailChangeService is built from. */
export type EmailChangeServiceOptions = {
  repository: EmailChangeRepository;
  notifications: Notifications;
  audit: AuditLog;
  subjects: AuditSubjects;
  transactions: Transactions;
  clock: Clock;
  random: RandomSource;
  linkFor: (token: string, locale: Locale) => string;
  /** Runs the conversation's message off the page's request: a conversation that is gone does not fail the page. */
  background: BackgroundTasks;
  /** Tells the conversation the change was asked from that it is done. */
  onChanged: (event: EmailChanged) => Promise<void>;
};

/**
 * Bilgi Güncelle, the e-mail address: a new address is changed only once the link mailed to it is
 * opened and confirmed on our own page (the rules of the reset links); then the old address is told.
 */
export class EmailChangeService {
  private readonly links: SingleUseLinks<StoredEmailLink, EmailLinkFields>;

  private readonly repository: EmailChangeRepository;
  private readonly notifications: Notifications;
  private readonly audit: AuditLog;
  private readonly subjects: AuditSubjects;
  private readonly transactions: Transactions;
  private readonly clock: Clock;
  private readonly linkFor: (token: string, locale: Locale) => string;
  private readonly background: BackgroundTasks;
  private readonly onChanged: (event: EmailChanged) => Promise<void>;

  constructor(options: EmailChangeServiceOptions) {
    this.repository = options.repository;
    this.notifications = options.notifications;
    this.audit = options.audit;
    this.subjects = options.subjects;
    this.transactions = options.transactions;
    this.clock = options.clock;
    this.linkFor = options.linkFor;
    this.background = options.background;
    this.onChanged = options.onChanged;
    this.links = new SingleUseLinks(options.repository, options.clock, options.random);
  }

  /**
   * Mails a confirmation link to the new address, within the daily limit of links. `conversation`:
   * the reference of the conversation to tell once the link is confirmed.
   */
  async request(citizenId: string, newEmail: string, locale: Locale, actor: Actor, conversation?: unknown): Promise<EmailRequestOutcome> {
    const citizen = await this.repository.citizenOf(citizenId);
    if (!citizen) throw new Error('the logged-in citizen no longer exists');
    if (citizen.email.toLowerCase() === newEmail.toLowerCase()) return { result: 'same' };
    // The link, its audit row and its queued mail are written together or not at all.
    return this.transactions.atomically(async () => {
      const token = await this.links.issue(citizenId, { newEmail, locale, conversation: conversation ?? null });
      const action = token ? 'contact.email-link-sent' : 'contact.email-link-limited';
      await this.audit.record({ actor: 'citizen', action, ...actor, details: { to: maskEmail(newEmail) } });
      if (!token) return { result: 'limited' };
      await this.notifications.emailChangeLink({ ...citizen, email: newEmail }, this.linkFor(token, locale), locale);
      return { result: 'sent' };
    });
  }

  check(token: string): Promise<LinkCheck<StoredEmailLink>> {
    return this.links.check(token);
  }

  /** The page's confirm button: the address changes, and the old one is told; so is the conversation it was asked from. */
  async confirm(token: string): Promise<EmailConfirmOutcome> {
    const check = await this.check(token);
    if (check.state !== 'valid') return { result: 'link', state: check.state };
    const { citizen, newEmail, locale, id, conversation } = check.link;
    const changed = await this.transactions.atomically(async () => {
      if (!(await this.repository.complete(id, citizen.id, newEmail, this.clock.now()))) return false;
      const subject = this.subjects.of(citizen.nationalId);
      const details = { from: maskEmail(citizen.email), to: maskEmail(newEmail) };
      await this.audit.record({ actor: 'citizen', action: 'contact.email-changed', subject, channel: 'web', details });
      await this.notifications.emailChanged(citizen, newEmail, locale);
      return true;
    });
    if (!changed) return { result: 'link', state: 'used' };
    if (conversation) {
      const event = { citizenId: citizen.id, locale, conversation, maskedEmail: maskEmail(newEmail) };
      this.background.run('email-changed-conversation', () => this.onChanged(event));
    }
    return { result: 'changed' };
  }
}
