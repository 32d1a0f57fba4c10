import type { Clock } from '../services/clock';
import { noMeter, type Meter } from '../services/meter';
import type { Mailer, OutgoingMail } from '../services/notifications';
import type { RandomSource } from '../services/random';
import type { SqlDatabase } from './database';

/** Delivery is retried with growing pauses: 30 s, 1 min, 2 min … up to an hour, 12 times. */
const MAX_ATTEMPTS = 12;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 60 * 60_000;
/** A worker that dies mid-send gives its mail back after this long. */
const LEASE_MS = 60_000;
const POLL_MS = 2_000;
/** Mails handed to the transport at the same time by one worker (each loop leases its own). */
const DELIVERIES_AT_ONCE = 4;

/** Queues a mail as a row, inside whatever transaction is running; the worker is woken after commit. */
export class SqlMailQueue implements Mailer {
  constructor(
    private readonly db: SqlDatabase,
    private readonly clock: Clock,
    private readonly wake: () => void,
  ) {}

  async send(mail: OutgoingMail): Promise<void> {
    const now = this.clock.now();
    await this.db.query(
      'INSERT INTO mail_outbox (recipient, subject, body, created_at, next_attempt_at) VALUES ($1, $2, $3, $4, $4)',
      [mail.to, mail.subject, mail.text, now],
    );
    this.db.afterCommit(this.wake);
  }
}

/** Mails still to be delivered: queued or waiting for a retry, not yet sent nor given up. */
export async function mailBacklog(db: SqlDatabase): Promise<number> {
  const [row] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL');
  return row?.count ?? 0;
}

type QueuedMail = { id: string; recipient: string; subject: string; body: string; attempts: number };

/**
 * Delivers queued mail through the transport (SMTP or the outbox folder). Each mail is leased by
 * one worker at a time, so two instances running it deliver every mail once.
 */
export class MailDeliveryWorker {
  private timer?: NodeJS.Timeout;
  /** Delivery loops under way, at most DELIVERIES_AT_ONCE. */
  private active = 0;
  private again = false;

  constructor(
    private readonly db: SqlDatabase,
    private readonly transport: Mailer,
    private readonly clock: Clock,
    private readonly random: RandomSource,
    private readonly log: (message: string, fields: Record<string, unknown>) => void,
    /** Runs a delivery pass as tracked background work, so shutdown and tests can wait for it. */
    private readonly schedule: (pass: () => Promise<void>) => void,
    private readonly meter: Meter = noMeter,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.timer.unref();
    this.wake();
  }

  /**
   * Delivers what is due now: a wake starts another delivery loop while fewer than
   * DELIVERIES_AT_ONCE run (so one slow SMTP answer does not hold back every mail queued behind
   * it); when all are busy, another loop follows the first that ends.
   */
  wake = (): void => {
    if (this.active >= DELIVERIES_AT_ONCE) {
      this.again = true;
      return;
    }
    this.active += 1;
    this.schedule(async () => {
      try {
        await this.deliverDue();
      } finally {
        this.active -= 1;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      }
    });
  };

  /** No new passes; one under way finishes as tracked background work. */
  stop(): void {
    clearInterval(this.timer);
  }

  /**
   * At shutdown: no more timed passes, and one last pass over the mails due now (after the one under
   * way, if any), as tracked background work the caller waits for.
   */
  flush(): void {
    this.stop();
    this.wake();
  }

  /** One delivery loop: leases and delivers due mails, one at a time, until none is left. */
  private async deliverDue(): Promise<void> {
    for (;;) {
      const mail = await this.lease();
      if (!mail) return;
      await this.deliver(mail);
    }
  }

  private async lease(): Promise<(QueuedMail & { lease: string }) | undefined> {
    const now = this.clock.now();
    const lease = this.random.bytes(12).toString('base64url');
    const [row] = await this.db.query<QueuedMail>(
      `UPDATE mail_outbox SET locked_until = $2, lease = $3
       WHERE id = (
         SELECT id FROM mail_outbox
         WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
         ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id::text AS id, recipient, subject, body, attempts`,
      [now, new Date(now.getTime() + LEASE_MS), lease],
    );
    return row ? { ...row, lease } : undefined;
  }

  private async deliver(mail: QueuedMail & { lease: string }): Promise<void> {
    try {
      await this.transport.send({ to: mail.recipient, subject: mail.subject, text: mail.body });
      this.meter.mail('sent');
      // The body may hold a link token: once delivered it is not kept.
      await this.db.query("UPDATE mail_outbox SET sent_at = $2, locked_until = NULL, body = '' WHERE id = $1 AND lease = $3", [
        mail.id,
        this.clock.now(),
        mail.lease,
      ]);
    } catch (error) {
      const attempts = mail.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      const delay = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);
      const now = this.clock.now();
      const reason = error instanceof Error ? error.name : 'Error';
      await this.db.query(
        `UPDATE mail_outbox SET attempts = $2, next_attempt_at = $3, locked_until = NULL, last_error = $4,
           failed_at = CASE WHEN $5::boolean THEN $6::timestamptz END,
           body = CASE WHEN $5::boolean THEN '' ELSE body END
         WHERE id = $1 AND lease = $7`,
        [mail.id, attempts, new Date(now.getTime() + delay), reason, giveUp, now, mail.lease],
      );
      this.meter.mail(giveUp ? 'given_up' : 'failed');
      this.log(giveUp ? 'mail given up' : 'mail delivery failed, will retry', { mail: mail.id, attempts, reason });
    }
  }
}
