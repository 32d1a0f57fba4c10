import { translate, type MessageKey } from '../language/messages';
import type { Locale } from '../language/locale';
import type { Revocation } from './certificates';
import { daysLeftText, formatDate } from '../language/dates';
import { maskEmail, maskPhone } from './identity';
import type { SmsSender } from './sms';

export type OutgoingMail = { to: string; subject: string; text: string };

/** Sends one e-mail; SMTP in production, the outbox folder on the embedded default. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export type MailRecipient = { email: string; firstName: string; lastName: string };

/** The e-mails the assistant sends, written from the message catalogs in the citizen's language. */
export class Notifications {
  constructor(private readonly mailer: Mailer) {}

  resetLink(to: MailRecipient, link: string, locale: Locale): Promise<void> {
    return this.mail(to, locale, 'mail.resetLink.subject', 'mail.resetLink.body', { link });
  }

  securityWordChanged(to: MailRecipient, locale: Locale): Promise<void> {
    return this.mail(to, locale, 'mail.wordChanged.subject', 'mail.wordChanged.body', {});
  }

  accountBlocked(to: MailRecipient, locale: Locale): Promise<void> {
    return this.mail(to, locale, 'mail.blocked.subject', 'mail.blocked.body', {});
  }

  /** A call-center agent lifted the block: the citizen learns it, and whom to call if they did not ask. */
  accountUnblocked(to: MailRecipient, locale: Locale): Promise<void> {
    return this.mail(to, locale, 'mail.unblocked.subject', 'mail.unblocked.body', {});
  }

  /** The reason as the citizen chose it, with the words they typed for "Diğer". */
  certificateRevoked(to: MailRecipient, serial: string, revocation: Revocation, locale: Locale): Promise<void> {
    const label = translate(locale, `revoke.reason.${revocation.reason}`);
    const reason = revocation.note ? translate(locale, 'mail.revoked.reasonWithNote', { reason: label, note: revocation.note }) : label;
    return this.mail(to, locale, 'mail.revoked.subject', 'mail.revoked.body', { serial, reason });
  }

  /** Sent to the new address: the link that confirms it. */
  emailChangeLink(to: MailRecipient, link: string, locale: Locale): Promise<void> {
    return this.mail(to, locale, 'mail.emailLink.subject', 'mail.emailLink.body', { link });
  }

  /** Sent to the old address once the new one is confirmed. */
  emailChanged(to: MailRecipient, newEmail: string, locale: Locale): Promise<void> {
    return this.mail(to, locale, 'mail.emailChanged.subject', 'mail.emailChanged.body', { email: maskEmail(newEmail) });
  }

  /**
   * An expiry reminder: the serial, the last day as the certificate writes it (01.01.2028; in
   * English also in words), the days left, what renewal means, and the chat that explains it.
   */
  certificateExpiring(
    to: MailRecipient,
    expiry: { serial: string; notAfter: string; daysLeft: number; link: string },
    locale: Locale,
  ): Promise<void> {
    const { serial, notAfter, daysLeft, link } = expiry;
    const when = daysLeftText(locale, daysLeft, { today: 'mail.expiry.today', oneDay: 'mail.expiry.tomorrow', days: 'mail.expiry.inDays' });
    const name = `${to.firstName} ${to.lastName}`;
    const remaining = daysLeftText(locale, daysLeft, {
      today: 'mail.expiry.left.today',
      oneDay: 'mail.expiry.left.oneDay',
      days: 'mail.expiry.left.days',
    });
    const params = { name, serial, date: formatDate('tr', notAfter), dateInWords: formatDate('en', notAfter), remaining, link };
    return this.mailer.send({
      to: to.email,
      subject: translate(locale, 'mail.expiry.subject', { when }),
      text: translate(locale, 'mail.expiry.body', params),
    });
  }

  private mail(to: MailRecipient, locale: Locale, subject: MessageKey, body: MessageKey, params: Record<string, string>): Promise<void> {
    const name = `${to.firstName} ${to.lastName}`;
    return this.mailer.send({
      to: to.email,
      subject: translate(locale, subject),
      text: translate(locale, body, { name, ...params }),
    });
  }
}

/**
 * The text messages the assistant sends besides one-time codes. A notice that cannot be sent is
 * reported, never thrown: what it tells of has already happened.
 */
export class TextNotifications {
  constructor(
    private readonly sms: SmsSender,
    private readonly onSendFailure: (error: unknown, maskedPhone: string) => void,
  ) {}

  /** Sent to the old number once the new one is confirmed. */
  async phoneChanged(to: string, newPhone: string, locale: Locale): Promise<void> {
    try {
      await this.sms.send(to, translate(locale, 'sms.phoneChanged', { phone: maskPhone(newPhone) }));
    } catch (error) {
      this.onSendFailure(error, maskPhone(to));
    }
  }
}
