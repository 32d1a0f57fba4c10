import type { AuditLog, AuditSubjects } from './audit';
import { addDays, daysUntil, todayInTurkey } from './certificates';
import type { Clock } from '../lib/clock';
import { noMeter, type Meter, type ReminderChannel } from '../lib/meter';
import type { RandomSource } from '../lib/random';
import type { Transactions } from '../lib/transactions';
import type { Locale } from '../language/locale';
import { maskEmail, maskPhone } from './identity';
import type { Notifications } from './notifications';
import type { SmsSender } from './sms';
import { translate } from '../language/messages';
import { daysLeftText, formatDate } from '../language/dates';

/** Days before a certificate's last day when its holder is reminded (EXPIRY_REMINDER_DAYS). */
export const DEFAULT_EXPIRY_REMINDER_DAYS: readonly number[] = [90, 60, 30, 15, 7, 1];

/**
 * The threshold a certificate with `daysLeft` has reached, nearest to its expiry: the smallest
 * threshold not below the days left. None once it has expired, nor while it is further off than
 * every threshold. When a first run (or a new seed) finds a certificate past several thresholds at
 * once, this one alone is reminded of.
 */
export function nearestThreshold(daysLeft: number, thresholds: readonly number[]): number | undefined {
  if (daysLeft < 0) return undefined;
  const reached = thresholds.filter((threshold) => threshold >= daysLeft);
  return reached.length === 0 ? undefined : Math.min(...reached);
}

/**
 * Whether a reminder is due: the nearest threshold reached is nearer than every one reminded of
 * before (thresholds are reached in falling order, so an earlier, larger one never comes again).
 */
export function thresholdDue(daysLeft: number, thresholds: readonly number[], lastReminded: number | null): number | undefined {
  const nearest = nearestThreshold(daysLeft, thresholds);
  if (nearest === undefined) return undefined;
  return lastReminded === null || nearest < lastReminded ? nearest : undefined;
}

/** An active certificate within the largest threshold of its last day, with its holder. */
export type ExpiringCertificate = {
  serial: string;
  /** "YYYY-MM-DD". */
  notAfter: string;
  /** The smallest threshold already reminded of; null when none was. */
  lastReminded: number | null;
  citizen: {
    nationalId: string;
    firstName: string;
    lastName: string;
    /** Empty when none is on record. */
    email: string;
    phone: string;
    /** The language of the citizen's latest confirmed login; Turkish when there was none. */
    locale: Locale;
    /** A conversation the bot can write to unprompted (a Teams chat) is on record. */
    reachableChat: boolean;
  };
};

/** One text or chat message of a reminder, leased for delivery. */
export type LeasedDelivery = {
  serial: string;
  threshold: number;
  channel: 'sms' | 'teams';
  attempts: number;
  lease: string;
  /** The certificate and its holder as they are now; undefined when the certificate is gone. */
  target?: {
    status: string;
    notAfter: string;
    phone: string;
    locale: Locale;
    /** The conversation reference of the citizen's Teams chat, when one is on record. */
    chat: unknown;
  };
};

export type DeliveryEnd = { result: 'sent' } | { result: 'retry'; at: Date; error: string } | { result: 'failed'; error: string };

export interface ExpiryReminderRepository {
  /**
   * Takes the job's lock for the running transaction; false while another instance holds it. The
   * once-only rule does not rest on it (see `record`): it keeps two instances from doing the work twice.
   */
  lockRun(): Promise<boolean>;
  /** Active certificates whose last day is between `from` and `to` ("YYYY-MM-DD"), after `afterSerial`, in serial order. */
  expiring(from: string, to: string, afterSerial: string, limit: number): Promise<ExpiringCertificate[]>;
  /** Records the reminder and its deliveries due at `now`; false when it was recorded already (by a run elsewhere). */
  record(reminder: { serial: string; threshold: number; daysLeft: number; deliveries: ('sms' | 'teams')[] }, now: Date): Promise<boolean>;
  /** Leases deliveries due at `now` to `lease` until `until`. */
  leaseDeliveries(now: Date, lease: string, until: Date, limit: number): Promise<LeasedDelivery[]>;
  /** Ends or postpones a leased delivery; nothing when its lease was lost meanwhile. */
  settle(delivery: LeasedDelivery, end: DeliveryEnd, now: Date): Promise<void>;
}

/** Writes a text to a conversation outside a turn; 'unreachable' when its channel is not served here. */
export interface ChatMessenger {
  tell(conversation: unknown, locale: Locale, text: string): Promise<'sent' | 'unreachable'>;
}

