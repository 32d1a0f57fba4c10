import { translate, type MessageKey } from '../language/messages';
import type { Locale } from '../language/recognize';

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

  private mail(
    to: MailRecipient,
    locale: Locale,
    subject: MessageKey,
    body: MessageKey,
    params: Record<string, string>,
  ): Promise<void> {
    const name = `${to.firstName} ${to.lastName}`;
    return this.mailer.send({
      to: to.email,
      subject: translate(locale, subject),
      text: translate(locale, body, { name, ...params }),
    });
  }
}
