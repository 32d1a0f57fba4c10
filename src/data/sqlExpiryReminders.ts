import type { DeliveryEnd, ExpiringCertificate, ExpiryReminderRepository, LeasedDelivery } from '../domain/expiryReminders';
import type { CitizenConversations, RememberedConversation } from '../domain/citizenConversations';
import { localeOf } from '../language/messages';
import type { Clock } from '../lib/clock';
import type { SqlDatabase } from './database';

/** Any fixed number, other than the migrations' own: instances running the reminder job take turns on it. */
const REMINDER_LOCK = 7_263_481_823;

/** The language of the citizen's latest confirmed login (`z` is the citizen's row); null when none is on record. */
const LATEST_LOCALE =
  '(SELECT cc.locale FROM citizen_conversations cc WHERE cc.citizen_id = z.id ORDER BY cc.updated_at DESC LIMIT 1) AS locale';

type ExpiringRow = {
  serial: string;
  not_after: string;
  last_reminded: number | null;
  national_id: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  locale: string | null;
  reachable_chat: boolean;
};

type TargetRow = { status: string; not_after: string; phone: string; locale: string | null; chat: unknown };

/** The reminders sent (the once-only rule), their text and chat deliveries, and the conversations they can go to. */
export class SqlExpiryReminders implements ExpiryReminderRepository, CitizenConversations {
  constructor(
    private readonly db: SqlDatabase,
    private readonly clock: Clock,
  ) {}

  async lockRun(): Promise<boolean> {
    const [row] = await this.db.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [REMINDER_LOCK]);
    return row?.locked === true;
  }

  async expiring(from: string, to: string, afterSerial: string, limit: number): Promise<ExpiringCertificate[]> {
    const rows = await this.db.query<ExpiringRow>(
      `SELECT c.serial, to_char(c.not_after, 'YYYY-MM-DD') AS not_after,
              (SELECT min(r.threshold_days) FROM expiry_reminders r WHERE r.certificate_serial = c.serial) AS last_reminded,
              z.national_id, z.first_name, z.last_name, z.email, z.phone,
              ${LATEST_LOCALE},
              EXISTS (SELECT 1 FROM citizen_conversations cc WHERE cc.citizen_id = z.id AND cc.reference IS NOT NULL) AS reachable_chat
       FROM certificates c JOIN citizens z ON z.id = c.citizen_id
       WHERE c.status = 'active' AND c.not_after BETWEEN $1::date AND $2::date AND c.serial > $3
       ORDER BY c.serial LIMIT $4`,
      [from, to, afterSerial, limit],
    );
    return rows.map((row) => ({
      serial: row.serial,
      notAfter: row.not_after,
      lastReminded: row.last_reminded,
      citizen: {
        nationalId: row.national_id,
        firstName: row.first_name,
        lastName: row.last_name,
        email: row.email.trim(),
        phone: row.phone.trim(),
        locale: localeOf(row.locale ?? undefined, 'tr'),
        reachableChat: row.reachable_chat,
      },
    }));
  }

  async record(
    reminder: { serial: string; threshold: number; daysLeft: number; deliveries: ('sms' | 'teams')[] },
    now: Date,
  ): Promise<boolean> {
    const inserted = await this.db.query(
      `INSERT INTO expiry_reminders (certificate_serial, threshold_days, days_left, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING certificate_serial`,
      [reminder.serial, reminder.threshold, reminder.daysLeft, now],
    );
    if (inserted.length === 0) return false;
    for (const channel of reminder.deliveries) {
      await this.db.query(
        `INSERT INTO expiry_reminder_deliveries (certificate_serial, threshold_days, channel, next_attempt_at) VALUES ($1, $2, $3, $4)`,
        [reminder.serial, reminder.threshold, channel, now],
      );
    }
    return true;
  }

  async leaseDeliveries(now: Date, lease: string, until: Date, limit: number): Promise<LeasedDelivery[]> {
    const leased = await this.db.query<{ serial: string; threshold: number; channel: 'sms' | 'teams'; attempts: number }>(
      `UPDATE expiry_reminder_deliveries d SET locked_until = $2, lease = $3
       FROM (SELECT certificate_serial, threshold_days, channel FROM expiry_reminder_deliveries
             WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
             ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED) due
       WHERE d.certificate_serial = due.certificate_serial AND d.threshold_days = due.threshold_days AND d.channel = due.channel
       RETURNING d.certificate_serial AS serial, d.threshold_days AS threshold, d.channel, d.attempts`,
      [now, until, lease, limit],
    );
    const deliveries: LeasedDelivery[] = [];
    for (const row of leased) {
      const [target] = await this.db.query<TargetRow>(
        `SELECT c.status, to_char(c.not_after, 'YYYY-MM-DD') AS not_after, z.phone,
                ${LATEST_LOCALE},
                (SELECT cc.reference FROM citizen_conversations cc
                 WHERE cc.citizen_id = z.id AND cc.reference IS NOT NULL ORDER BY cc.updated_at DESC LIMIT 1) AS chat
         FROM certificates c JOIN citizens z ON z.id = c.citizen_id WHERE c.serial = $1`,
        [row.serial],
      );
      deliveries.push({
        ...row,
        lease,
        target: target && {
          status: target.status,
          notAfter: target.not_after,
          phone: target.phone.trim(),
          locale: localeOf(target.locale ?? undefined, 'tr'),
          chat: typeof target.chat === 'string' ? (JSON.parse(target.chat) as unknown) : (target.chat ?? undefined),
        },
      });
    }
    return deliveries;
  }

  async settle(delivery: LeasedDelivery, end: DeliveryEnd, now: Date): Promise<void> {
    const key = [delivery.serial, delivery.threshold, delivery.channel, delivery.lease];
    const where = 'WHERE certificate_serial = $1 AND threshold_days = $2 AND channel = $3 AND lease = $4';
    if (end.result === 'sent') {
      await this.db.query(`UPDATE expiry_reminder_deliveries SET sent_at = $5, attempts = attempts + 1, locked_until = NULL ${where}`, [
        ...key,
        now,
      ]);
    } else if (end.result === 'retry') {
      await this.db.query(
        `UPDATE expiry_reminder_deliveries SET attempts = attempts + 1, next_attempt_at = $5, last_error = $6, locked_until = NULL ${where}`,
        [...key, end.at, end.error],
      );
    } else {
      await this.db.query(
        `UPDATE expiry_reminder_deliveries SET failed_at = $5, attempts = attempts + 1, last_error = $6, locked_until = NULL ${where}`,
        [...key, now, end.error],
      );
    }
  }

  async remember(citizenId: string, conversation: RememberedConversation): Promise<void> {
    await this.db.query(
      `INSERT INTO citizen_conversations (citizen_id, channel, locale, reference, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (citizen_id, channel) DO UPDATE SET locale = EXCLUDED.locale, reference = EXCLUDED.reference, updated_at = EXCLUDED.updated_at`,
      [
        citizenId,
        conversation.channel,
        conversation.locale,
        conversation.reference === undefined ? null : JSON.stringify(conversation.reference),
        this.clock.now(),
      ],
    );
  }
}