export type ReminderRun = { result: 'busy' } | { result: 'done'; reminded: number; delivered: number; retrying: number; failed: number };

/** Certificates looked at per transaction: a run over many holds no lock for long. */
const BATCH = 100;
/** Deliveries leased at a time, and for how long: a worker that dies mid-send gives them back then. */
const DELIVERY_BATCH = 20;
const LEASE_MS = 2 * 60_000;
/** A failed text or chat message is tried again after 5 min, 10, 20 … at most 6 h apart, 8 times (about a day). */
const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 5 * 60_000;
const LONGEST_RETRY_MS = 6 * 60 * 60_000;

export type ExpiryReminderOptions = {
  repository: ExpiryReminderRepository;
  notifications: Notifications;
  sms: SmsSender;
  chats: ChatMessenger;
  audit: AuditLog;
  subjects: AuditSubjects;
  transactions: Transactions;
  clock: Clock;
  random: RandomSource;
  /** EXPIRY_REMINDER_DAYS. */
  thresholds: readonly number[];
  /** The web chat opening with the renewal topic, linked from the e-mail. */
  renewalChatLink: string;
  log: (level: 'info' | 'warn', message: string, fields: Record<string, unknown>) => void;
  meter?: Meter;
};

/**
 * Certificate expiry reminders: once a day, every active certificate that reached a threshold
 * (days before its last day) gets one reminder for it, by e-mail (through the mail outbox, in the
 * transaction that records the reminder), by SMS and, where the citizen has a Teams chat with the
 * bot, there: each delivered once, retried when it fails. Blocked accounts are reminded too: the
 * reminder is about the certificate, not the login.
 */
export class ExpiryReminders {
  private readonly options: ExpiryReminderOptions;
  private readonly meter: Meter;

  constructor(options: ExpiryReminderOptions) {
    this.options = options;
    this.meter = options.meter ?? noMeter;
  }

  /** The daily run: records and sends the reminders due, then delivers what is waiting. */
  async run(): Promise<ReminderRun> {
    const reminded = await this.remindDue();
    if (reminded === undefined) return { result: 'busy' };
    return { result: 'done', reminded, ...(await this.deliverDue()) };
  }

  /** Records the reminders due today, with their e-mails queued; undefined when another instance is at it. */
  async remindDue(): Promise<number | undefined> {
    const { thresholds, clock } = this.options;
    if (thresholds.length === 0) return 0;
    const now = clock.now();
    const today = todayInTurkey(now);
    const until = addDays(today, Math.max(...thresholds));
    let after = '';
    let reminded = 0;
    for (;;) {
      const batch = await this.options.transactions.atomically(async () => {
        if (!(await this.options.repository.lockRun())) return undefined;
        const expiring = await this.options.repository.expiring(today, until, after, BATCH);
        const sent: { threshold: number; channels: ReminderChannel[] }[] = [];
        for (const certificate of expiring) {
          const channels = await this.remind(certificate, now);
          if (channels) sent.push(channels);
        }
        return { last: expiring.at(-1)?.serial, size: expiring.length, sent };
      });
      if (batch === undefined) return reminded > 0 ? reminded : undefined;
      // Counted once committed: a batch rolled back sent nothing.
      for (const { threshold, channels } of batch.sent)
        for (const channel of channels) this.meter.expiryReminder(channel, threshold, 'queued');
      reminded += batch.sent.length;
      if (batch.size < BATCH || batch.last === undefined) return reminded;
      after = batch.last;
    }
  }

  /** Inside the batch's transaction: the record, the e-mail and the audit row, together. */
  private async remind(certificate: ExpiringCertificate, now: Date) {
    const { repository, notifications, audit, subjects, thresholds } = this.options;
    const daysLeft = daysUntil(certificate.notAfter, now);
    const threshold = thresholdDue(daysLeft, thresholds, certificate.lastReminded);
    if (threshold === undefined) return undefined;
    const { citizen } = certificate;
    const subject = subjects.of(citizen.nationalId);
    const deliveries: ('sms' | 'teams')[] = [];
    if (citizen.phone) deliveries.push('sms');
    if (citizen.reachableChat) deliveries.push('teams');
    if (!(await repository.record({ serial: certificate.serial, threshold, daysLeft, deliveries }, now))) return undefined;
    const channels: ReminderChannel[] = [...deliveries];
    if (citizen.email) {
      await notifications.certificateExpiring(
        citizen,
        { serial: certificate.serial, notAfter: certificate.notAfter, daysLeft, link: this.options.renewalChatLink },
        citizen.locale,
      );
      channels.unshift('email');
    } else {
      this.options.log('warn', 'expiry reminder: no e-mail address on record', { subject: subject.masked });
    }
    if (!citizen.phone) this.options.log('warn', 'expiry reminder: no phone number on record', { subject: subject.masked });
    await audit.record({
      actor: 'system',
      action: 'certificate.expiryReminder',
      subject,
      details: { certificate: certificate.serial, threshold, daysLeft, channels: channels.join(',') },
    });
    this.options.log('info', 'expiry reminder recorded', {
      subject: subject.masked,
      threshold,
      daysLeft,
      channels,
      ...(citizen.email ? { email: maskEmail(citizen.email) } : {}),
    });
    return { threshold, channels };
  }

