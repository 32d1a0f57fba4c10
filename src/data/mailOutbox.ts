import type { Clock } from '../lib/clock';
import { noMeter, type Meter } from '../lib/meter';
import type { Mailer, OutgoingMail } from '../domain/notifications';
import type { RandomSource } from '../lib/random';
import { seal, unseal, type SecretKey } from '../lib/secrets';
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

const SEALED_MAIL = 'mail-outbox';

/**
 * A queued mail's recipient, subject and body as one AES-256-GCM blob: the body may hold a reset or
 * e-mail change link, and the table, its WAL and its backups must not.
 */
export class MailSeal {
  constructor(
    /** 32 bytes, derived from the master key for this purpose alone. */
    private readonly key: SecretKey,
    private readonly random: RandomSource,
  ) {}

  seal(mail: OutgoingMail): Buffer {
    return seal(
      this.key,
      Buffer.from(JSON.stringify({ to: mail.to, subject: mail.subject, text: mail.text }), 'utf8'),
      SEALED_MAIL,
      this.random,
    );
  }

  open(sealed: Uint8Array): OutgoingMail {
    return JSON.parse(unseal(this.key, Buffer.from(sealed), SEALED_MAIL).toString('utf8')) as OutgoingMail;
  }
}

/** Queues a mail as a sealed row, inside whatever transaction is running; the worker is woken after commit. */
export class SqlMailQueue implements Mailer {
  constructor(
    private readonly db: SqlDatabase,
    private readonly clock: Clock,
    private readonly wake: () => void,
    private readonly sealing: MailSeal,
  ) {}

  async send(mail: OutgoingMail): Promise<void> {
    const now = this.clock.now();
    await this.db.query(
      "INSERT INTO mail_outbox (recipient, subject, body, sealed, created_at, next_attempt_at) VALUES ('', '', '', $1, $2, $2)",
      [this.sealing.seal(mail), now],
    );
    this.db.afterCommit(this.wake);
  }
}

/**
 * Seals the mails queued in plain text before mail was sealed (migration 005), once, at start;
 * returns how many. Mails already sent or given up hold no body and are left alone.
 */
export async function sealPlainQueuedMail(db: SqlDatabase, sealing: MailSeal): Promise<number> {
  const plain = await db.query<{ id: string; recipient: string; subject: string; body: string }>(
    'SELECT id::text AS id, recipient, subject, body FROM mail_outbox WHERE sealed IS NULL AND sent_at IS NULL AND failed_at IS NULL',
  );
  for (const row of plain) {
    await db.query("UPDATE mail_outbox SET sealed = $2, recipient = '', subject = '', body = '' WHERE id = $1 AND sealed IS NULL", [
      row.id,
      sealing.seal({ to: row.recipient, subject: row.subject, text: row.body }),
    ]);
  }
  return plain.length;
}

/** Mails still to be delivered: queued or waiting for a retry, not yet sent nor given up. */
export async function mailBacklog(db: SqlDatabase): Promise<number> {
  const [row] = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL',
  );
  return row?.count ?? 0;
}

/** A leased row: sealed, or (queued by an older version during a rolling update) still in plain text. */
type QueuedMail = { id: string; recipient: string; subject: string; body: string; sealed: Uint8Array | null; attempts: number };

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
    private readonly sealing: MailSeal,
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
       RETURNING id::text AS id, recipient, subject, body, sealed, attempts`,
      [now, new Date(now.getTime() + LEASE_MS), lease],
    );
    return row ? { ...row, lease } : undefined;
  }

  private async deliver(mail: QueuedMail & { lease: string }): Promise<void> {
    try {
      const opened = mail.sealed ? this.sealing.open(mail.sealed) : { to: mail.recipient, subject: mail.subject, text: mail.body };
      await this.transport.send(opened);
      this.meter.mail('sent');
      // The body may hold a link token: once delivered it is not kept, sealed or not.
      await this.db.query(
        "UPDATE mail_outbox SET sent_at = $2, locked_until = NULL, body = '', sealed = NULL WHERE id = $1 AND lease = $3",
        [mail.id, this.clock.now(), mail.lease],
      );
    } catch (error) {
      const attempts = mail.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      const delay = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);
      const now = this.clock.now();
      const reason = error instanceof Error ? error.name : 'Error';
      await this.db.query(
        `UPDATE mail_outbox SET attempts = $2, next_attempt_at = $3, locked_until = NULL, last_error = $4,
           failed_at = CASE WHEN $5::boolean THEN $6::timestamptz END,
           body = CASE WHEN $5::boolean THEN '' ELSE body END,
           sealed = CASE WHEN $5::boolean THEN NULL ELSE sealed END
         WHERE id = $1 AND lease = $7`,
        [mail.id, attempts, new Date(now.getTime() + delay), reason, giveUp, now, mail.lease],
      );
      this.meter.mail(giveUp ? 'given_up' : 'failed');
      this.log(giveUp ? 'mail given up' : 'mail delivery failed, will retry', { mail: mail.id, attempts, reason });
    }
  }
}
