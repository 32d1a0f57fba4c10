import type { AuditEntry } from '../domain/audit';
import type { Certificate, CertificateRepository, StatusChange } from '../domain/certificates';
import type { MailRecipient } from '../domain/notifications';
import type { PinPukRepository, StoredCard } from '../domain/pinPuk';
import type { SqlDatabase } from './database';
import { insertAudit } from './sqlAudit';

export class SqlCards implements PinPukRepository, CertificateRepository {
  constructor(private readonly db: SqlDatabase) {}

  async cardsOf(citizenId: string): Promise<StoredCard[]> {
    const rows = await this.db.query<{
      serial: string;
      offline_changed: boolean;
      pin_puk_deleted_at: Date | null;
      wrapped_data_key: Uint8Array | null;
      ciphertext: Uint8Array | null;
    }>(
      `SELECT c.serial, c.offline_changed, c.pin_puk_deleted_at, s.wrapped_data_key, s.ciphertext
       FROM cards c LEFT JOIN pin_puk_secrets s ON s.card_serial = c.serial
       WHERE c.citizen_id = $1 ORDER BY c.serial`,
      [citizenId],
    );
    return rows.map((row) => ({
      serial: row.serial,
      offlineChanged: row.offline_changed,
      deletedAt: row.pin_puk_deleted_at ? new Date(row.pin_puk_deleted_at) : null,
      sealed:
        row.wrapped_data_key && row.ciphertext
          ? { wrappedDataKey: Buffer.from(row.wrapped_data_key), ciphertext: Buffer.from(row.ciphertext) }
          : null,
    }));
  }

  destroy(citizenId: string, serials: readonly string[], now: Date, audit: AuditEntry): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      const deleted = await tx.query<{ card_serial: string }>(
        `DELETE FROM pin_puk_secrets s USING cards c
         WHERE s.card_serial = c.serial AND c.citizen_id = $1 AND c.serial = ANY($2::text[])
         RETURNING s.card_serial`,
        [citizenId, [...serials]],
      );
      const destroyed = deleted.map((row) => row.card_serial);
      await tx.query(
        'UPDATE cards SET pin_puk_deleted_at = $3 WHERE citizen_id = $1 AND serial = ANY($2::text[]) AND pin_puk_deleted_at IS NULL',
        [citizenId, [...serials], now],
      );
      if (destroyed.length > 0) {
        await insertAudit(tx, { ...audit, details: { ...audit.details, cards: destroyed.join(',') } }, now);
      }
      return destroyed;
    });
  }

  async certificatesOf(citizenId: string): Promise<Certificate[]> {
    const rows = await this.db.query<{
      serial: string;
      kind: string;
      card_serial: string | null;
      status: Certificate['status'];
      published: boolean;
      not_before: string;
      not_after: string;
    }>(
      `SELECT serial, kind, card_serial, status, published,
              to_char(not_before, 'YYYY-MM-DD') AS not_before, to_char(not_after, 'YYYY-MM-DD') AS not_after
       FROM certificates WHERE citizen_id = $1 ORDER BY not_before DESC, serial`,
      [citizenId],
    );
    return rows.map((row) => ({
      serial: row.serial,
      kind: row.kind,
      cardSerial: row.card_serial,
      status: row.status,
      published: row.published,
      notBefore: row.not_before,
      notAfter: row.not_after,
    }));
  }

  async changeStatus({ citizenId, serial, from, to, now, revocation }: StatusChange): Promise<MailRecipient | undefined> {
    const [row] = await this.db.query<{ email: string; first_name: string; last_name: string }>(
      `UPDATE certificates SET status = $4, status_changed_at = $5, revocation_reason = $6, revocation_note = $7
       FROM citizens z
       WHERE z.id = certificates.citizen_id AND certificates.citizen_id = $1 AND certificates.serial = $2
         AND certificates.status = ANY($3::text[])
       RETURNING z.email, z.first_name, z.last_name`,
      [citizenId, serial, [...from], to, now, revocation?.reason ?? null, revocation?.note ?? null],
    );
    return row ? { email: row.email, firstName: row.first_name, lastName: row.last_name } : undefined;
  }
}