  /** Sends the reminders' text and chat messages that are due, each leased so two instances never both send it. */
  async deliverDue(): Promise<{ delivered: number; retrying: number; failed: number }> {
    const { repository, clock, random } = this.options;
    const totals = { delivered: 0, retrying: 0, failed: 0 };
    for (;;) {
      const now = clock.now();
      const lease = random.bytes(12).toString('base64url');
      const leased = await repository.leaseDeliveries(now, lease, new Date(now.getTime() + LEASE_MS), DELIVERY_BATCH);
      for (const delivery of leased) {
        const end = await this.deliver(delivery);
        await repository.settle(delivery, end, clock.now());
        if (end.result === 'sent') totals.delivered += 1;
        else if (end.result === 'retry') totals.retrying += 1;
        else totals.failed += 1;
        this.meter.expiryReminder(
          delivery.channel,
          delivery.threshold,
          end.result === 'retry' ? 'failed' : end.result === 'sent' ? 'sent' : 'given_up',
        );
      }
      if (leased.length < DELIVERY_BATCH) return totals;
    }
  }

  private async deliver(delivery: LeasedDelivery): Promise<DeliveryEnd> {
    const { target } = delivery;
    const now = this.options.clock.now();
    // Revoked or expired since: the reminder has nothing left to say.
    if (!target || target.status !== 'active' || daysUntil(target.notAfter, now) < 0)
      return { result: 'failed', error: 'certificate-not-active' };
    const daysLeft = daysUntil(target.notAfter, now);
    try {
      if (delivery.channel === 'sms') {
        if (!target.phone) return { result: 'failed', error: 'no-phone' };
        await this.options.sms.send(target.phone, smsReminderText(target.locale, delivery.serial, target.notAfter, daysLeft));
        return { result: 'sent' };
      }
      if (!target.chat) return { result: 'failed', error: 'no-chat' };
      const told = await this.options.chats.tell(
        target.chat,
        target.locale,
        chatReminderText(target.locale, delivery.serial, target.notAfter, daysLeft),
      );
      return told === 'sent' ? { result: 'sent' } : { result: 'failed', error: 'channel-not-served' };
    } catch (error) {
      return this.retryOrGiveUp(delivery, error, target.phone);
    }
  }

  private retryOrGiveUp(delivery: LeasedDelivery, error: unknown, phone: string): DeliveryEnd {
    const attempts = delivery.attempts + 1;
    const reason = error instanceof Error ? error.name : 'Error';
    this.options.log('warn', 'expiry reminder could not be delivered', {
      channel: delivery.channel,
      attempt: attempts,
      failure: reason,
      ...(delivery.channel === 'sms' && phone ? { phone: maskPhone(phone) } : {}),
    });
    if (attempts >= MAX_ATTEMPTS) return { result: 'failed', error: reason };
    const delay = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);
    return { result: 'retry', at: new Date(this.options.clock.now().getTime() + delay), error: reason };
  }
}

/** The reminder SMS: the serial's last characters, the date and the days left, within two segments. */
export function smsReminderText(locale: Locale, serial: string, notAfter: string, daysLeft: number): string {
  const remaining = daysLeftText(locale, daysLeft, { today: 'sms.expiry.today', oneDay: 'sms.expiry.oneDay', days: 'sms.expiry.days' });
  return translate(locale, 'sms.expiry', { tail: serial.slice(-4), date: formatDate('tr', notAfter), remaining });
}

/** The reminder told in a Teams chat, which leads on to the renewal steps. */
export function chatReminderText(locale: Locale, serial: string, notAfter: string, daysLeft: number): string {
  const remaining = daysLeftText(locale, daysLeft, {
    today: 'reminder.expiry.today',
    oneDay: 'reminder.expiry.oneDay',
    days: 'reminder.expiry.days',
  });
  return translate(locale, 'reminder.expiry', { serial, date: formatDate(locale, notAfter), remaining });
}
