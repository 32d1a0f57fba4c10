import type { Actor, AuditLog } from './audit';
import type { Clock } from '../lib/clock';
import type { MailRecipient, Notifications } from './notifications';
import type { Transactions } from '../lib/transactions';
import type { Locale } from '../language/locale';

export type CertificateStatus = 'pending' | 'active' | 'revoked';

export type Certificate = {
  serial: string;
  kind: string;
  cardSerial: string | null;
  status: CertificateStatus;
  published: boolean;
  notBefore: string;
  notAfter: string;
};

/** A certificate as Sertifika Listele shows it: with the whole days left until its last day. */
export type ListedCertificate = Certificate & { daysLeft: number };

/** Certificates running out within this many days get a word on what to do. */
export const EXPIRY_NOTICE_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * Built once: each Intl.DateTimeFormat loads ICU's calendar and time-zone data in native memory,
 * which a server that built one per certificate (a 3,000-citizen SEED_FILE at start) kept, 70 MB.
 */
const TURKISH_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Türkiye (the certificates' dates are Turkish calendar dates), as "YYYY-MM-DD". */
export function todayInTurkey(now: Date): string {
  return TURKISH_DAY.format(now);
}

/** "YYYY-MM-DD" plus (or minus) whole days. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from today to `notAfter` ("YYYY-MM-DD"): 0 on that day, negative once it has passed. */
export function daysUntil(notAfter: string, now: Date): number {
  return Math.round((Date.parse(`${notAfter}T00:00:00Z`) - Date.parse(`${todayInTurkey(now)}T00:00:00Z`)) / DAY_MS);
}

/** Sertifikamı İptal Et's reasons: kayıp/çalıntı, bilgi değişikliği, anahtar güvenliği, diğer. */
export const REVOCATION_REASONS = ['lost-or-stolen', 'details-changed', 'key-compromise', 'other'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];
/** For "diğer", the citizen's own words: at most this many characters. */
export const REVOCATION_NOTE_MAX_LENGTH = 200;

export type Revocation = { reason: RevocationReason; note: string | null };

export type NoteCheck = { ok: true; note: string } | { ok: false; reason: 'empty' | 'too-long' };

/** What a status change finds when it cannot be made: the certificate's status, or that it is not the citizen's. */
export type StatusRefusal = { result: 'refused'; status: CertificateStatus | 'unknown' };

export type StatusOutcome = { result: 'changed' } | StatusRefusal;

/** A certificate of the citizen moving from one of `from` to `to` at `now`. */
export type StatusChange = {
  citizenId: string;
  serial: string;
  from: readonly CertificateStatus[];
  to: CertificateStatus;
  now: Date;
  revocation?: Revocation;
};

export interface CertificateRepository {
  certificatesOf(citizenId: string): Promise<Certificate[]>;
  /** One conditional statement; the citizen as a mail recipient, or undefined when no certificate matched. */
  changeStatus(change: StatusChange): Promise<MailRecipient | undefined>;
}

/** The citizen's words for "diğer", trimmed; empty or longer than 200 characters is refused. */
export function revocationNoteOf(text: string): NoteCheck {
  const note = text.trim();
  if (note === '') return { ok: false, reason: 'empty' };
  if ([...note].length > REVOCATION_NOTE_MAX_LENGTH) return { ok: false, reason: 'too-long' };
  return { ok: true, note };
}

/**
 * Sertifika Listele, Kullanıma Aç (pending → active) and Sertifikamı İptal Et (→ revoked, for
 * good). Each change is made with its audit row, and for a revocation the e-mail, or not at all.
 */
export class CertificateService {
  constructor(
    private readonly repository: CertificateRepository,
    private readonly notifications: Notifications,
    private readonly audit: AuditLog,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  list(citizenId: string): Promise<Certificate[]> {
    return this.repository.certificatesOf(citizenId);
  }

  /** Sertifika Listele: every certificate with the days left until its last day. */
  async listing(citizenId: string): Promise<ListedCertificate[]> {
    const now = this.clock.now();
    return (await this.list(citizenId)).map((certificate) => ({ ...certificate, daysLeft: daysUntil(certificate.notAfter, now) }));
  }

  /** Kullanıma Aç: only a certificate waiting for activation can be activated. */
  async activate(citizenId: string, serial: string, actor: Actor): Promise<StatusOutcome> {
    const changed = await this.transactions.atomically(async () => {
      const citizen = await this.repository.changeStatus({ citizenId, serial, from: ['pending'], to: 'active', now: this.clock.now() });
      if (citizen) await this.record(actor, 'certificate.activated', { certificate: serial });
      return citizen !== undefined;
    });
    return changed ? { result: 'changed' } : this.refusal(citizenId, serial);
  }

  /** Sertifikamı İptal Et: irreversible; the registered address is told by e-mail. */
  async revoke(citizenId: string, serial: string, revocation: Revocation, actor: Actor, locale: Locale): Promise<StatusOutcome> {
    const changed = await this.transactions.atomically(async () => {
      const now = this.clock.now();
      const citizen = await this.repository.changeStatus({
        citizenId,
        serial,
        from: ['pending', 'active'],
        to: 'revoked',
        now,
        revocation,
      });
      if (!citizen) return false;
      await this.record(actor, 'certificate.revoked', { certificate: serial, reason: revocation.reason });
      await this.notifications.certificateRevoked(citizen, serial, revocation, locale);
      return true;
    });
    return changed ? { result: 'changed' } : this.refusal(citizenId, serial);
  }

  private async refusal(citizenId: string, serial: string): Promise<StatusRefusal> {
    const certificate = (await this.repository.certificatesOf(citizenId)).find((each) => each.serial === serial);
    return { result: 'refused', status: certificate?.status ?? 'unknown' };
  }

  private record(actor: Actor, action: string, details: Record<string, string>): Promise<void> {
    return this.audit.record({ actor: 'citizen', action, subject: actor.subject, channel: actor.channel, details });
  }
}
